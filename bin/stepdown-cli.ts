import { readFileSync } from 'node:fs';
import { createHost, replay, type ScenarioFile } from '../src/sim/index.ts';

const USAGE = `Usage: stepdown [--plain]
       stepdown replay SCENARIO.json

Opens a shell on Stepdown's simulated Linux host (user learner, Docker
installed) in this terminal.

  --plain   read commands from standard input and print only what they
            print (stdout and stderr kept apart, no prompt, no echo, no
            colours); exit with the last command's status
  --help    show this help

  replay    run a scenario in the golden-recording format on the lab image
            and print {"observed": {...}} with the recording's field names
`;

export async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args[0] === 'replay') return replayFile(args.slice(1));
  const unknown = args.find((a) => a !== '--plain');
  if (unknown !== undefined) {
    process.stderr.write(`stepdown: unknown argument '${unknown}'\n${USAGE}`);
    return 2;
  }
  if (args.includes('--plain') || !process.stdin.isTTY) return plain();
  return interactive();
}

function replayFile(args: readonly string[]): number {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) {
    process.stderr.write(`stepdown: replay takes one scenario file\n${USAGE}`);
    return 2;
  }
  let scenario: ScenarioFile;
  try {
    scenario = JSON.parse(readFileSync(file, 'utf8')) as ScenarioFile;
  } catch (error) {
    process.stderr.write(`stepdown: cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const observed = replay(createHost(), scenario);
  process.stdout.write(JSON.stringify({ observed }, null, 2) + '\n');
  return 0;
}

function plain(): number {
  const script = readFileSync(0, 'utf8');
  const host = createHost();
  const result = host.runPlain(script, {
    stdout: (data) => process.stdout.write(data),
    stderr: (data) => process.stderr.write(data),
  });
  return result.status;
}

/** Raw mode: every key goes to the simulated terminal, which does the line editing and echo. */
function interactive(): Promise<number> {
  const host = createHost({ defer: (callback) => setImmediate(callback) });
  const session = host.openTerminal({
    cols: process.stdout.columns || 80,
    rows: process.stdout.rows || 24,
  });
  // Flow control: a program writing faster than the real terminal shows waits, as on a pty.
  session.onOutput((data) => process.stdout.write(data, () => session.acknowledge?.(data.length)), {
    flowControl: true,
  });
  process.stdout.on('resize', () => session.resize(process.stdout.columns, process.stdout.rows));
  process.stdin.setRawMode(true);
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (data: string) => {
    session.write(data);
    tick();
  });
  let timer: NodeJS.Timeout | undefined;
  let last = Date.now();
  // Virtual time follows real time while something sleeps, so `sleep 2` takes two seconds here too.
  const tick = () => {
    clearTimeout(timer);
    const wait = host.nextTimerIn();
    if (wait === undefined) return;
    last = Date.now();
    timer = setTimeout(() => {
      host.advance(Date.now() - last);
      tick();
    }, wait);
  };
  tick();
  return new Promise((resolve) => {
    session.onExit((status) => {
      clearTimeout(timer);
      process.stdin.setRawMode(false);
      process.stdin.pause();
      resolve(status);
    });
  });
}

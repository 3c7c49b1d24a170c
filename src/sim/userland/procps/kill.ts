import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { convertSignal, signalList, signalNumber, signalTable } from './kill-signals.ts';

/** procps-ng 4.0.2 kill's usage (src/kill.c), recorded from /usr/bin/kill on Debian 12. */
const USAGE = `
Usage:
 kill [options] <pid> [...]

Options:
 <pid> [...]            send signal to every <pid> listed
 -<signal>, -s, --signal <signal>
                        specify the <signal> to be sent
 -q, --queue <value>    integer value to be sent with the signal
 -l, --list=[<signal>]  list all signal names, or convert one to a name
 -L, --table            list all signal names in a nice table

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see kill(1).
`;

const SIGTERM = 15;
/** "-s FOO": procps keeps -1 for an unknown name and lets kill(2) refuse it (EINVAL). */
const UNKNOWN_SIGNAL = -1;

type Plan = { readonly done: number } | { readonly sig: number; readonly pids: readonly string[] };

/**
 * /usr/bin/kill from procps-ng 4.0.2 (shells have their own builtin). Every
 * text and status below was recorded from the real tool on Debian 12; see
 * test/sim/userland/kill.test.ts.
 */
export const kill = program('procps-4.0.2/kill', { vszKb: 5496, rssKb: 1908 }, function* (context) {
  const prog = progName(context, 'kill');
  const plan = yield* parse(prog, context.argv.slice(1));
  if ('done' in plan) return plan.done;
  let status = 0;
  for (const arg of plan.pids) {
    if (!/^-?\d+$/.test(arg)) {
      yield* err(`${prog}: failed to parse argument: '${arg}'\n`);
      status = 1;
      continue;
    }
    const result = yield* sys.kill(Number(arg), plan.sig);
    if (result instanceof Errno) {
      yield* err(`${prog}: (${arg}): ${result.message}\n`);
      status = 1;
    }
  }
  return status;
});

function* parse(prog: string, args: readonly string[]): Gen<Plan> {
  let sig = SIGTERM;
  let i = 0;
  const first = args[0];
  if (first !== undefined && /^-[^-]/.test(first)) {
    const asSignal = signalNumber(first.slice(1));
    if (asSignal !== undefined) {
      sig = asSignal;
      i = 1;
    }
  }
  for (; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    const option = arg.startsWith('--') ? longOption(arg) : arg.slice(1, 2);
    const inline = arg.startsWith('--') ? inlineValue(arg) : arg.slice(2) || undefined;
    switch (option) {
      case 'l':
        return yield* list(prog, inline ?? nextOperand(args[i + 1]));
      case 'L':
        yield* out(signalTable());
        return { done: 0 };
      case 'h':
        yield* out(USAGE);
        return { done: 0 };
      case 'V':
        yield* out('kill from procps-ng 4.0.2\n');
        return { done: 0 };
      case 's':
      case 'q': {
        const value = inline ?? args[i + 1];
        if (value === undefined) return yield* invalid(prog, option);
        if (inline === undefined) i++;
        if (option === 's') sig = signalNumber(value) ?? UNKNOWN_SIGNAL;
        break;
      }
      default:
        return yield* invalid(prog, option);
    }
  }
  const pids = args.slice(i);
  if (pids.length === 0) {
    yield* err(USAGE);
    return { done: 1 };
  }
  return { sig, pids };
}

/** Long options map to their letters; an unknown one has no letter (getopt's optopt is 0). */
function longOption(arg: string): string {
  const name = arg.slice(2).split('=')[0] ?? '';
  const letters: Record<string, string> = {
    list: 'l',
    table: 'L',
    help: 'h',
    version: 'V',
    signal: 's',
    queue: 'q',
  };
  return letters[name] ?? '\0';
}

function inlineValue(arg: string): string | undefined {
  const eq = arg.indexOf('=');
  return eq < 0 ? undefined : arg.slice(eq + 1);
}

/** `-l 15`: procps also takes the next word as -l's argument when it is not an option. */
function nextOperand(next: string | undefined): string | undefined {
  return next !== undefined && !next.startsWith('-') ? next : undefined;
}

function* list(prog: string, arg: string | undefined): Gen<Plan> {
  if (arg === undefined) {
    yield* out(signalList());
    return { done: 0 };
  }
  const converted = convertSignal(arg);
  if (converted === undefined) yield* err(`${prog}: unknown signal name ${arg}\n`);
  else yield* out(converted + '\n');
  return { done: 0 };
}

function* invalid(prog: string, letter: string): Gen<Plan> {
  yield* err(`${prog}: invalid argument ${letter}\n${USAGE}`);
  return { done: 1 };
}

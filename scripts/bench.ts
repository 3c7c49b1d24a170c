/**
 * `npm run bench`: the simulator's speed, printed as numbers (median of
 * several runs, real time on this machine). Not a test: nothing here can
 * fail a build; the numbers go into the issue notes and the quality report.
 */
import { performance } from 'node:perf_hooks';
import { createHost } from '../src/sim/index.ts';
import { NullFile } from '../src/sim/kernel/files.ts';
import { runSiteBench } from './bench-site.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function time(runs: number, setup: () => () => void): { median: number; min: number } {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const work = setup();
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return { median: median(samples), min: Math.min(...samples) };
}

const sink = { stdout: () => {}, stderr: () => {} };
const rows: [string, { median: number; min: number }][] = [];

rows.push(['host boot (createHost)', time(15, () => () => void createHost())]);
// One slice of a runaway loop: the task the page's main thread would block for if the
// simulator ran there instead of in its worker (ADR 0007).
rows.push([
  'one terminal slice (2,000 system calls) of while :; do :; done',
  time(9, () => {
    let slice: (() => void) | undefined;
    const host = createHost({ defer: (run) => (slice = run) });
    host.openTerminal().write('while :; do :; done\r');
    return () => slice?.();
  }),
]);
// The fork bomb at the prompt, grown to 5,000 processes (all runnable), sliced as the page runs
// it: one slice, and Ctrl-C to the prompt (test/sim/host/fork-bomb.test.ts).
function grownBomb() {
  const slices: (() => void)[] = [];
  const host = createHost({ defer: (run) => slices.push(run) });
  const port = host.openTerminal();
  let screen = '';
  port.onOutput((data) => (screen += data));
  port.write('f(){ f|f& }; f\r');
  while (host.kernel.processes.size < 5000) slices.shift()?.();
  return { slices, port, screen: () => screen };
}
rows.push([
  'fork bomb at 5,000 processes: one terminal slice (2,000 system calls)',
  time(5, () => {
    const bomb = grownBomb();
    return () => bomb.slices.shift()?.();
  }),
]);
rows.push([
  'fork bomb at 5,000 processes: Ctrl-C to the prompt',
  time(5, () => {
    const bomb = grownBomb();
    return () => {
      bomb.port.write('\x03');
      while (!bomb.screen().endsWith('learner@host:~$ ')) bomb.slices.shift()?.();
    };
  }),
]);
rows.push([
  'docker run --rm lab sudo ps aux, end to end on a booted host',
  time(25, () => {
    const host = createHost();
    return () => host.runPlain('docker run --rm lab sudo ps aux\n', sink);
  }),
]);
rows.push([
  'docker run --rm ubuntu:trusty sudo ps aux, end to end on a booted host',
  time(25, () => {
    const host = createHost();
    return () => host.runPlain('docker run --rm ubuntu:trusty sudo ps aux\n', sink);
  }),
]);

rows.push([
  'docker stop with the 10 s grace period (virtual time), PID 1 sleep ignoring TERM',
  time(25, () => {
    const host = createHost();
    host.runPlain('docker run -d --name sleeper lab sleep 1000\n', sink);
    return () => host.runPlain('docker stop sleeper\n', sink);
  }),
]);

rows.push([
  'docker build of a 5-step Dockerfile FROM lab (two RUN containers, ENV, WORKDIR, COPY)',
  time(15, () => {
    const host = createHost();
    host.runPlain(
      "mkdir b && printf 'FROM lab\\nRUN groupadd -r app && useradd -r -g app app\\nENV A=1\\nWORKDIR /srv\\nCOPY f ./\\nRUN echo done\\n' > b/Dockerfile && echo x > b/f\n",
      sink,
    );
    return () => host.runPlain('docker build -t b b\n', sink);
  }),
]);
for (const tag of ['5.0', '7.2', '8.2.1'])
  rows.push([
    // The first use builds the image from its pinned Dockerfile; a build that stops early
    // (a tool still missing, see test/sim/docker/images/redis-images.test.ts) is timed to there.
    `first docker run of redis:${tag}: its Dockerfile built in the simulator`,
    time(3, () => {
      const host = createHost();
      return () => host.runPlain(`docker run --rm redis:${tag} true\n`, sink);
    }),
  ]);

// ps aux over 5,000 processes: a container whose PID 1 is `ps aux` after 5,000 sleepers.
const procs = 5000;
rows.push([
  `ps aux over ${procs} processes (the host's ps, reading /proc)`,
  time(3, () => {
    const host = createHost();
    const kernel = host.kernel;
    const init = [...kernel.processes.values()][0];
    if (!init) throw new Error('no init');
    for (let i = 0; i < procs; i++) {
      kernel.spawn({
        parent: init,
        pidns: kernel.rootNs,
        creds: init.creds.clone(),
        mnt: init.mnt,
        cwd: '/',
        hostname: 'host',
        stdio: [new NullFile(), new NullFile(), new NullFile()],
        main: function* () {
          for (;;) yield { name: 'pause', args: [] } as never;
        },
        comm: 'sleep',
        argv: ['sleep', 'infinity'],
      });
    }
    host.runUntilIdle();
    return () => {
      let out = '';
      let err = '';
      host.runPlain('ps aux\n', { stdout: (d) => (out += d), stderr: (d) => (err += d) });
      if (err) throw new Error(err);
      if (out.split('\n').length < procs)
        throw new Error(`ps listed too few processes: ${out.split('\n').length}`);
    };
  }),
]);

const width = Math.max(...rows.map(([name]) => name.length));
console.log(
  `Stepdown simulator benchmark (node ${process.version}, ${new Date().toISOString().slice(0, 10)})`,
);
for (const [name, { median: m, min }] of rows)
  console.log(
    `${name.padEnd(width)}  median ${m.toFixed(2).padStart(9)} ms   min ${min.toFixed(2).padStart(9)} ms`,
  );
const mem = process.memoryUsage();
console.log(
  `${'heap used after the runs'.padEnd(width)}  ${(mem.heapUsed / 1048576).toFixed(1)} MiB`,
);

// The built site in Chromium: time to a ready terminal, the main thread under runaway
// scripts, Lighthouse (scripts/bench-site.ts; STEPDOWN_BENCH_LIGHTHOUSE=0 skips Lighthouse).
await runSiteBench();

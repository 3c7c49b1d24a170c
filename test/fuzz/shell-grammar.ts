/**
 * The generators and checks of the resilience fuzz (issue 6, the
 * *.fuzz.test.ts files here): generated command lines and scripts fed to the
 * host's shell as `stepdown --plain` runs them. Nothing may throw out of the
 * host, no simulated program may crash (kernel.crashes), every run returns a
 * status (runaways are stopped at the step limit), the host still answers
 * afterwards and memory stays bounded.
 *
 * Cost: one command line costs about a millisecond of simulation, so lines
 * run in batches of BATCH per shell (runLines), each inside
 * `{ …; } </dev/null` so that no command reads the next lines as its input;
 * words are balanced (quoted) so no line swallows the next. Lines that end
 * a shell (exit, exec, set -e) and raw pasted text run one per shell. Seeded: a failure prints
 * fast-check's seed and the shrunk input; rerun with STEPDOWN_FUZZ_SEED=<seed>,
 * scale with STEPDOWN_FUZZ_SCALE (1 = 100,000 lines and scripts in all).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { createHost, type Host } from '../../src/sim/index.ts';

export const SEED = Number(process.env.STEPDOWN_FUZZ_SEED ?? 20261128);
const SCALE = Number(process.env.STEPDOWN_FUZZ_SCALE ?? 1);
export const BATCH = 50;
/** Batches per lines-N.fuzz.test.ts file (two files, so that both cores work): × BATCH lines. */
export const BATCHED_RUNS = Math.round(950 * SCALE);
/** 2 × 950 × 50 batched lines + 5,000 single scripts = 100,000. */
export const SINGLE_RUNS = Math.round(5_000 * SCALE);
/** Heap the fuzz may use (V8's heapUsed), far above what it needs. */
export const HEAP_LIMIT = 1024 * 1024 * 1024;
export const STEP_LIMIT = 50_000;

// prettier-ignore
const COMMANDS = [
  'echo', 'printf', 'true', 'false', ':', 'cat', 'ls', 'id', 'whoami', 'pwd', 'cd', 'export',
  'unset', 'test', '[', 'read', 'shift', 'local', 'sleep', 'ps', 'kill', 'env', 'grep', 'sed',
  'awk', 'head', 'tail', 'wc', 'sort', 'find', 'docker', 'gosu', 'sudo', 'su', 'type', 'command',
  'trap', 'wait', 'jobs', 'umask', 'touch', 'mkdir', 'rm', 'cp', 'mv', 'chmod', 'ln', 'basename',
  'dirname', 'seq', 'tr', 'cut', 'uname', 'hostname', 'tini', 'setpriv', 'chroot', 'apt-get',
  'tar', 'getopts', 'printenv', 'xargs', 'nosuch', 'cat /etc/passwd |', 'docker run --rm lab',
  'docker run --rm gosu/alpine', 'docker run --rm ubuntu:trusty',
];
/** Shell words, each balanced: a line never continues into the next. */
// prettier-ignore
const WORDS = [
  '-', '--', '-a', '-e', '-f', '-n', '-u', '-la', '--help', '--version', 'aux', 'root', 'redis',
  'nobody', '0', '1', '-1', '999999999999999999999', 'x', "'a b'", '/', '/etc/passwd',
  '/proc/1/status', '/proc/self/fd', '/tmp', '/tmp/f', '~', '*', '?', '[a-z]*', '.', '..', 'run',
  '--rm', 'lab', 'gosu/alpine', 'ubuntu:trusty', 'ps', '-it', '-d', '--name', 'c1', 'stop',
  'inspect', 'logs', '$HOME', '$?', '$$', '$!', '$#', '$@', '"$@"', '${x:-y}', '${x#*/}', '${#x}',
  '$((1+2*3))', '$((1/0))', '$(echo hi)', '`id -u`', "'q'", '"dq"', 'a\\ b', '\\n', '%s', '%d',
  '%q', "'<img src=x onerror=alert(1)>'", "$'\\e]52;c;aGk=\\a'", "$'\\e]0;title\\a'", "$'\\e[2J'",
  '\u00e9', '中文', '😀', "$'\\x7f'", "$'\\t'",
];
const OPERATORS = [' | ', ' && ', ' || ', '; ', ' & '];
// prettier-ignore
const REDIRECTIONS = [
  '', '', '', ' > /tmp/out', ' >> /tmp/out', ' 2>&1', ' 2>/dev/null', ' < /etc/hostname',
  ' < /nonexistent', ' > /proc/1/comm', ' >&-', ' 3<&0', ' > /', " <<'EOF'\nhere $x\nEOF",
];

/** Any text as one single-quoted word (POSIX: '\'' for a quote). */
const quoted = fc
  .string({ unit: 'grapheme', maxLength: 10 })
  .map((w) => `'${w.replace(/\0/g, '').replace(/'/g, `'\\''`)}'`);
const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: quoted },
);
const simple = fc
  .tuple(
    fc.constantFrom('', '', 'x=1 ', 'IFS=: ', 'PATH= '),
    fc.constantFrom(...COMMANDS),
    fc.array(word, { maxLength: 5 }),
    fc.constantFrom(...REDIRECTIONS),
  )
  .map(([assign, command, args, redirect]) => `${assign}${command} ${args.join(' ')}${redirect}`);

/** Compound commands around lists; loops are bounded (runaways have their own test). */
export const { line } = fc.letrec<{ list: string; compound: string; line: string }>((tie) => ({
  list: fc
    .tuple(
      fc.oneof({ weight: 4, arbitrary: simple }, { weight: 1, arbitrary: tie('compound') }),
      fc.array(fc.tuple(fc.constantFrom(...OPERATORS), simple), { maxLength: 2 }),
    )
    .map(([first, rest]) => first + rest.map(([op, cmd]) => op + cmd).join('')),
  compound: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(tie('list'), tie('list')).map(([c, t]) => `if ${c}\nthen ${t}\nfi`),
    fc
      .tuple(fc.array(word, { maxLength: 3 }), tie('list'))
      .map(([ws, body]) => `for v in ${ws.join(' ')}; do ${body}\ndone`),
    fc.tuple(word, tie('list')).map(([w, body]) => `case ${w} in a*|"") ${body};; *) :;; esac`),
    tie('list').map((body) => `( ${body}\n)`),
    tie('list').map((body) => `f() { ${body}\n}; f a b`),
    tie('list').map((body) => `y=$(${body}\n); echo "$y"`),
    tie('list').map((body) => `while false; do ${body}\ndone`),
  ),
  line: fc.oneof({ weight: 3, arbitrary: simple }, { weight: 1, arbitrary: tie('list') }),
}));

/** Run alone: they end or change the shell, or are any text at all. */
export const single = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('exit', 'exec', 'set -e;', 'set -u;', 'set -n;', 'read', 'eval', 'return'),
      line,
    )
    .map(([first, rest]) => `${first} ${rest}`),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(line, { minLength: 2, maxLength: 4 }).map((lines) => lines.join('\n')),
);

export function plain(host: Host, text: string): number {
  return host.runPlain(text.endsWith('\n') ? text : text + '\n', {
    stdout: () => {},
    stderr: () => {},
  }).status;
}

export function expectHealthy(host: Host, status: number): void {
  expect(Number.isInteger(status) && status >= 0 && status <= 255).toBe(true);
  expect(host.kernel.crashes).toEqual([]);
}

/** Printed after each line of a batch, so a run knows how far the shell got. */
const MARK = '\u0001line ';

/**
 * Runs `lines` in as few shells as it takes: each line inside
 * `{ …; } </dev/null` then a mark; when a line ends the shell (kill $$,
 * an error in a special builtin…), a new shell carries on after it. Every
 * line runs once; returns the shells' statuses.
 */
export function runLines(host: Host, lines: readonly string[]): number[] {
  const statuses: number[] = [];
  let start = 0;
  while (start < lines.length) {
    const script = lines
      .slice(start)
      .map((l, i) => `{ ${l}\n} </dev/null\necho '${MARK}${start + i}'`)
      .join('\n');
    let last = start - 1;
    const status = host.runPlain(script + '\n', {
      stdout: (data) => {
        for (const match of data.matchAll(/\u0001line (\d+)/g)) last = Number(match[1]);
      },
      stderr: () => {},
    }).status;
    expectHealthy(host, status);
    statuses.push(status);
    // The line after the last mark ended the shell (or the batch is done).
    start = last + 2;
  }
  return statuses;
}

/**
 * BATCHED_RUNS batches of BATCH generated lines, each batch on a fresh host
 * (background jobs of one batch would slow every later one down).
 */
export function fuzzBatchedLines(seed: number): void {
  fc.assert(
    fc.property(fc.array(line, { minLength: BATCH, maxLength: BATCH }), (lines) => {
      runLines(createHost({ plainStepLimit: STEP_LIMIT * BATCH }), lines);
      expect(process.memoryUsage().heapUsed).toBeLessThan(HEAP_LIMIT);
    }),
    { numRuns: BATCHED_RUNS, seed, endOnFailure: true },
  );
}

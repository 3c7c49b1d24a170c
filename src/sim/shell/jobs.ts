import { Errno } from '../kernel/errno.ts';
import { SIGINT } from '../kernel/signals.ts';
import * as sys from '../kernel/syscall-api.ts';
import { WIFSIGNALED, WTERMSIG, WEXITSTATUS } from '../kernel/wait-status.ts';
import { strsignal } from '../userland/lib/strsignal.ts';
import type { AndOr, Command, Pipeline, Span } from './ast.ts';
import type { Gen } from './diagnostics.ts';
import { waitForChild } from './processes.ts';
import type { ShellState } from './state.ts';

/** A background job of an interactive bash: `[1] 1234`, `jobs`, `fg`, `%1`. */
export interface Job {
  readonly id: number;
  readonly pid: number;
  /** The command as typed, without its `&`. */
  readonly text: string;
  /** The wait status once it ended. */
  ended: number | undefined;
}

/**
 * A job's command as bash shows it: bash prints the parsed command again
 * (print_cmd.c make_command_string), so `f|f&` is the job `f | f` (recorded:
 * test/fixtures/fork-bomb/ctrl-c.json), and `true&&sleep 5|cat   -u &` is
 * `true && sleep 5 | cat -u` (bash 5.2.15 under a pty); a simple command's words
 * are joined by one space, a compound command keeps the text it was typed as.
 */
export function jobText(sh: ShellState, item: AndOr): string {
  const text = (node: { readonly span: Span }) =>
    sh.reading.text.slice(node.span.start.offset, node.span.end.offset);
  const command = (c: Command) =>
    c.type === 'simple'
      ? [...c.assigns, ...c.words, ...c.redirects]
          .sort((a, b) => a.span.start.offset - b.span.start.offset)
          .map(text)
          .join(' ')
      : text(c);
  const pipeline = (p: Pipeline) => (p.bang ? '! ' : '') + p.commands.map(command).join(' | ');
  return [pipeline(item.first), ...item.rest.map((r) => `${r.op} ${pipeline(r.pipeline)}`)].join(
    ' ',
  );
}

/**
 * The texts are bash 5.2.15's, recorded in an interactive bash under
 * script(1): `[1] 25152` when a job starts, `[1]-  Running                 sleep 100 &`
 * from jobs, `[3]+  Done                    sleep 0.2` before the next prompt,
 * `Terminated` / `Exit 1` for other ends, the state padded to 24 columns.
 */
export function* startJob(sh: ShellState, pid: number, text: string): Gen<void> {
  const id = (sh.jobs.at(-1)?.id ?? 0) + 1;
  sh.jobs.push({ id, pid, text, ended: undefined });
  // A subshell of an interactive shell is not interactive (bash 5.2 prints `[1] 3` once for
  // `f(){ f|f& }; f`, not for the jobs its subshells start: test/fixtures/fork-bomb/).
  if (sh.mode === 'interactive' && !sh.subshell) yield* sys.write(2, `[${id}] ${pid}\n`);
}

/** `+` marks the current job (the newest), `-` the previous one. */
function marker(sh: ShellState, job: Job): string {
  const index = sh.jobs.indexOf(job);
  if (index === sh.jobs.length - 1) return '+';
  return index === sh.jobs.length - 2 ? '-' : ' ';
}

function state(job: Job): string {
  if (job.ended === undefined) return 'Running';
  if (WIFSIGNALED(job.ended)) return strsignal(WTERMSIG(job.ended));
  const code = WEXITSTATUS(job.ended);
  return code === 0 ? 'Done' : `Exit ${code}`;
}

function line(sh: ShellState, job: Job, withPid: boolean): string {
  const running = job.ended === undefined;
  const pid = withPid ? ` ${job.pid}` : ' ';
  return `[${job.id}]${marker(sh, job)}${pid} ${state(job).padEnd(24)}${job.text}${running ? ' &' : ''}\n`;
}

/** Collects jobs that ended (waitpid WNOHANG), without reporting them. */
function* poll(sh: ShellState): Gen<void> {
  for (const job of sh.jobs) {
    if (job.ended !== undefined) continue;
    const waited = yield* sys.waitpid(job.pid, true);
    if (waited instanceof Errno) job.ended = 0;
    else if (waited) job.ended = waited.status;
  }
}

/** Before a prompt: a line for each job that ended (a SIGINT death is not reported), then they are forgotten. */
export function* reportJobs(sh: ShellState): Gen<void> {
  if (sh.jobs.length === 0) return;
  yield* poll(sh);
  let text = '';
  for (const job of sh.jobs)
    if (job.ended !== undefined && !(WIFSIGNALED(job.ended) && WTERMSIG(job.ended) === SIGINT))
      text += line(sh, job, false);
  sh.jobs = sh.jobs.filter((job) => job.ended === undefined);
  if (text !== '' && sh.mode === 'interactive') yield* sys.write(2, text);
}

/** `%1`, `%+`, `%%`, `%-`: the job it names; undefined when there is none. */
export function findJob(sh: ShellState, spec: string | undefined): Job | undefined {
  if (spec === undefined || spec === '%+' || spec === '%%') return sh.jobs.at(-1);
  if (spec === '%-') return sh.jobs.at(-2);
  const id = /^%([0-9]+)$/.exec(spec)?.[1];
  return id === undefined ? undefined : sh.jobs.find((job) => job.id === Number(id));
}

/** jobs [-l]: every job and its state; ended jobs are reported once and dropped. */
export function* listJobs(sh: ShellState, withPid: boolean): Gen<number> {
  yield* poll(sh);
  yield* sys.write(1, sh.jobs.map((job) => line(sh, job, withPid)).join(''));
  sh.jobs = sh.jobs.filter((job) => job.ended === undefined);
  return 0;
}

/** fg: the job's command line, then the shell waits for it in the terminal's foreground. */
export function* foreground(sh: ShellState, job: Job): Gen<number> {
  yield* sys.write(1, job.text + '\n');
  if (sh.jobControl) yield* sys.tcsetpgrp(0, job.pid);
  const status = yield* waitForChild(job.pid);
  if (sh.jobControl) {
    yield* sys.tcsetpgrp(0, (yield* sys.self()).pgid);
    if (status === 128 + SIGINT) yield* sys.write(1, '\n');
  }
  sh.jobs = sh.jobs.filter((other) => other !== job);
  return status;
}

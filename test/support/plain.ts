import { createHost, type Host } from '../../src/sim/index.ts';

export interface PlainRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  readonly host: Host;
}

/** Runs lines at the simulated host's prompt, as `stepdown --plain` does. */
export function runPlain(script: string, host: Host = createHost()): PlainRun {
  let stdout = '';
  let stderr = '';
  const { status } = host.runPlain(script.endsWith('\n') ? script : script + '\n', {
    stdout: (d) => (stdout += d),
    stderr: (d) => (stderr += d),
  });
  return { stdout, stderr, status, host };
}

/** Quotes an argv for the shell so every word arrives as it is (empty words included). */
export function shellQuote(argv: readonly string[]): string {
  return argv
    .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

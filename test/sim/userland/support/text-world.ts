import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { LabSession, type ToolRun } from './lab-session.ts';

export interface ToolCase {
  readonly argv: readonly string[];
  readonly stdin?: string;
}

/** The input files text-tool cases read, made the same way in the simulator (/w) and in a real temporary directory. */
export const TEXT_FILES: Readonly<Record<string, string>> = {
  f3: 'a\nbb\nccc\n',
  f2: 'x y\nz',
  empty: '',
  greet: 'Hello world\nfoo bar\nhello again\n',
  other: 'nothing\nfoo\n',
  tabs: 'a\tb\n\n\n\nlong line with words\n\x01ctl\x7f\n',
  many: Array.from({ length: 15 }, (_, i) => `line ${i + 1}\n`).join(''),
};

/** A lab session whose /w holds TEXT_FILES and an empty directory d; commands run there. */
export function textSession(): LabSession {
  const session = new LabSession();
  for (const [name, text] of Object.entries(TEXT_FILES)) session.tree.file(`/w/${name}`, text);
  session.tree.dir('/w/d');
  return session;
}

let realDir: string | undefined;

/** Runs the real /usr/bin tool in the POSIX locale (env -i) in a directory holding TEXT_FILES. */
export function runRealText(c: ToolCase): ToolRun {
  realDir ??= makeRealDir();
  const [name = '', ...args] = c.argv;
  const result = spawnSync(`/usr/bin/${name}`, args, {
    argv0: name,
    env: {},
    cwd: realDir,
    input: c.stdin ?? '',
    encoding: 'latin1',
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
}

function makeRealDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepdown-text-'));
  for (const [name, text] of Object.entries(TEXT_FILES))
    writeFileSync(join(dir, name), text, 'latin1');
  mkdirSync(join(dir, 'd'));
  return dir;
}

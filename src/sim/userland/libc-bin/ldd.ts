import { Errno } from '../../kernel/errno.ts';
import { programOfExecutable } from '../../kernel/binfmt.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { digestOf } from '../lib/digest.ts';
import { err, out, readFile, type Gen } from '../lib/io.ts';
import { program } from '../lib/program.ts';
import { LDD_HELP, LDD_TRY, LDD_VERSION } from './ldd-texts.ts';

/** Where ld.so finds Debian 12's libraries (/lib is a link to usr/lib; ldd prints the /lib path). */
const LIBRARY_DIRS = ['/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu'];

/**
 * glibc 2.36's ldd (libc-bin) over the simulator's executables: an executable
 * in the simulator's binary format lists the shared libraries it was linked
 * with on "NEEDED" lines (what `make` writes for redis; see
 * redis/release-builds.ts), else libc alone, or none when marked "STATIC"
 * (gosu's release binaries); each is looked up in the
 * multiarch directories, "=> not found" when missing. The line format is
 * the real ldd's, recorded on Debian 12 (a tab, "libssl.so.3 =>
 * /lib/x86_64-linux-gnu/libssl.so.3 (0x…)", linux-vdso first and the dynamic
 * loader last, "FILE:" headers for several files, "\tnot a dynamic
 * executable" and status 1 for anything else, "ldd: missing file
 * arguments"). The load addresses, random in reality, are modelled from the
 * library names.
 */
export const ldd = program('glibc-2.36/ldd', { vszKb: 2500, rssKb: 1500 }, function* (ctx) {
  const args = ctx.argv.slice(1);
  while (args[0]?.startsWith('-')) {
    const option = args.shift() as string;
    if (option === '--') break;
    if (isLong(option, 'version', 4)) {
      yield* out(LDD_VERSION);
      return 0;
    }
    if (isLong(option, 'help', 1)) {
      yield* out(LDD_HELP);
      return 0;
    }
    if (['--v', '--ve', '--ver'].includes(option)) {
      yield* err(`ldd: option \`${option}' is ambiguous\n`);
      return 1;
    }
    // -d, -r, -u, -v change what ld.so reports; the simulator lists the libraries alone.
    const flags = [
      ['-d', 'data-relocs', 1],
      ['-r', 'function-relocs', 1],
      ['-u', 'unused', 1],
      ['-v', 'verbose', 4],
    ] as const;
    if (flags.some(([short, long, min]) => option === short || isLong(option, long, min))) continue;
    yield* err(`ldd: unrecognized option \`${option}'\n${LDD_TRY}`);
    return 1;
  }
  if (args.length === 0) {
    yield* err(`ldd: missing file arguments\n${LDD_TRY}`);
    return 1;
  }
  let status = 0;
  for (const operand of args) {
    if (args.length > 1) yield* out(`${operand}:\n`);
    const file = operand.includes('/') ? operand : `./${operand}`;
    const st = yield* sys.stat(file);
    const data = st instanceof Errno || st.kind !== 'file' ? st : yield* readFile(file);
    if (typeof data !== 'string') {
      // The ldd script's own tests: `test ! -e`, then `test ! -f`.
      yield* err(`ldd: ${file}: ${data instanceof Errno ? data.message : 'not regular file'}\n`);
      status = 1;
      continue;
    }
    if (programOfExecutable(data) === undefined || /^STATIC$/m.test(data)) {
      yield* err('\tnot a dynamic executable\n');
      status = 1;
      continue;
    }
    const needed = [...data.matchAll(/^NEEDED (\S+)$/gm)].map((m) => m[1] as string);
    const libraries = needed.length ? needed : ['libc.so.6'];
    let text = `\tlinux-vdso.so.1 (${address('linux-vdso.so.1')})\n`;
    for (const lib of libraries) {
      const path = yield* findLibrary(lib);
      text += path ? `\t${lib} => ${path} (${address(lib)})\n` : `\t${lib} => not found\n`;
    }
    text += `\t/lib64/ld-linux-x86-64.so.2 (${address('ld-linux-x86-64.so.2')})\n`;
    yield* out(text);
  }
  return status;
});

/** The ldd script's case patterns: --NAME cut to at least `min` letters of NAME. */
function isLong(option: string, name: string, min: number): boolean {
  const given = option.slice(2);
  return option.startsWith('--') && given.length >= min && name.startsWith(given);
}

function* findLibrary(name: string): Gen<string | undefined> {
  for (const dir of LIBRARY_DIRS)
    if (!((yield* sys.stat(`${dir}/${name}`)) instanceof Errno))
      return `${LIBRARY_DIRS[0]}/${name}`;
  return undefined;
}

/** A stable stand-in for the address ASLR would pick: 0x00007f… from the library's name. */
function address(name: string): string {
  return `0x00007f${digestOf('md5', name).slice(0, 7)}000`;
}

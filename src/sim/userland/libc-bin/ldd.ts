import { Errno } from '../../kernel/errno.ts';
import { programOfExecutable } from '../../kernel/binfmt.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { digestOf } from '../lib/digest.ts';
import { err, out, readFile, type Gen } from '../lib/io.ts';
import { program } from '../lib/program.ts';

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
  const files = ctx.argv.slice(1).filter((a) => a !== '--');
  if (files.length === 0) {
    yield* err("ldd: missing file arguments\nTry `ldd --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const file of files) {
    if (files.length > 1) yield* out(`${file}:\n`);
    const data = yield* readFile(file);
    if (data instanceof Errno) {
      yield* err(`ldd: ${file}: ${data.message}\n`);
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

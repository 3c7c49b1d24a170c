/**
 * The simulator's own binary format, for executables that programs write
 * (wget downloading gosu, `make install` copying redis-server): the file's
 * bytes begin with the ELF magic and a line naming a program of the
 * registry. Any copy of the bytes runs the same program; a file whose first
 * line was changed is no longer an executable (ENOEXEC). Executables laid out
 * by the image builder name their program on the inode instead.
 */
const MAGIC = '\x7fELF stepdown-program ';

/** The bytes of an executable standing for PROGRAM, then free text (what it stands for). */
export function simulatedExecutable(program: string, description: string): string {
  return `${MAGIC}${program}\n${description}`;
}

/** The registry name an executable's bytes stand for, if they are in this format. */
export function programOfExecutable(data: string): string | undefined {
  if (!data.startsWith(MAGIC)) return undefined;
  const end = data.indexOf('\n');
  const name = data.slice(MAGIC.length, end < 0 ? undefined : end);
  return name === '' ? undefined : name;
}

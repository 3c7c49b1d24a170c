import type { Program } from '../../kernel/exec.ts';
import { err } from '../lib/io.ts';
import { program } from '../lib/program.ts';
import { UNMODELLED_PREFIX } from './deb-files.ts';

/**
 * What an executable of a Debian package runs when the simulator does not
 * model that program (e.g. psmisc's killall): it says so and fails with 126,
 * the status of a command found but not executable, instead of pretending to
 * work (src/sim/LIMITATIONS.md).
 */
export function unmodelledProgram(name: string): Program | undefined {
  if (!name.startsWith(UNMODELLED_PREFIX)) return undefined;
  const deb = name.slice(UNMODELLED_PREFIX.length);
  return program(name, { vszKb: 2000, rssKb: 1000 }, function* (ctx) {
    yield* err(
      `${ctx.argv[0] ?? deb}: this program of the Debian package ${deb} is not modelled by the Stepdown simulator\n`,
    );
    return 126;
  });
}

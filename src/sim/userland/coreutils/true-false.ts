import { program } from '../lib/program.ts';

/** coreutils true(1) and false(1): no output, status 0 or 1 (options other than --help/--version are ignored). */
export const trueProgram = program('coreutils/true', { vszKb: 5480, rssKb: 1000 }, function* () {
  return 0;
});

export const falseProgram = program('coreutils/false', { vszKb: 5480, rssKb: 1000 }, function* () {
  return 1;
});

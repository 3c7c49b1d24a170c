import { err } from '../lib/io.ts';
import { program } from '../lib/program.ts';
import { readAccountFiles, writeAccountFile } from './account-files.ts';
import { idsIn, isValidName, newId } from './allocate.ts';
import { has, lockOrFail, parseOrUsage, valueOf } from './common.ts';
import { GROUPADD_USAGE } from './usage-texts.ts';

const LONGS = [
  { name: 'force', arg: 'none', key: 'f' },
  { name: 'gid', arg: 'required', key: 'g' },
  { name: 'non-unique', arg: 'none', key: 'o' },
  { name: 'password', arg: 'required', key: 'p' },
  { name: 'system', arg: 'none', key: 'r' },
] as const;

/** shadow 4.13's exit codes for groupadd (groupadd(8)). */
const E_BAD_ARG = 3;
const E_GID_IN_USE = 4;
const E_NAME_IN_USE = 9;
const E_GRP_UPDATE = 10;

/**
 * shadow 4.13 groupadd(8) on Debian 12: adds "NAME:x:GID:" to /etc/group
 * and "NAME:!::" to /etc/gshadow (when the system has one), keeping the
 * old files as group- and gshadow-. -r picks a system GID (999 down).
 */
export const groupadd = program(
  'shadow-4.13/groupadd',
  { vszKb: 7000, rssKb: 3100 },
  function* (ctx) {
    const prog = 'groupadd';
    const parsed = yield* parseOrUsage(prog, ctx.argv.slice(1), 'fg:op:r', LONGS, GROUPADD_USAGE);
    if (typeof parsed === 'number') return parsed;
    const name = parsed.operands[0] ?? '';
    const gidText = valueOf(parsed, 'g');
    if (gidText !== undefined && !/^\d+$/.test(gidText)) {
      yield* err(`${prog}: invalid group ID '${gidText}'\n`);
      return E_BAD_ARG;
    }
    if (!isValidName(name)) {
      yield* err(`${prog}: '${name}' is not a valid group name\n`);
      return E_BAD_ARG;
    }
    const files = yield* readAccountFiles();
    if (files.group.some((g) => g[0] === name)) {
      if (has(parsed, 'f')) return 0;
      yield* err(`${prog}: group '${name}' already exists\n`);
      return E_NAME_IN_USE;
    }
    const used = idsIn(files.group);
    if (gidText !== undefined && used.has(Number(gidText)) && !has(parsed, 'o')) {
      yield* err(`${prog}: GID '${gidText}' already exists\n`);
      return E_GID_IN_USE;
    }
    if (!(yield* lockOrFail(prog, 'group'))) return E_GRP_UPDATE;
    const gid = gidText !== undefined ? Number(gidText) : newId(used, has(parsed, 'r'));
    if (gid === null) {
      yield* err(`${prog}: Can't get unique GID (no more available GIDs)\n`);
      return E_GID_IN_USE;
    }
    yield* writeAccountFile('group', [...files.group, [name, 'x', String(gid), '']]);
    if (files.gshadow) yield* writeAccountFile('gshadow', [...files.gshadow, [name, '!', '', '']]);
    return 0;
  },
);

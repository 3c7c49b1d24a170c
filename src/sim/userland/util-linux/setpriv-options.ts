import { getoptLong, GetoptError, type LongOption } from '../lib/getopt-long.ts';
import { groupByName, userById, userByName, type UserDb } from '../lib/user-db.ts';
import { parseSignal, SIGRTMIN } from '../../kernel/signals.ts';

/** What `setpriv [options] program` asked for (util-linux 2.38.1 sys-utils/setpriv.c). */
export interface SetprivOptions {
  dump: number;
  nnp: boolean;
  ruid?: number;
  euid?: number;
  rgid?: number;
  egid?: number;
  groups?: 'clear' | 'keep' | 'init' | readonly number[];
  inheritable?: string;
  ambient?: string;
  bounding?: string;
  /** --pdeathsig: keep the current one, clear it, or set this signal. */
  pdeathsig?: 'keep' | 'clear' | number;
  resetEnv: boolean;
  help: boolean;
  version: boolean;
  command: readonly string[];
}

const LONGS: LongOption[] = [
  ['dump', 'none', 'd'],
  ['nnp', 'none', 'nnp'],
  ['no-new-privs', 'none', 'nnp'],
  ['inh-caps', 'required', 'inh-caps'],
  ['ambient-caps', 'required', 'ambient-caps'],
  ['bounding-set', 'required', 'bounding-set'],
  ['ruid', 'required', 'ruid'],
  ['euid', 'required', 'euid'],
  ['rgid', 'required', 'rgid'],
  ['egid', 'required', 'egid'],
  ['reuid', 'required', 'reuid'],
  ['regid', 'required', 'regid'],
  ['clear-groups', 'none', 'clear-groups'],
  ['keep-groups', 'none', 'keep-groups'],
  ['init-groups', 'none', 'init-groups'],
  ['groups', 'required', 'groups'],
  ['securebits', 'required', 'securebits'],
  ['pdeathsig', 'required', 'pdeathsig'],
  ['selinux-label', 'required', 'selinux-label'],
  ['apparmor-profile', 'required', 'apparmor-profile'],
  ['reset-env', 'none', 'reset-env'],
  ['help', 'none', 'h'],
  ['version', 'none', 'V'],
].map(([name, arg, key]) => ({ name, arg, key }) as LongOption);

const GROUP_OPTIONS = ['clear-groups', 'keep-groups', 'init-groups', 'groups'];

/** Parses setpriv's arguments; a string is the error message (exit status 1). */
export function parseSetpriv(args: readonly string[], db: UserDb): SetprivOptions | string {
  const parsed = getoptLong(args, '+hVd', LONGS);
  if (parsed instanceof GetoptError)
    return `${parsed.message}\nTry 'setpriv --help' for more information.`;
  const o: SetprivOptions = {
    dump: 0,
    nnp: false,
    resetEnv: false,
    help: false,
    version: false,
    command: parsed.operands,
  };
  let others = 0;
  let groupOptions = 0;
  for (const { key, value = '' } of parsed.options) {
    if (key !== 'd') others++;
    if (GROUP_OPTIONS.includes(key)) groupOptions++;
    const problem = apply(o, key, value, db);
    if (problem) return problem;
  }
  if (o.help || o.version) return o;
  if (groupOptions > 1)
    return 'mutually exclusive arguments: --clear-groups --keep-groups --init-groups --groups';
  if (o.dump > 0 && (others > 0 || o.command.length > 0))
    return '--dump is incompatible with all other options';
  if (o.dump > 0) return o;
  if (o.command.length === 0) return 'No program specified';
  if ((o.rgid !== undefined || o.egid !== undefined) && o.groups === undefined)
    return '--[re]gid requires --keep-groups, --clear-groups, --init-groups, or --groups';
  if (o.groups === 'init' && o.ruid === undefined)
    return '--init-groups requires --ruid or --reuid';
  if (o.groups === 'init' && !userById(db, o.ruid ?? -1))
    return `uid ${o.ruid} not found, --init-groups requires an user that can be found on the system`;
  return o;
}

function apply(o: SetprivOptions, key: string, value: string, db: UserDb): string | undefined {
  switch (key) {
    case 'd':
      o.dump++;
      return undefined;
    case 'h':
      o.help = true;
      return undefined;
    case 'V':
      o.version = true;
      return undefined;
    case 'nnp':
      if (o.nnp) return 'duplicate --no-new-privs option';
      o.nnp = true;
      return undefined;
    case 'pdeathsig': {
      if (o.pdeathsig !== undefined) return 'duplicate --keep-pdeathsig option';
      if (value === 'keep' || value === 'clear') o.pdeathsig = value;
      else {
        const sig = signalByName(value);
        if (sig === undefined) return `unknown signal: ${value}`;
        o.pdeathsig = sig;
      }
      return undefined;
    }
    case 'reset-env':
      o.resetEnv = true;
      return undefined;
    case 'clear-groups':
      o.groups = 'clear';
      return undefined;
    case 'keep-groups':
      o.groups = 'keep';
      return undefined;
    case 'init-groups':
      o.groups = 'init';
      return undefined;
    case 'groups':
      return setGroups(o, value, db);
    case 'inh-caps':
      if (o.inheritable !== undefined) return 'duplicate --inh-caps option';
      o.inheritable = value;
      return undefined;
    case 'ambient-caps':
      if (o.ambient !== undefined) return 'duplicate --ambient-caps option';
      o.ambient = value;
      return undefined;
    case 'bounding-set':
      if (o.bounding !== undefined) return 'duplicate --bounding-set option';
      o.bounding = value;
      return undefined;
    case 'ruid':
    case 'euid':
    case 'reuid': {
      const uid = parseId(value, (name) => userByName(db, name)?.uid);
      if (uid === undefined) return `failed to parse ${key}: '${value}'`;
      if (key !== 'euid') o.ruid = uid;
      if (key !== 'ruid') o.euid = uid;
      return undefined;
    }
    case 'rgid':
    case 'egid':
    case 'regid': {
      const gid = parseId(value, (name) => groupByName(db, name)?.gid);
      if (gid === undefined) return `failed to parse ${key}: '${value}'`;
      if (key !== 'egid') o.rgid = gid;
      if (key !== 'rgid') o.egid = gid;
      return undefined;
    }
    default:
      return `--${key} is not supported by the simulator (it needs a kernel call the simulator lacks)`;
  }
}

/** A number (as strtoul reads it, so "-1" means "leave unchanged") or a name from the database. */
function parseId(value: string, lookup: (name: string) => number | undefined): number | undefined {
  if (/^-?\d+$/.test(value)) return Number(value) < 0 ? -1 : Number(value);
  return value === '' ? undefined : lookup(value);
}

function setGroups(o: SetprivOptions, value: string, db: UserDb): string | undefined {
  const gids: number[] = [];
  for (const item of value.split(',')) {
    const gid = /^\d+$/.test(item) ? Number(item) : groupByName(db, item)?.gid;
    if (gid === undefined) return `Invalid supplementary group id: '${item}'`;
    gids.push(gid);
  }
  o.groups = gids;
  return undefined;
}

/**
 * util-linux's signame_to_signum: a name with or without "SIG", in any case,
 * or RTMIN/RTMAX with an offset; never a number.
 */
function signalByName(name: string): number | undefined {
  if (/^(sig)?\d+$/i.test(name)) return undefined;
  const sig = parseSignal(name);
  return sig !== undefined && (sig < 32 || sig >= SIGRTMIN) ? sig : undefined;
}

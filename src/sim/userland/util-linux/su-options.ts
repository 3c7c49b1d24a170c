import { getoptLong, GetoptError, type LongOption } from '../lib/getopt-long.ts';

/** su and runuser share su-common.c (util-linux 2.38.1); runuser adds -u. */
export interface SuOptions {
  login: boolean;
  command?: string;
  sameSession: boolean;
  shell?: string;
  preserveEnv: boolean;
  /** runuser -u USER: run the command directly, no shell. */
  runuserUser?: string;
  help: boolean;
  version: boolean;
  operands: string[];
}

const LONGS: LongOption[] = [
  ['command', 'required', 'c'],
  ['session-command', 'required', 'session-command'],
  ['fast', 'none', 'f'],
  ['login', 'none', 'l'],
  ['preserve-environment', 'none', 'p'],
  ['pty', 'none', 'P'],
  ['shell', 'required', 's'],
  ['group', 'required', 'g'],
  ['supp-group', 'required', 'G'],
  ['whitelist-environment', 'required', 'w'],
  ['user', 'required', 'u'],
  ['help', 'none', 'h'],
  ['version', 'none', 'V'],
].map(([name, arg, key]) => ({ name, arg, key }) as LongOption);

/** Parses su's or runuser's arguments; a string is getopt's complaint. */
export function parseSu(args: readonly string[], runuser: boolean): SuOptions | string {
  const longs = runuser ? LONGS : LONGS.filter((l) => l.name !== 'user');
  const parsed = getoptLong(args, runuser ? 'c:fg:G:lmpPs:u:hVw:' : 'c:fg:G:lmpPs:hVw:', longs);
  if (parsed instanceof GetoptError) return parsed.message;
  const o: SuOptions = {
    login: false,
    sameSession: false,
    preserveEnv: false,
    help: false,
    version: false,
    operands: parsed.operands,
  };
  for (const { key, value } of parsed.options) {
    if (key === 'c') o.command = value;
    if (key === 'session-command') {
      o.command = value;
      o.sameSession = true;
    }
    if (key === 'l') o.login = true;
    if (key === 'm' || key === 'p') o.preserveEnv = true;
    if (key === 's') o.shell = value;
    if (key === 'u') o.runuserUser = value;
    if (key === 'h') o.help = true;
    if (key === 'V') o.version = true;
  }
  if (o.operands[0] === '-') {
    o.login = true;
    o.operands.shift();
  }
  return o;
}

/**
 * redis-server 7.0.15's configuration: the command line turned into config
 * lines (server.c main: "--name value" becomes `name "value"`, each option on
 * a new line after a leading newline), appended to the config file, then
 * parsed line by line (config.c loadServerConfigFromString). Error texts
 * recorded from Debian 12's redis-server 7.0.15.
 */
export interface RedisConfig {
  port: number;
  bind: string[];
  unixsocket: string | undefined;
  /** Whether any RDB save point is configured (defaults: 3600 1 300 100 60 10000). */
  savePoints: boolean;
  appendonly: boolean;
  daemonize: boolean;
  dir: string | undefined;
  dbfilename: string;
}

export const defaultConfig = (): RedisConfig => ({
  port: 6379,
  bind: ['*', '-::*'],
  unixsocket: undefined,
  savePoints: true,
  appendonly: false,
  daemonize: false,
  dir: undefined,
  dbfilename: 'dump.rdb',
});

/** sdscatrepr: an argument in double quotes with C escapes. */
function repr(arg: string): string {
  return `"${arg.replace(/[\\"]/g, (c) => '\\' + c).replace(/\n/g, '\\n')}"`;
}

/** The config text main() builds from the arguments after the config file. */
export function optionsText(args: readonly string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('--')) {
      const next = args[i + 1];
      lines.push(
        arg.slice(2) +
          (arg === '--save' && (next === undefined || next.startsWith('--')) ? ' ""' : ''),
      );
    } else if (lines.length > 0) {
      lines.push(`${lines.pop() ?? ''} ${repr(arg)}`);
    }
  }
  return lines.join('\n');
}

/** sdssplitargs, enough for config lines: words, "double" (with \\ escapes) and 'single' quotes; undefined when a quote is not closed. */
export function splitArgs(line: string): string[] | undefined {
  const words: string[] = [];
  let i = 0;
  const at = (n: number) => line.charAt(n);
  for (;;) {
    while (i < line.length && /\s/.test(at(i))) i++;
    if (i >= line.length) return words;
    let word = '';
    const quote = at(i);
    if (quote === '"' || quote === "'") {
      for (i++; i < line.length && at(i) !== quote; i++) {
        if (quote === '"' && at(i) === '\\' && i + 1 < line.length) i++;
        word += at(i);
      }
      if (i >= line.length) return undefined;
      i++;
    } else {
      while (i < line.length && !/\s/.test(at(i))) word += at(i++);
    }
    words.push(word);
  }
}

export type ApplyResult = string | undefined | { chdir: string };

const yesNo = (v: string) => (v === 'yes' ? true : v === 'no' ? false : undefined);

/** One directive: undefined when accepted, else redis's complaint (or a chdir for "dir"). */
export function applyDirective(c: RedisConfig, name: string, args: readonly string[]): ApplyResult {
  const one = args[0];
  switch (name.toLowerCase()) {
    case 'port': {
      if (args.length !== 1 || one === undefined) return 'wrong number of arguments';
      if (!/^-?\d+$/.test(one)) return "argument couldn't be parsed into an integer";
      if (Number(one) < 0 || Number(one) > 65535)
        return 'argument must be between 0 and 65535 inclusive';
      c.port = Number(one);
      return undefined;
    }
    case 'bind':
      c.bind = [...args];
      return undefined;
    case 'unixsocket':
      if (args.length !== 1) return 'wrong number of arguments';
      c.unixsocket = one === '' ? undefined : one;
      return undefined;
    case 'appendonly':
    case 'daemonize':
    case 'protected-mode': {
      if (args.length !== 1 || one === undefined) return 'wrong number of arguments';
      const value = yesNo(one);
      if (value === undefined) return "argument must be 'yes' or 'no'";
      if (name === 'appendonly') c.appendonly = value;
      if (name === 'daemonize') c.daemonize = value;
      return undefined;
    }
    case 'save':
      return save(c, args);
    case 'loglevel':
      if (args.length !== 1) return 'wrong number of arguments';
      return ['debug', 'verbose', 'notice', 'warning'].includes(one ?? '')
        ? undefined
        : 'argument(s) must be one of the following: debug, verbose, notice, warning';
    case 'dbfilename':
      if (args.length !== 1 || one === undefined) return 'wrong number of arguments';
      c.dbfilename = one;
      return undefined;
    case 'dir':
      if (args.length !== 1 || one === undefined) return 'wrong number of arguments';
      return { chdir: one };
    default:
      return 'Bad directive or wrong number of arguments';
  }
}

/**
 * "save" with "" clears the save points; otherwise pairs of seconds and
 * changes, also as one argument ("3600 1", as `--save '3600 1'` gives it).
 */
function save(c: RedisConfig, given: readonly string[]): string | undefined {
  const args = given.length === 1 ? (given[0] ?? '').split(' ').filter(Boolean) : given;
  if (args.length === 0 && given.length === 1) {
    c.savePoints = false;
    return undefined;
  }
  if (args.length === 0 || args.length % 2 !== 0 || !args.every((a) => /^\d+$/.test(a)))
    return 'Invalid save parameters';
  c.savePoints = true;
  return undefined;
}

/** GNU tar 1.34's command line as the simulator takes it: old-style first word, -c/-x/-t, -z, -f, -C, -v, --strip-components. */
export interface Options {
  mode?: 'c' | 'x' | 't';
  gzip: boolean;
  file?: string;
  directory?: string;
  verbose: number;
  strip: number;
  operands: string[];
}

/** A usage error: getopt's own (missing argument, unknown option) exit 64, tar's checks 2. */
export interface UsageError {
  readonly usage: string;
  readonly status: number;
}

const MORE_THAN_ONE: UsageError = {
  usage: "You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option",
  status: 2,
};

/** Recorded with Debian 12's tar 1.34 (`env -i tar -xf`, `tar --file`, `tar -y`, `tar --nope`: 64; `tar -cxf`, `--strip-components=x`: 2). */
export function parseArgs(args: readonly string[]): Options | UsageError {
  const o: Options = { gzip: false, verbose: 0, strip: 0, operands: [] };
  const queue = [...args];
  // Old style: the first word's letters are options even without a dash ("tar xzf F").
  if (queue[0] !== undefined && !queue[0].startsWith('-')) queue[0] = '-' + queue[0];
  const setMode = (m: 'c' | 'x' | 't'): boolean => {
    const clash = o.mode !== undefined && o.mode !== m;
    o.mode = m;
    return clash;
  };
  while (queue.length) {
    const arg = queue.shift() as string;
    if (arg === '--') {
      o.operands.push(...queue.splice(0));
      break;
    }
    if (arg.startsWith('--')) {
      const [name = '', inline] = arg.slice(2).split(/=(.*)/s);
      const takesValue = ['file', 'directory', 'strip-components'].includes(name);
      const value = takesValue ? (inline ?? queue.shift()) : undefined;
      if (takesValue && value === undefined)
        return { usage: `option '--${name}' requires an argument`, status: 64 };
      const mode = { extract: 'x', get: 'x', create: 'c', list: 't' } as const;
      if (name in mode) {
        if (setMode(mode[name as keyof typeof mode])) return MORE_THAN_ONE;
      } else if (name === 'gzip' || name === 'gunzip') o.gzip = true;
      else if (name === 'file') o.file = value;
      else if (name === 'directory') o.directory = value;
      else if (name === 'verbose') o.verbose++;
      else if (name === 'strip-components') {
        if (!/^\d+$/.test(value ?? ''))
          return { usage: `${value ?? ''}: Invalid number of elements`, status: 2 };
        o.strip = Number(value);
      } else if (
        !['same-owner', 'same-permissions', 'preserve-permissions', 'no-same-owner'].includes(name)
      )
        return { usage: `unrecognized option '${arg}'`, status: 64 };
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      o.operands.push(arg);
      continue;
    }
    for (let i = 1; i < arg.length; i++) {
      const letter = arg[i] as string;
      const rest = () => {
        const inline = arg.slice(i + 1);
        i = arg.length;
        return inline !== '' ? inline : queue.shift();
      };
      if (letter === 'c' || letter === 'x' || letter === 't') {
        if (setMode(letter)) return MORE_THAN_ONE;
      } else if (letter === 'z') o.gzip = true;
      else if (letter === 'v') o.verbose++;
      else if (letter === 'p' || letter === 'o') continue;
      else if (letter === 'f' || letter === 'C') {
        const value = rest();
        if (value === undefined)
          return { usage: `option requires an argument -- '${letter}'`, status: 64 };
        if (letter === 'f') o.file = value;
        else o.directory = value;
      } else return { usage: `invalid option -- '${letter}'`, status: 64 };
    }
  }
  if (!o.mode)
    return {
      usage: "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options",
      status: 2,
    };
  return o;
}

import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { redisRelease } from '../artefacts/redis-source.ts';
import { err, out, readFile, type Gen } from '../lib/io.ts';
import { program } from '../lib/program.ts';
import { redisGoal } from './redis-build.ts';
import { USAGE, VERSION } from './texts.ts';

interface Invocation {
  directory?: string;
  makefile?: string;
  printDirectory: boolean;
  goals: string[];
  vars: Map<string, string>;
}

const MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];

/**
 * GNU Make 4.3 as the redis Dockerfiles call it (`make -C /usr/src/redis -j
 * "$(nproc)" [all]`, `make -C /usr/src/redis install`, `make … distclean`).
 * The option handling, "make: Entering/Leaving directory '…'", "make: ***
 * DIR: No such file or directory.  Stop.", "No targets specified and no
 * makefile found", "No rule to make target 'X'" and the usage are the real
 * make's (recorded on Debian 12, status 2). A redis source tree (src/version.h
 * naming a release of the artefact store) builds through the model in
 * redis-build.ts; recipes of any other makefile are not run (said so).
 */
export const make = program('make-4.3/make', { vszKb: 9600, rssKb: 3800 }, function* (ctx) {
  const inv = parse(ctx.argv.slice(1));
  if (typeof inv === 'string') {
    if (inv === 'version') {
      yield* out(VERSION);
      return 0;
    }
    yield* err(`make: ${inv}\n${USAGE}`);
    return 2;
  }
  if (inv.directory !== undefined) {
    const changed = yield* sys.chdir(inv.directory);
    if (changed instanceof Errno) {
      yield* err(`make: *** ${inv.directory}: ${changed.message}.  Stop.\n`);
      return 2;
    }
  }
  const cwd = (yield* sys.self()).cwd;
  if (inv.printDirectory) yield* out(`make: Entering directory '${cwd}'\n`);
  const status = yield* run(inv, cwd, ctx.envp);
  if (inv.printDirectory) yield* out(`make: Leaving directory '${cwd}'\n`);
  return status;
});

function parse(args: readonly string[]): Invocation | string {
  const inv: Invocation = { printDirectory: false, goals: [], vars: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = () => args[++i];
    if (arg === '-v' || arg === '--version') return 'version';
    if (arg === '-C' || arg === '--directory') {
      const dir = next();
      if (dir === undefined)
        return arg === '-C'
          ? "option requires an argument -- 'C'"
          : "option '--directory' requires an argument";
      inv.directory = dir;
      inv.printDirectory = true;
    } else if (arg.startsWith('-C')) {
      inv.directory = arg.slice(2);
      inv.printDirectory = true;
    } else if (arg.startsWith('--directory=')) {
      inv.directory = arg.slice('--directory='.length);
      inv.printDirectory = true;
    } else if (arg === '-j' || arg === '--jobs') {
      // -j takes an optional count: a following number is its argument.
      if (/^\d+$/.test(args[i + 1] ?? '')) i++;
    } else if (arg.startsWith('-j') || arg.startsWith('--jobs=')) {
      const n = arg.replace(/^(-j|--jobs=)/, '');
      if (n !== '' && !/^[1-9]\d*$/.test(n))
        return "the '-j' option requires a positive integer argument";
    } else if (arg === '-f' || arg === '--file' || arg === '--makefile') {
      const file = next();
      if (file === undefined) return "option requires an argument -- 'f'";
      inv.makefile = file;
    } else if (arg === '-w' || arg === '--print-directory') inv.printDirectory = true;
    else if (arg === '--no-print-directory') inv.printDirectory = false;
    else if (arg === '-s' || arg === '--silent' || arg === '--quiet') continue;
    else if (arg.startsWith('--')) return `unrecognized option '${arg}'`;
    else if (arg.startsWith('-') && arg.length > 1) return `invalid option -- '${arg[1] ?? ''}'`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(arg)) {
      const eq = arg.indexOf('=');
      inv.vars.set(arg.slice(0, eq), arg.slice(eq + 1));
    } else inv.goals.push(arg);
  }
  return inv;
}

function* run(inv: Invocation, cwd: string, envp: readonly string[]): Gen<number> {
  const makefile = yield* findMakefile(inv.makefile);
  if (makefile instanceof Errno) {
    // Recorded on Debian 12: `make -f nope` reports the file, then fails to remake it;
    // `make -f dir` "make: *** dir: Is a directory.  Stop.".
    const name = inv.makefile ?? '';
    yield* err(
      makefile.code === 'ENOENT'
        ? `make: ${name}: ${makefile.message}\nmake: *** No rule to make target '${name}'.  Stop.\n`
        : `make: *** ${name}: ${makefile.message}.  Stop.\n`,
    );
    return 2;
  }
  if (makefile === undefined) {
    const goal = inv.goals[0];
    yield* err(
      goal === undefined
        ? 'make: *** No targets specified and no makefile found.  Stop.\n'
        : `make: *** No rule to make target '${goal}'.  Stop.\n`,
    );
    return 2;
  }
  const versionHeader = yield* readFile('src/version.h');
  const version =
    typeof versionHeader === 'string'
      ? /#define REDIS_VERSION "([^"]+)"/.exec(versionHeader)?.[1]
      : undefined;
  const release = version === undefined ? undefined : redisRelease(version);
  const targets = declaredTargets(makefile.text);
  // The default goal: the first target not starting with "." (GNU make's rule).
  const goals = inv.goals.length ? inv.goals : [targets.find((t) => !t.startsWith('.')) ?? ''];
  if (release) {
    for (const goal of goals) {
      const status = yield* redisGoal(
        { release, top: cwd, envp, vars: inv.vars },
        goal === 'default' ? 'all' : goal,
      );
      if (status !== 0) return status;
    }
    return 0;
  }
  for (const goal of goals)
    if (goal === '' || (!targets.includes(goal) && !targets.includes('.DEFAULT'))) {
      yield* err(
        goal === ''
          ? 'make: *** No targets.  Stop.\n'
          : `make: *** No rule to make target '${goal}'.  Stop.\n`,
      );
      return 2;
    }
  yield* err(
    `make: running the recipes of ${makefile.name} is not modelled in this simulator (it builds redis source trees)\n`,
  );
  return 2;
}

/** The makefile read: -f's (its error when it cannot be read), else the first of MAKEFILES. */
function* findMakefile(
  given: string | undefined,
): Gen<{ name: string; text: string } | Errno | undefined> {
  if (given !== undefined) {
    const text = yield* readFile(given);
    return typeof text === 'string' ? { name: given, text } : text;
  }
  for (const name of MAKEFILES) {
    const text = yield* readFile(name);
    if (typeof text === 'string') return { name, text };
  }
  return undefined;
}

/** The targets of rule lines ("a b: deps"), in order; not variable assignments. */
function declaredTargets(text: string): string[] {
  const targets: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^([^\s:#=\t][^:#=]*?)\s*::?(?!=)/.exec(line);
    if (m) for (const t of (m[1] as string).split(/\s+/)) if (t !== '') targets.push(t);
  }
  return targets;
}

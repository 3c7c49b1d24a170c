import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';
import { runPlain } from '../../../support/plain.ts';

/**
 * The docker CLI's flag parsing (spf13/pflag flag.go parseLongArg and
 * parseSingleShortArg; FlagSet.Set's `invalid argument %q for %q flag: %v`;
 * strconv.ParseBool), shared by every subcommand. Every expected text and
 * status below was printed by the docker 28.2.2 client on this machine with no
 * daemon (`env -i HOME=/tmp/x docker history -H=x foo; echo $?`): flag
 * errors come before any daemon contact, on stderr, with status 125.
 */
const usage = (name: string, line: string) =>
  `\n\nUsage:  docker ${name} ${line}\n\nRun 'docker ${name} --help' for more information\n`;
const HISTORY = usage('history', '[OPTIONS] IMAGE');
const PS = usage('ps', '[OPTIONS]');
const RM = usage('rm', '[OPTIONS] CONTAINER [CONTAINER...]');
const RUN = usage('run', '[OPTIONS] IMAGE [COMMAND] [ARG...]');
const STOP = usage('stop', '[OPTIONS] CONTAINER [CONTAINER...]');
const LOGS = usage('logs', '[OPTIONS] CONTAINER');

const parseBool = (value: string) => `strconv.ParseBool: parsing "${value}": invalid syntax`;

describe('docker flags as pflag parses them (recorded from the docker 28.2.2 client)', () => {
  const cases: [line: string, stderr: string][] = [
    [
      'docker history -H=x foo',
      `invalid argument "x" for "-H, --human" flag: ${parseBool('x')}${HISTORY}`,
    ],
    [
      'docker history --human=x foo',
      `invalid argument "x" for "-H, --human" flag: ${parseBool('x')}${HISTORY}`,
    ],
    ['docker ps -a=x', `invalid argument "x" for "-a, --all" flag: ${parseBool('x')}${PS}`],
    ['docker ps --all=x', `invalid argument "x" for "-a, --all" flag: ${parseBool('x')}${PS}`],
    ['docker ps --all=', `invalid argument "" for "-a, --all" flag: ${parseBool('')}${PS}`],
    // ParseBool takes 1 t T TRUE true True and their false twins, no other spelling.
    [
      'docker ps -a=tRUE',
      `invalid argument "tRUE" for "-a, --all" flag: ${parseBool('tRUE')}${PS}`,
    ],
    ['docker ps -q=yes', `invalid argument "yes" for "-q, --quiet" flag: ${parseBool('yes')}${PS}`],
    // In a group of shorthands the value after = belongs to the letter before it.
    ['docker ps -aq=x', `invalid argument "x" for "-q, --quiet" flag: ${parseBool('x')}${PS}`],
    ['docker ps -qa=x', `invalid argument "x" for "-a, --all" flag: ${parseBool('x')}${PS}`],
    [
      'docker rm -f=maybe x',
      `invalid argument "maybe" for "-f, --force" flag: ${parseBool('maybe')}${RM}`,
    ],
    [
      'docker run -d=x foo',
      `invalid argument "x" for "-d, --detach" flag: ${parseBool('x')}${RUN}`,
    ],
    ['docker ps --help=x', `invalid argument "x" for "--help" flag: ${parseBool('x')}${PS}`],
    // -H= is -H, then "=" as a shorthand of its own; the rest of the group is named.
    ['docker history -H= foo', `unknown shorthand flag: '=' in -=${HISTORY}`],
    ['docker ps -az', `unknown shorthand flag: 'z' in -z${PS}`],
    ['docker ps -qz=1', `unknown shorthand flag: 'z' in -z=1${PS}`],
    ['docker stop -xt', `unknown shorthand flag: 'x' in -xt${STOP}`],
    ['docker logs -fn', `flag needs an argument: 'n' in -n${LOGS}`],
    ['docker stop -t', `flag needs an argument: 't' in -t${STOP}`],
    // A valued shorthand takes what follows it, "=" included when nothing comes after.
    [
      'docker stop -t= x',
      `invalid argument "=" for "-t, --timeout" flag: strconv.ParseInt: parsing "=": invalid syntax${STOP}`,
    ],
    // An int flag is checked as pflag sets it: before a later unknown flag, and for
    // flags the simulator does not model.
    [
      'docker stop -t x --nope',
      `invalid argument "x" for "-t, --timeout" flag: strconv.ParseInt: parsing "x": invalid syntax${STOP}`,
    ],
    [
      'docker run --cpu-shares=x lab',
      `invalid argument "x" for "-c, --cpu-shares" flag: strconv.ParseInt: parsing "x": invalid syntax${RUN}`,
    ],
    [
      'docker ps -n=x',
      `invalid argument "x" for "-n, --last" flag: strconv.ParseInt: parsing "x": invalid syntax${PS}`,
    ],
    ['docker ps ---x', `bad flag syntax: ---x${PS}`],
    ['docker ps --=x', `bad flag syntax: --=x${PS}`],
    // The value is quoted with Go's %q (strconv.Quote).
    [
      "docker history -H='a\tb\\\"' foo",
      `invalid argument "a\\tb\\\\\\"" for "-H, --human" flag: strconv.ParseBool: parsing "a\\tb\\\\\\"": invalid syntax${HISTORY}`,
    ],
  ];
  const host = createHost();
  for (const [line, stderr] of cases) {
    it(line, () => {
      expect(runPlain(line, host)).toMatchObject({ stdout: '', stderr, status: 125 });
    });
  }
});

describe('a boolean flag given a value ParseBool accepts', () => {
  // The real client goes on to the daemon for these (`docker ps -a=1` → "Cannot
  // connect to the Docker daemon …", status 1): the value is taken.
  it('-a=1 and --all=t are -a; -q=false and --no-trunc=F are not given', () => {
    const host = createHost();
    runPlain('docker run --name done lab true', host);
    const all = runPlain('docker ps -a', host);
    expect(all.stdout).toContain(' done\n');
    expect(runPlain('docker ps -a=1', host)).toEqual(all);
    expect(runPlain('docker ps --all=t', host)).toEqual(all);
    expect(runPlain('docker ps -a -q=false --no-trunc=F', host)).toEqual(all);
    expect(runPlain('docker ps --all=false', host)).toEqual(runPlain('docker ps', host));
  });
});

import { describe, expect, it } from 'vitest';
import { LabSession } from './support/lab-session.ts';

/**
 * pwd, hostname, mktemp and dpkg on the lab image. Expected texts were
 * captured from the real tools on Debian 12 in the POSIX locale
 * (`env -i /usr/bin/pwd x`, `hostname a b`, `mktemp XX`, `dpkg`, …); only
 * the paths and names are the simulated container's.
 */
describe('pwd', () => {
  it('prints the working directory', () => {
    expect(new LabSession().run(['pwd'], { cwd: '/home/redis' })).toEqual({
      stdout: '/home/redis\n',
      stderr: '',
      status: 0,
    });
  });
  it('warns about operands', () => {
    expect(new LabSession().run(['pwd', 'x'])).toEqual({
      stdout: '/\n',
      stderr: 'pwd: ignoring non-option arguments\n',
      status: 0,
    });
  });
  it('rejects bad options', () => {
    expect(new LabSession().run(['pwd', '-x'])).toEqual({
      stdout: '',
      stderr: "pwd: invalid option -- 'x'\nTry 'pwd --help' for more information.\n",
      status: 1,
    });
  });
});

describe('hostname', () => {
  it('prints the container host name', () => {
    expect(new LabSession().run(['hostname'])).toEqual({
      stdout: 'c0ffee123456\n',
      stderr: '',
      status: 0,
    });
  });
  it('may not set it', () => {
    expect(new LabSession().run(['hostname', 'other'])).toEqual({
      stdout: '',
      stderr: 'hostname: you must be root to change the host name\n',
      status: 1,
    });
  });
  it('prints its usage on standard error for two names', () => {
    const run = new LabSession().run(['hostname', 'a', 'b']);
    expect([run.stdout, run.stderr.split('\n')[0], run.status]).toEqual([
      '',
      'Usage: hostname [-b] {hostname|-F file}         set host name (from file)',
      255,
    ]);
  });
  it('prints its usage on standard output after a bad option', () => {
    const run = new LabSession().run(['hostname', '-Z']);
    expect([run.stdout.split('\n')[0], run.stderr, run.status]).toEqual([
      'Usage: hostname [-b] {hostname|-F file}         set host name (from file)',
      "hostname: invalid option -- 'Z'\n",
      255,
    ]);
  });
});

describe('mktemp', () => {
  it('makes a file in /tmp, mode 0600, with ten letters for the X’s', () => {
    const lab = new LabSession();
    const run = lab.run(['mktemp']);
    expect(run.stdout).toMatch(/^\/tmp\/tmp\.[A-Za-z0-9]{10}\n$/);
    expect(lab.inode(run.stdout.trim())?.perm).toBe(0o600);
  });
  it('makes a directory with -d, mode 0700', () => {
    const lab = new LabSession();
    const run = lab.run(['mktemp', '-d', '/tmp/build.XXXXXX']);
    expect(run.stdout).toMatch(/^\/tmp\/build\.[A-Za-z0-9]{6}\n$/);
    expect(lab.inode(run.stdout.trim())?.kind).toBe('dir');
    expect(lab.inode(run.stdout.trim())?.perm).toBe(0o700);
  });
  it('is reproducible: the same session gives the same names', () => {
    expect(new LabSession().run(['mktemp'])).toEqual(new LabSession().run(['mktemp']));
  });
  it('refuses too few X’s', () => {
    expect(new LabSession().run(['mktemp', 'XX'])).toEqual({
      stdout: '',
      stderr: "mktemp: too few X's in template 'XX'\n",
      status: 1,
    });
  });
  it('reports a missing directory', () => {
    expect(new LabSession().run(['mktemp', '-p', '/nope'])).toEqual({
      stdout: '',
      stderr:
        "mktemp: failed to create file via template '/nope/tmp.XXXXXXXXXX': No such file or directory\n",
      status: 1,
    });
  });
});

describe('dpkg', () => {
  const TRY = `
Type dpkg --help for help about installing and deinstalling packages [*];
Use 'apt' or 'aptitude' for user-friendly package management;
Type dpkg -Dhelp for a list of dpkg debug flag values;
Type dpkg --force-help for a list of forcing options;
Type dpkg-deb --help for help about manipulating *.deb files;

Options marked [*] produce a lot of output - pipe it through 'less' or 'more' !
`;
  it('prints the architecture', () => {
    expect(new LabSession().run(['dpkg', '--print-architecture'])).toEqual({
      stdout: 'amd64\n',
      stderr: '',
      status: 0,
    });
  });
  it('needs an action', () => {
    expect(new LabSession().run(['dpkg'])).toEqual({
      stdout: '',
      stderr: `dpkg: error: need an action option\n${TRY}`,
      status: 2,
    });
  });
  it('rejects unknown options and extra operands', () => {
    expect(new LabSession().run(['dpkg', '--nope'])).toEqual({
      stdout: '',
      stderr: `dpkg: error: unknown option --nope\n${TRY}`,
      status: 2,
    });
    expect(new LabSession().run(['dpkg', '--print-architecture', 'x'])).toEqual({
      stdout: '',
      stderr: `dpkg: error: --print-architecture takes no arguments\n${TRY}`,
      status: 2,
    });
  });
});

describe('--help and --version', () => {
  it('ls --version prints coreutils 9.1’s text, named by the program', () => {
    const run = new LabSession().run(['/usr/bin/ls', '--version']);
    expect([run.stdout.split('\n')[0], run.stdout.split('\n').at(-2), run.status]).toEqual([
      'ls (GNU coreutils) 9.1',
      'Written by Richard M. Stallman and David MacKenzie.',
      0,
    ]);
  });
  it('--help says the simulator does not carry the help texts', () => {
    expect(new LabSession().run(['chmod', '--help'])).toEqual({
      stdout: '',
      stderr: 'chmod: --help: not implemented in this simulator\n',
      status: 1,
    });
  });
});

describe('options the real tools have but the simulator does not implement', () => {
  const cases: [string[], string, number][] = [
    [['grep', '-r', 'x', '/etc'], 'grep: -r: not implemented in this simulator\n', 2],
    [['find', '/etc', '-mtime', '1'], 'find: -mtime: not implemented in this simulator\n', 1],
    [['ls', '-h', '/'], 'ls: -h: not implemented in this simulator\n', 2],
    [['rm', '-i', '/tmp/x'], 'rm: -i: not implemented in this simulator\n', 1],
    [
      ['chmod', '--reference=/etc', '/tmp'],
      'chmod: --reference: not implemented in this simulator\n',
      1,
    ],
    [['tail', '-s', '1', '/etc/passwd'], 'tail: -s: not implemented in this simulator\n', 1],
    [['env', '-S', 'a b'], 'env: -S: not implemented in this simulator\n', 125],
  ];
  for (const [argv, stderr, status] of cases) {
    it(argv.join(' '), () => {
      expect(new LabSession().run(argv)).toEqual({ stdout: '', stderr, status });
    });
  }
});

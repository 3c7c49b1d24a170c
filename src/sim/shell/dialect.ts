import type { Errno } from '../kernel/errno.ts';
import type { SyntaxProblem } from './parse-error.ts';
import type { ShellState } from './state.ts';

/**
 * Where dash, bash and BusyBox ash differ: their words, their statuses and
 * whether `sh -c` execs its last command. Every text here was read from the
 * real shells on the recording machine (dash 0.5.12-2, bash 5.2.15-2+b8,
 * BusyBox 1.35.0 Debian), e.g. `dash -c 'nosuch'` → `dash: 1: nosuch: not found`;
 * test/sim/shell/cases.ts holds the cases and checks them against the real shells.
 */
export interface Dialect {
  readonly name: 'dash' | 'bash' | 'ash';
  /** bash and BusyBox ash exec the last simple command of `-c` instead of forking (facts.md §5). */
  readonly execLastCommand: boolean;
  /** dash's echo always interprets backslash escapes; bash's and ash's only with -e. */
  readonly echoEscapes: boolean;
  /** The order `$-` lists option letters in (dash and ash: their option table backwards). */
  readonly optionOrder: string;
  /** `$LINENO`: dash 0.5.12 as Debian builds it has none; BusyBox counts `-c` lines from 0. */
  readonly lineno: (sh: ShellState) => string | undefined;
  /** The start of an error message: `sh: 1: `, `bash: line 1: `, `sh: `. */
  readonly where: (sh: ShellState) => string;
  /** A builtin's error: dash `sh: 1: cd: …`, ash `sh: cd: line 0: …`. */
  readonly builtin: (sh: ShellState, name: string) => string;
  /** A command not found; bash words a name with a slash as the failed execve. */
  readonly notFound: (name: string) => { text: string; status: number };
  /**
   * execve failed: dash and ash name the command word, bash the file it ran
   * (shell_execve's `file_error (command)`, execute_cmd.c).
   */
  readonly cannotExec: (name: string, errno: Errno, isDir: boolean, path: string) => string;
  /** `>` failed: the message and the status. */
  readonly cannotCreate: (path: string, errno: Errno) => { text: string; status: number };
  readonly cannotOpen: (path: string, errno: Errno) => { text: string; status: number };
  readonly paramError: (
    name: string,
    message: string | undefined,
    colon: boolean,
  ) => { text: string; status: number };
  readonly unbound: (name: string) => { text: string; status: number };
  readonly readonly: (name: string) => { text: string; status: number };
  /** A bad number given to a builtin: the words after the builtin's prefix. */
  readonly illegalNumber: (arg: string) => { text: string; status: number };
  readonly cd: (dir: string, errno: Errno) => { text: string; status: number };
  /** A syntax error's message ('' for none: bash says nothing about `[[ ]]`). */
  readonly syntax: (
    sh: ShellState,
    problem: SyntaxProblem,
    line: number,
    lineText: string,
  ) => string;
}

/** dash and ash word open(2) failures with their own short texts (dash src/error.c errmsg()). */
function shortOpen(errno: Errno, create: boolean, lower: boolean): string {
  if (errno.code === 'ENOENT')
    return create
      ? lower
        ? 'nonexistent directory'
        : 'Directory nonexistent'
      : lower
        ? 'no such file'
        : 'No such file';
  return errno.message;
}

const expecting = (what: string | undefined) =>
  what === undefined ? '' : ` (expecting ${quoteToken(what)})`;

function quoteToken(token: string): string {
  return `"${token}"`;
}

export const DASH: Dialect = {
  name: 'dash',
  execLastCommand: false,
  echoEscapes: true,
  optionOrder: 'pubaCEVvxsnmiIfe',
  lineno: () => undefined,
  where: (sh) => `${sh.errorName}: ${sh.lineno}: `,
  builtin: (sh, name) => `${sh.errorName}: ${sh.lineno}: ${name}: `,
  notFound: (name) => ({ text: `${name}: not found`, status: 127 }),
  cannotExec: (name, errno) => `${name}: ${errno.message}`,
  cannotCreate: (path, errno) => ({
    text: `cannot create ${path}: ${shortOpen(errno, true, false)}`,
    status: 2,
  }),
  cannotOpen: (path, errno) => ({
    text: `cannot open ${path}: ${shortOpen(errno, false, false)}`,
    status: 2,
  }),
  paramError: (name, message, colon) => ({
    text: `${name}: ${message ?? (colon ? 'parameter not set or null' : 'parameter not set')}`,
    status: 2,
  }),
  unbound: (name) => ({ text: `${name}: parameter not set`, status: 2 }),
  readonly: (name) => ({ text: `${name}: is read only`, status: 2 }),
  illegalNumber: (arg) => ({ text: `Illegal number: ${arg}`, status: 2 }),
  cd: (dir) => ({ text: `cd: can't cd to ${dir}`, status: 2 }),
  syntax(sh, problem, line) {
    const where = `${sh.errorName}: ${line}: `;
    switch (problem.kind) {
      case 'unexpected':
        return `${where}Syntax error: ${problem.word ? 'word' : quoteToken(problem.token)} unexpected${expecting(problem.expecting)}`;
      case 'unterminated-arith':
        return `${where}Syntax error: end of file unexpected`;
      case 'eof':
        return `${where}Syntax error: end of file unexpected${problem.expecting ? ` (expecting ${quoteToken(problem.expecting)})` : ''}`;
      case 'unterminated':
        if (problem.quote === ')')
          return `${where}Syntax error: end of file unexpected (expecting ")")`;
        return problem.quote === '`'
          ? `${where}Syntax error: EOF in backquote substitution`
          : `${where}Syntax error: Unterminated quoted string`;
      case 'bad-for-variable':
        return `${where}Syntax error: Bad for loop variable`;
      case 'bad-function-name':
        return `${where}Syntax error: Bad function name`;
      case 'missing-brace':
        return `${where}Syntax error: Missing '}'`;
      case 'bad-substitution':
        return `${where}Bad substitution`;
      case 'cond':
        return '';
    }
  },
};

export const BASH: Dialect = {
  name: 'bash',
  execLastCommand: true,
  echoEscapes: false,
  optionOrder: 'abefhikmnptuvxBCEHPTcs',
  lineno: (sh) => String(sh.lineno),
  // Inside a function of `bash -c`, bash 5.2 names the function's source: `environment` (recorded).
  where: (sh) =>
    sh.mode === 'interactive'
      ? `${sh.errorName}: `
      : `${sh.mode === 'command' && sh.locals.length > 0 ? 'environment' : sh.errorName}: line ${sh.lineno}: `,
  builtin: (sh, name) => `${BASH.where(sh)}${name}: `,
  notFound: (name) => ({
    text: name.includes('/') ? `${name}: No such file or directory` : `${name}: command not found`,
    status: 127,
  }),
  cannotExec: (_name, errno, isDir, path) => `${path}: ${isDir ? 'Is a directory' : errno.message}`,
  cannotCreate: (path, errno) => ({ text: `${path}: ${errno.message}`, status: 1 }),
  cannotOpen: (path, errno) => ({ text: `${path}: ${errno.message}`, status: 1 }),
  paramError: (name, message, colon) => ({
    text: `${name}: ${message ?? (colon ? 'parameter null or not set' : 'parameter not set')}`,
    status: 127,
  }),
  unbound: (name) => ({ text: `${name}: unbound variable`, status: 127 }),
  readonly: (name) => ({ text: `${name}: readonly variable`, status: 1 }),
  illegalNumber: (arg) => ({ text: `${arg}: numeric argument required`, status: 2 }),
  cd: (dir, errno) => ({ text: `cd: ${dir}: ${errno.message}`, status: 1 }),
  syntax(sh, problem, line, lineText) {
    const where =
      sh.mode === 'interactive'
        ? `${sh.errorName}: `
        : `${sh.errorName}: ${sh.mode === 'command' ? '-c: ' : ''}line ${line}: `;
    // Interactive bash names the token only; bash -c and scripts also quote the line.
    const near = (token: string) =>
      `${where}syntax error near unexpected token \`${token}'` +
      (sh.mode === 'interactive' ? '' : `\n${where}\`${lineText}'`);
    switch (problem.kind) {
      case 'unexpected':
        return near(problem.token);
      case 'unterminated-arith':
        return `${where}unexpected EOF while looking for matching \`)'`;
      case 'eof':
        return problem.bashToken
          ? near(problem.bashToken)
          : `${where}syntax error: unexpected end of file`;
      case 'unterminated':
        return `${where}unexpected EOF while looking for matching \`${problem.quote}'`;
      case 'bad-for-variable':
        return near('newline');
      case 'bad-function-name':
        return near('(');
      case 'missing-brace':
        return `${where}unexpected EOF while looking for matching \`}'`;
      case 'bad-substitution':
        return `${BASH.where(sh)}${problem.text}: bad substitution`;
      case 'cond':
        return problem.message === undefined ? '' : `${where}${problem.message}`;
    }
  },
};

/** BusyBox ash numbers the lines of a `-c` string from 0 (recorded: `sh: read: line 0: …`). */
const ashLine = (sh: ShellState) => (sh.mode === 'command' ? sh.lineno - 1 : sh.lineno);

export const ASH: Dialect = {
  name: 'ash',
  execLastCommand: true,
  echoEscapes: false,
  optionOrder: 'ubaCvxcsnmiIfe',
  lineno: (sh) => String(ashLine(sh)),
  where: (sh) => `${sh.errorName}: `,
  builtin: (sh, name) => `${sh.errorName}: ${name}: line ${ashLine(sh)}: `,
  notFound: (name) => ({ text: `${name}: not found`, status: 127 }),
  cannotExec: (name, errno) => `${name}: ${errno.message}`,
  cannotCreate: (path, errno) => ({
    text: `can't create ${path}: ${shortOpen(errno, true, true)}`,
    status: 1,
  }),
  cannotOpen: (path, errno) => ({
    text: `can't open ${path}: ${shortOpen(errno, false, true)}`,
    status: 1,
  }),
  paramError: DASH.paramError,
  unbound: DASH.unbound,
  readonly: DASH.readonly,
  illegalNumber: (arg) => ({ text: `Illegal number: ${arg}`, status: 2 }),
  cd: (dir, errno) => ({ text: `can't cd to ${dir}: ${errno.message}`, status: 2 }),
  syntax(sh, problem) {
    const where = `${sh.errorName}: `;
    switch (problem.kind) {
      case 'unexpected':
        return `${where}syntax error: unexpected ${problem.word ? 'word' : quoteToken(problem.token)}${expecting(problem.expecting)}`;
      case 'unterminated-arith':
        return `${where}syntax error: unexpected end of file`;
      case 'eof':
        return `${where}syntax error: unexpected end of file${problem.expecting ? ` (expecting ${quoteToken(problem.expecting)})` : ''}`;
      case 'unterminated':
        if (problem.quote === ')')
          return `${where}syntax error: unexpected end of file (expecting ")")`;
        return problem.quote === '`'
          ? `${where}syntax error: EOF in backquote substitution`
          : `${where}syntax error: unterminated quoted string`;
      case 'bad-for-variable':
        return `${where}syntax error: bad for loop variable`;
      case 'bad-function-name':
        return `${where}syntax error: bad function name`;
      case 'missing-brace':
        return `${where}syntax error: missing '}'`;
      case 'bad-substitution':
        return `${where}syntax error: bad substitution`;
      case 'cond':
        return '';
    }
  },
};

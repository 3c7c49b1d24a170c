import { RegexError, translate } from '../grep/regex.ts';

/**
 * sed scripts as GNU sed 4.9 parses them, for the subset the simulator runs:
 * addresses (a line number, `$`, /RE/ or \cREc, optionally followed by `!`)
 * and the commands s (any delimiter, & and \1–\9, flags g, p, N, i/I), d, p
 * and q, separated by `;` or newlines. Errors carry sed's words and the
 * character position ("-e expression #1, char 5: unterminated `s' command").
 */
export type Address =
  { kind: 'line'; line: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

export interface Command {
  readonly address?: Address;
  readonly negate: boolean;
  readonly name: 's' | 'd' | 'p' | 'q';
  readonly regex?: RegExp;
  readonly replacement?: string;
  readonly global?: boolean;
  readonly print?: boolean;
  readonly occurrence?: number;
}

export class ScriptError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.position = position;
  }
}

/** GNU sed 4.9's other commands (sed(1)): real, but not modelled here (LIMITATIONS.md). */
const GNU_SED_COMMANDS = 'abcDeFgGhHilnNPQrRtTvwWxyz=:{}#';

/** A real sed command the simulator does not model; sed says so rather than call it unknown. */
export class UnmodelledCommand extends Error {
  readonly command: string;
  constructor(command: string) {
    super(`${command}: not implemented in this simulator`);
    this.command = command;
  }
}

export function parseScript(script: string, extended: boolean): Command[] {
  return new Parser(script, extended).parse();
}

class Parser {
  private pos = 0;
  private readonly text: string;
  private readonly extended: boolean;

  constructor(text: string, extended: boolean) {
    this.text = text;
    this.extended = extended;
  }

  parse(): Command[] {
    const commands: Command[] = [];
    for (;;) {
      this.skip(/[\s;]/);
      if (this.pos >= this.text.length) return commands;
      const address = this.address();
      this.skip(/\s/);
      let negate = false;
      if (this.text[this.pos] === '!') {
        negate = true;
        this.pos++;
        this.skip(/\s/);
      }
      const name = this.text[this.pos++];
      if (name === undefined || name === ';' || name === '\n')
        throw new ScriptError('missing command', this.pos - (name === undefined ? 1 : 0));
      if (name === 's') commands.push({ ...this.substitute(), negate, ...opt(address) });
      else if (name === 'd' || name === 'p' || name === 'q')
        commands.push({ name, negate, ...opt(address) });
      else if (GNU_SED_COMMANDS.includes(name)) throw new UnmodelledCommand(name);
      else throw new ScriptError(`unknown command: \`${name}'`, this.pos);
      this.skip(/[ \t]/);
      const next = this.text[this.pos];
      if (next !== undefined && next !== ';' && next !== '\n' && next !== '}')
        throw new ScriptError(`extra characters after command`, this.pos + 1);
    }
  }

  private skip(re: RegExp): void {
    while (this.pos < this.text.length && re.test(this.text[this.pos] as string)) this.pos++;
  }

  private address(): Address | undefined {
    const ch = this.text[this.pos];
    if (ch === '$') {
      this.pos++;
      return { kind: 'last' };
    }
    if (ch !== undefined && /\d/.test(ch)) {
      const m = /^\d+/.exec(this.text.slice(this.pos)) as RegExpExecArray;
      this.pos += m[0].length;
      return { kind: 'line', line: Number(m[0]) };
    }
    if (ch === '/' || ch === '\\') {
      const delimiter = ch === '\\' ? this.text[++this.pos] : '/';
      this.pos++;
      const source = this.until(delimiter ?? '/', 'unterminated address regex');
      return { kind: 're', re: this.compile(source, '') };
    }
    return undefined;
  }

  /** Reads up to an unescaped delimiter; `\delim` becomes the delimiter itself. */
  private until(delimiter: string, unterminated: string): string {
    let out = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos++] as string;
      if (ch === delimiter) return out;
      if (ch === '\\' && this.pos < this.text.length) {
        const next = this.text[this.pos++] as string;
        out += next === delimiter ? next : next === 'n' ? '\n' : '\\' + next;
        continue;
      }
      if (ch === '\n') break;
      out += ch;
    }
    throw new ScriptError(unterminated, this.pos);
  }

  private substitute(): Omit<Command, 'negate'> {
    const delimiter = this.text[this.pos++];
    if (delimiter === undefined || delimiter === '\n' || delimiter === '\\')
      throw new ScriptError("unterminated `s' command", this.pos);
    const pattern = this.until(delimiter, "unterminated `s' command");
    const replacement = this.until(delimiter, "unterminated `s' command");
    let global = false;
    let print = false;
    let occurrence = 1;
    let flags = '';
    for (;;) {
      const f = this.text[this.pos];
      if (f === 'g') global = true;
      else if (f === 'p') print = true;
      else if (f === 'i' || f === 'I') flags += 'i';
      else if (f !== undefined && /\d/.test(f)) occurrence = Number(f);
      else break;
      this.pos++;
    }
    const after = this.text[this.pos];
    if (after !== undefined && !/[;\n} \t]/.test(after))
      throw new ScriptError("unknown option to `s'", this.pos + 1);
    const regex = this.compile(pattern, flags);
    checkReferences(replacement, regex, this.pos);
    return { name: 's', regex, replacement, global, print, occurrence };
  }

  private compile(source: string, flags: string): RegExp {
    try {
      return new RegExp(translate(source, this.extended ? 'extended' : 'basic').source, flags);
    } catch (e) {
      if (e instanceof RegexError) throw new ScriptError(e.message, this.pos);
      throw new ScriptError('Invalid regular expression', this.pos);
    }
  }
}

function opt(address: Address | undefined): { address?: Address } {
  return address ? { address } : {};
}

/** "invalid reference \\2 on `s' command's RHS" when the pattern has fewer groups. */
function checkReferences(replacement: string, regex: RegExp, position: number): void {
  const groups = new RegExp(regex.source + '|').exec('')?.length ?? 1;
  for (const m of replacement.matchAll(/\\(\d)/g)) {
    const n = Number(m[1]);
    if (n > groups - 1)
      throw new ScriptError(`invalid reference \\${n} on \`s' command's RHS`, position);
  }
}

/** The replacement text for one match: & is the match, \N a group, \& and \\ literal. */
export function expand(replacement: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i] as string;
    if (ch === '&') out += match[0];
    else if (ch === '\\' && i + 1 < replacement.length) {
      const next = replacement[++i] as string;
      if (/\d/.test(next)) out += match[Number(next)] ?? '';
      else if (next === 't') out += '\t';
      else out += next;
    } else out += ch;
  }
  return out;
}

import * as sys from '../../kernel/syscall-api.ts';
import { complainIn } from '../diagnostics.ts';
import { unescape } from './echo.ts';
import type { Builtin } from './types.ts';

const CONVERSION = /%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([a-zA-Z%])/y;

/** An integer argument as printf reads it: a leading quote gives the character's code. */
function integer(arg: string | undefined): number | undefined {
  if (arg === undefined || arg === '') return 0;
  if (/^['"]/.test(arg)) return arg.codePointAt(1) ?? 0;
  const text = arg.trim();
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(text)) return parseInt(text, 16);
  if (/^[-+]?0[0-7]+$/.test(text)) return parseInt(text, 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  return undefined;
}

function pad(text: string, flags: string, width: number | undefined): string {
  if (width === undefined || text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && /^[-+]?[0-9]/.test(text)) {
    const sign = /^[-+]/.test(text) ? text.charAt(0) : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

/** printf FORMAT [ARG…] (XCU printf): the format is reused while arguments remain. */
export const printf: Builtin = function* (sh, argv) {
  const format = argv[1];
  if (format === undefined) {
    yield* sys.write(2, 'printf: usage: printf format [arguments]\n');
    return 2;
  }
  const args = argv.slice(2);
  let out = '';
  let status = 0;
  let used = 0;
  do {
    const start = used;
    let i = 0;
    while (i < format.length) {
      const ch = format.charAt(i);
      if (ch === '\\') {
        const end = /^\\(?:[0-7]{1,3}|.)/s.exec(format.slice(i))?.[0] ?? '\\';
        const r = unescape(end, false);
        if (r.stop) return yield* finish(out, status);
        out += r.text;
        i += end.length;
        continue;
      }
      if (ch !== '%') {
        out += ch;
        i++;
        continue;
      }
      CONVERSION.lastIndex = i;
      const m = CONVERSION.exec(format);
      if (!m) {
        out += ch;
        i++;
        continue;
      }
      i = CONVERSION.lastIndex;
      const [, flags = '', widthText, precisionText, conv = ''] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width =
        widthText === '*' ? integer(args[used++]) : widthText ? Number(widthText) : undefined;
      const precision =
        precisionText === '*'
          ? integer(args[used++])
          : precisionText !== undefined
            ? Number(precisionText || '0')
            : undefined;
      const arg = args[used++];
      if (conv === 's') out += pad((arg ?? '').slice(0, precision), flags, width);
      else if (conv === 'b') {
        const r = unescape(arg ?? '', true);
        out += pad(r.text, flags, width);
        if (r.stop) return yield* finish(out, status);
      } else if (conv === 'c') out += pad((arg ?? '').charAt(0), flags, width);
      else if ('diouxX'.includes(conv)) {
        let n = integer(arg);
        if (n === undefined) {
          yield* complainIn(
            sh,
            'printf',
            sh.dialect.name === 'bash'
              ? `${arg}: invalid number`
              : `${arg}: expected numeric value`,
          );
          status = 1;
          n = 0;
        }
        const text =
          conv === 'x'
            ? n.toString(16)
            : conv === 'X'
              ? n.toString(16).toUpperCase()
              : conv === 'o'
                ? n.toString(8)
                : String(n);
        out += pad(
          (flags.includes('+') && n >= 0 && 'di'.includes(conv) ? '+' : '') + text,
          flags,
          width,
        );
      } else out += m[0];
    }
    if (used === start) break;
  } while (used < args.length);
  return yield* finish(out, status);
};

function* finish(out: string, status: number) {
  if (out !== '') yield* sys.write(1, out);
  return status;
}

/**
 * A Dockerfile's logical lines, joined the way buildkit's parser.Parse joins
 * them (moby/buildkit frontend/dockerfile/parser/parser.go, used by the
 * classic builder of moby 28): the first line loses its leading whitespace;
 * a line ending in the escape character `\` (optionally followed by blanks)
 * continues on the next one, which keeps its leading whitespace and is
 * appended without a separator; comment lines and blank lines inside a
 * continuation are skipped; a line starting with `#` is a comment.
 * Parser directives (`# escape=`) are not supported: the escape is `\`.
 */
export interface LogicalLine {
  /** The joined text (buildkit's Node.Original before trimming). */
  readonly text: string;
  /** 0-based index of the first physical line and the column its instruction starts at. */
  readonly startLine: number;
  readonly startColumn: number;
  /** 0-based index of the last physical line that contributed text, and the end column of its text. */
  readonly endLine: number;
  readonly endColumn: number;
  /** A blank line was skipped inside the continuation (buildkit warns about it). */
  readonly emptyContinuation: boolean;
}

/** `([^\\])\\[ \t]*$|^\\[ \t]*$`, replaced by `$1` (parser.go setEscapeToken). */
const CONTINUATION = /([^\\])\\[ \t]*$|^\\[ \t]*$/;

const isComment = (line: string): boolean => /^#/.test(line.replace(/^\s+/, ''));
const trimEnd = (line: string): string => line.replace(/\s+$/, '');

function trimContinuation(line: string): { text: string; end: boolean } {
  if (!CONTINUATION.test(line)) return { text: line, end: true };
  return { text: line.replace(CONTINUATION, '$1'), end: false };
}

export function logicalLines(source: string): LogicalLine[] {
  const physical = source.replace(/^\uFEFF/, '').split('\n');
  if (physical.at(-1) === '') physical.pop();
  const lines: LogicalLine[] = [];
  for (let i = 0; i < physical.length; i++) {
    const raw = (physical[i] ?? '').replace(/\r$/, '');
    const stripped = raw.replace(/^\s+/, '');
    if (isComment(raw)) continue;
    const startLine = i;
    const startColumn = raw.length - stripped.length;
    let { text, end } = trimContinuation(stripped);
    if (end && text === '') continue;
    let endLine = i;
    let endColumn = trimEnd(raw).length;
    let emptyContinuation = false;
    while (!end && i + 1 < physical.length) {
      i++;
      const next = (physical[i] ?? '').replace(/\r$/, '');
      if (isComment(next)) continue;
      if (next.trim() === '') {
        emptyContinuation = true;
        continue;
      }
      const part = trimContinuation(next);
      text += part.text;
      end = part.end;
      endLine = i;
      endColumn = trimEnd(next).length;
    }
    lines.push({ text, startLine, startColumn, endLine, endColumn, emptyContinuation });
  }
  return lines;
}

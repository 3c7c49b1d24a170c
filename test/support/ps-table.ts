/**
 * Masks the columns of a procps or BusyBox table that differ from run to run
 * on real Linux (golden README, normalisation rule 1: %CPU, %MEM, VSZ, RSS,
 * START, TIME; C, STIME, TIME for -ef; TTY). Column spans come from the
 * header: right-aligned columns end where their header ends, left-aligned
 * ones start where their header starts. Everything else stays byte for byte.
 */
const RIGHT_ALIGNED = new Set([
  'PID',
  'PPID',
  'UID',
  '%CPU',
  '%MEM',
  'VSZ',
  'RSS',
  'TIME',
  'C',
  'START',
  'PGID',
  'SID',
  'NLWP',
]);
export const VOLATILE = new Set([
  '%CPU',
  '%MEM',
  'VSZ',
  'RSS',
  'START',
  'TIME',
  'C',
  'STIME',
  'TTY',
]);

interface Span {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** A header line starts a new table (several tables may follow each other). */
const HEADER = /^\s*(USER|UID|PID)\s/;

export function maskPsTable(text: string, volatile: ReadonlySet<string> = VOLATILE): string {
  let spans: Span[] = [];
  return text
    .split('\n')
    .map((line) => {
      if (HEADER.test(line)) {
        spans = columnSpans(line);
        return line;
      }
      let masked = line;
      for (const span of spans) {
        if (!volatile.has(span.name) || span.start >= masked.length) continue;
        const end = Math.min(span.end, masked.length);
        masked = masked.slice(0, span.start) + '#'.repeat(end - span.start) + masked.slice(end);
      }
      return masked;
    })
    .join('\n');
}

function columnSpans(header: string): Span[] {
  const words = [...header.matchAll(/\S+/g)].map((m) => ({
    name: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  // BusyBox pads every header to the left ("%-*s "), so each column starts at its header.
  const busybox = header.startsWith('PID ');
  return words.map((word, i) => {
    const previous = words[i - 1];
    const next = words[i + 1];
    if (!busybox && RIGHT_ALIGNED.has(word.name) && word.name !== 'START')
      return { name: word.name, start: previous ? previous.end + 1 : 0, end: word.end };
    return {
      name: word.name,
      start: word.start,
      end: next ? next.start - 1 : Number.MAX_SAFE_INTEGER,
    };
  });
}

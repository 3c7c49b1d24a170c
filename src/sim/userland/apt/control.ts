/**
 * Debian control files (deb-control(5), the format of Packages indexes and of
 * /var/lib/dpkg/status): stanzas separated by blank lines, "Field: value"
 * lines, continuation lines starting with a space.
 */
export type Stanza = ReadonlyMap<string, string>;

export function parseControl(text: string): Stanza[] {
  const stanzas: Stanza[] = [];
  let current = new Map<string, string>();
  let last = '';
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (current.size > 0) stanzas.push(current);
      current = new Map();
      last = '';
    } else if ((line.startsWith(' ') || line.startsWith('\t')) && last !== '') {
      current.set(last, `${current.get(last) ?? ''}\n${line}`);
    } else {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      last = line.slice(0, colon);
      current.set(last, line.slice(colon + 1).trim());
    }
  }
  if (current.size > 0) stanzas.push(current);
  return stanzas;
}

/** One stanza as text, fields in the order given, ending with a blank line. */
export function formatStanza(fields: readonly (readonly [string, string | undefined])[]): string {
  return (
    fields
      .filter((f): f is readonly [string, string] => f[1] !== undefined && f[1] !== '')
      .map(([name, value]) => `${name}: ${value}\n`)
      .join('') + '\n'
  );
}

/** A dependency: alternatives ("a | b"), each a package name (version constraints and :any dropped). */
export type Dependency = readonly string[];

/** Parses a Depends-style field: "libc6 (>= 2.34), a | b, c:any". */
export function parseDependencies(value: string | undefined): Dependency[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((group) =>
    group
      .split('|')
      .map((alt) => (alt.trim().split(/[\s(]/, 1)[0] ?? '').replace(/:any$/, ''))
      .filter((name) => name !== ''),
  );
}

/**
 * The builder's word processing for ENV, LABEL, ARG, WORKDIR, USER, COPY,
 * VOLUME, EXPOSE, STOPSIGNAL and FROM (buildkit frontend/dockerfile/shell
 * lex.go, ProcessWord): quotes are removed, `\` escapes the next character
 * (inside double quotes only `$`, `"`, `\` and a newline), and `$NAME`,
 * `${NAME}`, `${NAME:-word}` and `${NAME:+word}` expand from the build's
 * environment. RUN's shell form is left to the shell. Unset names expand to
 * nothing; other `${…}` modifiers are kept as written.
 */
export function expandWord(word: string, env: ReadonlyMap<string, string>): string {
  let out = '';
  let quote: '' | "'" | '"' = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] ?? '';
    if (quote === "'") {
      if (ch === "'") quote = '';
      else out += ch;
      continue;
    }
    if (ch === '\\' && i + 1 < word.length) {
      const next = word[i + 1] ?? '';
      if (quote === '"' && !'$"\\\n'.includes(next)) out += ch;
      else i++;
      out += next;
      continue;
    }
    if (ch === '"' || (ch === "'" && quote === '')) {
      quote = quote === ch ? '' : ch;
      continue;
    }
    if (ch === '$') {
      const { text, length } = variable(word.slice(i + 1), env);
      if (length > 0) {
        out += text;
        i += length;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

function variable(
  rest: string,
  env: ReadonlyMap<string, string>,
): { text: string; length: number } {
  const bare = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
  if (bare) return { text: env.get(bare[0]) ?? '', length: bare[0].length };
  const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)(?:(:[-+])([^}]*))?\}/.exec(rest);
  if (!braced) return { text: '', length: 0 };
  const [whole, name = '', modifier, word = ''] = braced;
  const value = env.get(name);
  const set = value !== undefined && value !== '';
  const text =
    modifier === ':-'
      ? set
        ? value
        : expandWord(word, env)
      : modifier === ':+'
        ? set
          ? expandWord(word, env)
          : ''
        : (value ?? '');
  return { text, length: whole.length };
}

/** The environment as a map, the last of a name winning (`NAME=value` strings). */
export function envMap(entries: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq > 0) map.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return map;
}

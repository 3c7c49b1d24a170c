import { describe, expect, it } from 'vitest';
import { REDIS_ENTRYPOINTS } from '../../../src/sim/docker/images/redis/entrypoints.ts';
import type { Script, SimpleCommand, Span } from '../../../src/sim/shell/ast.ts';
import { parse } from '../../../src/sim/shell/parser.ts';

const text = (source: string, span: Span) => source.slice(span.start.offset, span.end.offset);

function commands(script: Script): SimpleCommand[] {
  return script.items.flatMap((item) =>
    [item.first, ...item.rest.map((r) => r.pipeline)].flatMap((p) =>
      p.commands.flatMap((c) => {
        if (c.type === 'simple') return [c];
        if (c.type === 'if')
          return [...c.clauses.flatMap((k) => [...commands(k.cond), ...commands(k.body)])];
        return [];
      }),
    ),
  );
}

/** A walkthrough highlights the line being executed and the word being expanded: spans locate both. */
describe('spans', () => {
  const source = REDIS_ENTRYPOINTS['5.0'];
  const script = parse(source) as Script;

  it('the last command of the 5.0 entrypoint is `exec "$@"` on line 16, and "$@" sits at columns 6-10', () => {
    const last = commands(script).at(-1) as SimpleCommand;
    expect(last.span.start).toMatchObject({ line: 16, col: 1 });
    expect(text(source, last.span)).toBe('exec "$@"');
    const word = last.words[1];
    expect(word?.span.start).toMatchObject({ line: 16, col: 6 });
    expect(word?.span.end).toMatchObject({ line: 16, col: 10 });
  });

  it('every word of every simple command spans exactly its source text', () => {
    const words = commands(script).flatMap((c) => c.words.map((w) => text(source, w.span)));
    expect(words).toContain('"${1#-}"');
    expect(words).toContain("'{}'");
    expect(words).toContain('"$(id -u)"');
    expect(words.slice(-3)).toEqual(['"$@"', 'exec', '"$@"']);
  });

  it('the parameter expansion inside a word has its own span', () => {
    const test = commands(script).find((c) => text(source, c.span).startsWith('[ "${1#-}"'));
    const dq = test?.words[1]?.parts[0];
    expect(dq?.type).toBe('dq');
    const param = dq?.type === 'dq' ? dq.parts[0] : undefined;
    expect(param && text(source, param.span)).toBe('${1#-}');
    expect(param?.span.start).toMatchObject({ line: 6, col: 7 });
  });
});

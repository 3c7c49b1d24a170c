import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manglePrivateNames, privateNamesUsedBy } from '../../scripts/xterm-private-names.ts';

describe('privateNamesUsedBy', () => {
  it('lists the underscore members an addon reaches, once each, not dunder names', () => {
    const code =
      'a._core._renderService.x; this._terminal=t; t._core; o.__proto__; o.plain; f(_local)';
    expect(privateNamesUsedBy(code)).toEqual(['_core', '_renderService', '_terminal']);
  });

  it('finds what the bundled addon-fit reaches into', () => {
    const fit = readFileSync('node_modules/@xterm/addon-fit/lib/addon-fit.mjs', 'utf8');
    expect(privateNamesUsedBy(fit)).toEqual(['_core', '_renderService', '_terminal']);
  });
});

describe('manglePrivateNames', () => {
  it('shortens private members, keeps the reserved ones, public names and dunder names', async () => {
    const code = [
      'export class T {',
      '  constructor() { this._bufferService = 1; this._core = 2; this.__proto__x = 3; }',
      '  get rows() { return this._bufferService + this._core; }',
      '}',
      '',
    ].join('\n');
    const { code: out } = await manglePrivateNames(code, ['_core']);
    expect(out).not.toContain('_bufferService');
    expect(out).toContain('this._core = 2');
    expect(out).toContain('this.__proto__x = 3');
    expect(out).toContain('get rows()');
    // One name for every use of the member.
    const [, renamed] = /this\.(\w+) = 1/.exec(out) ?? [];
    expect(out).toContain(`return this.${renamed} + this._core`);
  });

  it('leaves quoted names alone', async () => {
    const { code } = await manglePrivateNames('o["_quoted"] = o._plain;\n', []);
    expect(code).toMatch(/^o\["_quoted"\] = o\.\w+;\n$/);
    expect(code).not.toContain('_plain');
  });
});

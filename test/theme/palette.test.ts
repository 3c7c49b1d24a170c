import { describe, expect, it } from 'vitest';
import {
  ANSI_NAMES,
  contrastRatio,
  PAGE,
  paletteCss,
  TERMINAL,
  type Scheme,
} from '../../src/theme/palette.ts';

const SCHEMES: Scheme[] = ['light', 'dark'];

describe('contrastRatio (WCAG 2.x)', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });

  it('rejects what is not #rrggbb', () => {
    expect(() => contrastRatio('red', '#ffffff')).toThrow('expected a #rrggbb colour, found "red"');
  });
});

describe.each(SCHEMES)('the %s scheme', (scheme) => {
  const page = PAGE[scheme];
  const term = TERMINAL[scheme];

  it('has AAA contrast for body text and AA for muted text and links', () => {
    expect(contrastRatio(page.fg, page.bg)).toBeGreaterThanOrEqual(7);
    expect(contrastRatio(page.muted, page.bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(page.muted, page.surface)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(page.accent, page.bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(page.fg, page.surface)).toBeGreaterThanOrEqual(7);
  });

  it('has a focus ring of at least 3:1 against the page and the terminal', () => {
    expect(contrastRatio(page.focus, page.bg)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(page.focus, term.background)).toBeGreaterThanOrEqual(3);
  });

  it('has AAA terminal text and AA for every ANSI colour', () => {
    expect(contrastRatio(term.foreground, term.background)).toBeGreaterThanOrEqual(7);
    expect(contrastRatio(page.muted, term.background)).toBeGreaterThanOrEqual(4.5);
    const weak = ANSI_NAMES.filter((name) => contrastRatio(term[name], term.background) < 4.5);
    expect(weak).toEqual([]);
  });
});

describe('paletteCss', () => {
  it('defines the light scheme on :root and the dark one under prefers-color-scheme', () => {
    const css = paletteCss();
    expect(css.startsWith(':root{color-scheme:light dark;--bg:#ffffff;')).toBe(true);
    expect(css).toContain('@media (prefers-color-scheme: dark){:root{--bg:#0d1117;');
    expect(css).toContain('--term-bg:#010409;');
  });
});

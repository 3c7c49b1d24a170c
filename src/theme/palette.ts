/**
 * The site's colours, one place for both schemes: the page's CSS custom
 * properties and the terminal's theme come from here, and
 * test/theme/palette.test.ts checks their WCAG contrast.
 */
export type Scheme = 'light' | 'dark';

export interface PagePalette {
  readonly bg: string;
  readonly fg: string;
  readonly muted: string;
  readonly accent: string;
  readonly surface: string;
  readonly border: string;
  readonly focus: string;
}

/** The 16 ANSI colours in xterm's order. */
export const ANSI_NAMES = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'brightBlack',
  'brightRed',
  'brightGreen',
  'brightYellow',
  'brightBlue',
  'brightMagenta',
  'brightCyan',
  'brightWhite',
] as const;
export type AnsiName = (typeof ANSI_NAMES)[number];

export interface TerminalPalette extends Record<AnsiName, string> {
  readonly background: string;
  readonly foreground: string;
  readonly cursor: string;
  readonly cursorAccent: string;
  readonly selectionBackground: string;
}

export const PAGE: Record<Scheme, PagePalette> = {
  light: {
    bg: '#ffffff',
    fg: '#1b1f24',
    muted: '#4b5563',
    accent: '#0b57a4',
    surface: '#f3f5f8',
    border: '#c9d1d9',
    focus: '#b4470a',
  },
  dark: {
    bg: '#0d1117',
    fg: '#e6edf3',
    muted: '#a3adb8',
    accent: '#79b8ff',
    surface: '#161b22',
    border: '#3d444d',
    focus: '#ffb454',
  },
};

export const TERMINAL: Record<Scheme, TerminalPalette> = {
  light: {
    background: '#f6f8fa',
    foreground: '#1b1f24',
    cursor: '#1b1f24',
    cursorAccent: '#f6f8fa',
    selectionBackground: '#b6d4fe',
    black: '#1b1f24',
    red: '#b3261e',
    green: '#116329',
    yellow: '#7d4e00',
    blue: '#0b57a4',
    magenta: '#8a3ab9',
    cyan: '#0b6a75',
    white: '#57606a',
    brightBlack: '#4b5563',
    brightRed: '#a40e26',
    brightGreen: '#1a7f37',
    brightYellow: '#6c4400',
    brightBlue: '#0550ae',
    brightMagenta: '#7c2fa8',
    brightCyan: '#0a5c66',
    brightWhite: '#5c6570',
  },
  dark: {
    background: '#010409',
    foreground: '#e6edf3',
    cursor: '#e6edf3',
    cursorAccent: '#010409',
    selectionBackground: '#264f78',
    black: '#8b949e',
    red: '#ff7b72',
    green: '#7ee787',
    yellow: '#e3b341',
    blue: '#79c0ff',
    magenta: '#d2a8ff',
    cyan: '#76e3ea',
    white: '#e6edf3',
    brightBlack: '#8b949e',
    brightRed: '#ffa198',
    brightGreen: '#a5f0b0',
    brightYellow: '#f2cc60',
    brightBlue: '#a5d6ff',
    brightMagenta: '#e2c5ff',
    brightCyan: '#b3f0ff',
    brightWhite: '#ffffff',
  },
};

function declarations(palette: PagePalette, terminal: TerminalPalette): string {
  const page = Object.entries(palette).map(([name, value]) => `--${name}:${value};`);
  return [...page, `--term-bg:${terminal.background};`, `--term-fg:${terminal.foreground};`].join(
    '',
  );
}

/** CSS custom properties for both schemes, light first, dark under prefers-color-scheme. */
export function paletteCss(): string {
  return (
    `:root{color-scheme:light dark;${declarations(PAGE.light, TERMINAL.light)}}` +
    `@media (prefers-color-scheme: dark){:root{${declarations(PAGE.dark, TERMINAL.dark)}}}`
  );
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`expected a #rrggbb colour, found ${JSON.stringify(hex)}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (hi + 0.05) / (lo + 0.05);
}

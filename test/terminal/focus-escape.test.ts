import { describe, expect, it } from 'vitest';
import { createFocusEscape } from '../../src/terminal/focus-escape.ts';

/** Feeds keydown events; returns, per key, whether xterm gets to handle it. */
function press(...keys: string[]): boolean[] {
  const handler = createFocusEscape();
  return keys.map((key) => handler({ type: 'keydown', key }));
}

describe('createFocusEscape', () => {
  it('leaves Tab to the shell (completion)', () => {
    expect(press('Tab', 'a', 'Tab')).toEqual([true, true, true]);
  });

  it('lets Esc then Tab move focus out, without sending the Esc', () => {
    expect(press('Escape', 'Tab', 'Tab')).toEqual([false, false, true]);
  });

  it('lets Esc then Shift+Tab move focus backwards', () => {
    expect(press('Escape', 'Shift', 'Tab')).toEqual([false, true, false]);
  });

  it('forgets the Esc once another key is typed', () => {
    expect(press('Escape', 'a', 'Tab')).toEqual([false, true, true]);
  });

  it('lets xterm see keyup and keypress events', () => {
    const handler = createFocusEscape();
    expect(handler({ type: 'keyup', key: 'Tab' })).toBe(true);
    expect(handler({ type: 'keypress', key: 'a' })).toBe(true);
  });
});

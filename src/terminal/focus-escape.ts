/**
 * Keeps the terminal from trapping keyboard focus (WCAG 2.1.2, No Keyboard
 * Trap). Tab belongs to the shell (completion), so Esc, then Tab or
 * Shift+Tab, lets the browser move focus out; the Esc itself is not sent to
 * the shell. The result is what xterm's attachCustomKeyEventHandler expects:
 * true lets xterm handle the key, false leaves it to the browser.
 */
export function createFocusEscape(): (event: Pick<KeyboardEvent, 'type' | 'key'>) => boolean {
  let armed = false;
  return (event) => {
    if (event.type !== 'keydown') return true;
    if (event.key === 'Escape') {
      armed = true;
      return false;
    }
    if (armed && event.key === 'Tab') {
      armed = false;
      return false;
    }
    if (event.key !== 'Shift') armed = false;
    return true;
  };
}

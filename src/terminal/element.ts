/**
 * <stepdown-terminal>: a live terminal on a simulated host. The server
 * renders a placeholder (src/components/Terminal.astro); xterm.js and the
 * simulator load when the element is visible, the browser is idle, or the
 * user reaches for it, so the page paints first.
 *
 * Markup it expects inside itself:
 *   [data-screen]          the box the terminal fills (its placeholder is replaced)
 *   [data-command="…"]     buttons that type a command into the terminal
 *   input[data-screen-reader]  a checkbox for xterm's screenReaderMode
 * and the attribute data-input-label (the accessible name of the input).
 */
import type { Disposable } from './disposable-store.ts';
import { loadOnFirstTrigger } from './load-trigger.ts';
import type { MountedTerminal } from './mount.ts';
import { TERMINAL_READY_MARK } from './ready-mark.ts';

/** Ctrl-U: the shell's "erase the line", so a button never appends to half-typed text. */
const KILL_LINE = '\x15';

export class StepdownTerminal extends HTMLElement {
  #mounted: Promise<MountedTerminal> | undefined;
  #terminal: MountedTerminal | undefined;
  #trigger: Disposable | undefined;
  readonly #onClick = (event: Event): void => {
    const button = (event.target as Element | null)?.closest<HTMLElement>('[data-command]');
    const command = button?.dataset.command;
    if (command !== undefined) void this.typeCommand(command);
  };
  readonly #onChange = (event: Event): void => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.matches('[data-screen-reader]')) {
      void this.load().then((terminal) => terminal.setScreenReaderMode(input.checked));
    }
  };

  connectedCallback(): void {
    this.addEventListener('click', this.#onClick);
    this.addEventListener('change', this.#onChange);
    const screen = this.#screen();
    this.#trigger = loadOnFirstTrigger(screen, () => void this.load());
  }

  disconnectedCallback(): void {
    this.removeEventListener('click', this.#onClick);
    this.removeEventListener('change', this.#onChange);
    this.#trigger?.dispose();
    this.#terminal?.dispose();
    this.#terminal = undefined;
    this.#mounted = undefined;
  }

  /** Loads xterm and the simulator once; later calls get the same terminal. */
  load(): Promise<MountedTerminal> {
    this.#mounted ??= this.#mount();
    return this.#mounted;
  }

  /** Replaces the current input line with `command` (not run: the learner presses Enter). */
  async typeCommand(command: string): Promise<void> {
    const terminal = await this.load();
    terminal.type(KILL_LINE + command);
    terminal.focus();
  }

  /**
   * The terminal's text, one line per buffer row, trailing blanks trimmed;
   * empty before it loads. What is on screen anyway: the end-to-end tests read it.
   */
  bufferText(): string {
    return this.#terminal?.lines().join('\n') ?? '';
  }

  async #mount(): Promise<MountedTerminal> {
    const { mountTerminal } = await import('./mount.ts');
    const screen = this.#screen();
    const screenReader = this.querySelector<HTMLInputElement>('input[data-screen-reader]');
    const terminal = mountTerminal(screen, {
      inputLabel: this.dataset.inputLabel ?? 'Terminal input',
      screenReaderMode: screenReader?.checked ?? false,
    });
    this.#terminal = terminal;
    await terminal.ready;
    this.dataset.state = 'ready';
    performance.mark(TERMINAL_READY_MARK);
    return terminal;
  }

  #screen(): HTMLElement {
    const screen = this.querySelector<HTMLElement>('[data-screen]');
    if (!screen) throw new Error('<stepdown-terminal>: expected a [data-screen] child, found none');
    return screen;
  }
}

export const TAG = 'stepdown-terminal';

if (!customElements.get(TAG)) customElements.define(TAG, StepdownTerminal);

declare global {
  interface HTMLElementTagNameMap {
    [TAG]: StepdownTerminal;
  }
}

/**
 * Everything heavy the terminal needs, loaded on demand by the
 * <stepdown-terminal> element: xterm.js and its stylesheet, and the Web
 * Worker that runs the simulator (ADR 0007), so a runaway script never
 * blocks the page.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { TERMINAL, type Scheme } from '../theme/palette.ts';
import { DisposableStore, toDisposable } from './disposable-store.ts';
import { fitOnResize, nextContentBox } from './fit-on-resize.ts';
import { createFocusEscape } from './focus-escape.ts';
import { PortAttachAddon } from './port-attach-addon.ts';
import type { Channel, FromHost, ToHost } from './worker-protocol.ts';
import { openWorkerSession, type WorkerSession } from './worker-session.ts';
import { yieldToMain } from './yield-to-main.ts';

export interface MountOptions {
  /** The accessible name of xterm's input textarea. */
  readonly inputLabel: string;
  readonly screenReaderMode: boolean;
}

export interface MountedTerminal {
  /** Settles once the first prompt is on screen: the terminal takes input. */
  readonly ready: Promise<void>;
  /** Sends text to the shell as if typed. */
  type(text: string): void;
  focus(): void;
  setScreenReaderMode(enabled: boolean): void;
  /** The buffer's lines as text, trailing blanks trimmed (what the screen shows, plus scrollback). */
  lines(): string[];
  dispose(): void;
}

const DARK = '(prefers-color-scheme: dark)';

function themeFor(scheme: Scheme): ITheme {
  return { ...TERMINAL[scheme] };
}

/**
 * Mounts the terminal in `container` in small steps, each its own task, so
 * the page stays responsive while xterm builds itself (about 100 ms of work
 * in one go on a fast desktop, several times that on a phone):
 *
 *  1. start the simulator's worker: it downloads and boots in parallel;
 *  2. at the next layout, read the container's width (no forced layout) and
 *     create the terminal (its buffers and parser);
 *  3. open it in the container, replacing the placeholder;
 *  4. fit it from a ResizeObserver, after layout, and log in at that size.
 *
 * The container's size is fixed by CSS (Terminal.astro), so none of this
 * shifts the page. `ready` settles once the first prompt is on screen.
 */
export function mountTerminal(container: HTMLElement, options: MountOptions): MountedTerminal {
  const store = new DisposableStore();
  const worker = new Worker(new URL('./host-worker.ts', import.meta.url), {
    type: 'module',
    name: 'stepdown-host',
  });
  store.add(toDisposable(() => worker.terminate()));
  const channel = worker as unknown as Channel<ToHost, FromHost>;
  let screenReaderMode = options.screenReaderMode;
  let terminal: Terminal | undefined;
  let session: WorkerSession | undefined;

  /** A login on the host's terminal; `exit` ends it and a new one starts, as a fresh tab would. */
  function login(term: Terminal): WorkerSession {
    const next = openWorkerSession(channel, { cols: term.cols, rows: term.rows });
    const attach = new PortAttachAddon(next);
    const sessionStore = new DisposableStore();
    term.loadAddon(attach);
    sessionStore.add(
      toDisposable(
        next.onExit(() => {
          setTimeout(() => {
            if (store.isDisposed) return;
            sessionStore.dispose();
            session = login(term);
          }, 0);
        }),
      ),
    );
    // Released in this order: detach, then stop listening.
    sessionStore.add(toDisposable(() => next.dispose()));
    sessionStore.add(attach);
    store.add(sessionStore);
    return next;
  }

  /** Waits for `next`, and stops the mount there (nothing settles) if it was disposed meanwhile. */
  async function step<T>(next: Promise<T>): Promise<T> {
    const value = await next;
    if (store.isDisposed) await new Promise<never>(() => undefined);
    return value;
  }

  async function mountInSteps(): Promise<void> {
    const box = await step(nextContentBox(container));
    // Out of the frame that reported the size: that task already styled, laid out and painted.
    await step(yieldToMain());
    const media = window.matchMedia(DARK);
    const term = store.add(
      new Terminal({
        cursorBlink: true,
        fontFamily: 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
        // Narrow screens get a smaller font so ps tables wrap less.
        fontSize: box.width < 560 ? 11 : 14,
        scrollback: 2000,
        screenReaderMode,
        theme: themeFor(media.matches ? 'dark' : 'light'),
      }),
    );
    const followScheme = (event: MediaQueryListEvent): void => {
      term.options.theme = themeFor(event.matches ? 'dark' : 'light');
    };
    media.addEventListener('change', followScheme);
    store.add(toDisposable(() => media.removeEventListener('change', followScheme)));
    const fitAddon = new FitAddon();
    term.loadAddon(fitAddon);
    term.attachCustomKeyEventHandler(createFocusEscape());
    terminal = term;

    await step(yieldToMain());
    // xterm goes into a plain box filling the container's content box: FitAddon sizes the
    // terminal from its parent's computed height, which for the padded border-box
    // container (Terminal.astro) includes the padding, so the last row was cut off.
    const host = document.createElement('div');
    host.style.height = '100%';
    container.replaceChildren(host);
    term.open(host);
    term.textarea?.setAttribute('aria-label', options.inputLabel);

    await step(
      new Promise<void>((fitted) => {
        store.add(
          fitOnResize(container, () => {
            fitAddon.fit();
            fitted();
          }),
        );
      }),
    );
    await step(yieldToMain());
    const first = login(term);
    session = first;
    await new Promise<void>((resolve) => {
      const stop = first.onOutput(() => {
        stop();
        // After PortAttachAddon's write: the callback runs once the prompt is parsed.
        term.write('', resolve);
      });
    });
  }

  return {
    ready: mountInSteps(),
    type: (text) => session?.write(text),
    focus: () => terminal?.focus(),
    setScreenReaderMode: (enabled) => {
      screenReaderMode = enabled;
      if (terminal) terminal.options.screenReaderMode = enabled;
    },
    lines: () => {
      const buffer = terminal?.buffer.active;
      const out: string[] = [];
      for (let y = 0; y < (buffer?.length ?? 0); y++) {
        out.push(buffer?.getLine(y)?.translateToString(true) ?? '');
      }
      return out;
    },
    dispose: () => store.dispose(),
  };
}

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
import { fitOnResize } from './fit-on-resize.ts';
import { createFocusEscape } from './focus-escape.ts';
import { PortAttachAddon } from './port-attach-addon.ts';
import type { Channel, FromHost, ToHost } from './worker-protocol.ts';
import { openWorkerSession, type WorkerSession } from './worker-session.ts';

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

export function mountTerminal(container: HTMLElement, options: MountOptions): MountedTerminal {
  const store = new DisposableStore();
  const media = window.matchMedia(DARK);
  const terminal = store.add(
    new Terminal({
      cursorBlink: true,
      fontFamily: 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
      // Narrow screens get a smaller font so ps tables wrap less.
      fontSize: container.clientWidth < 560 ? 11 : 14,
      scrollback: 2000,
      screenReaderMode: options.screenReaderMode,
      theme: themeFor(media.matches ? 'dark' : 'light'),
    }),
  );
  const followScheme = (event: MediaQueryListEvent): void => {
    terminal.options.theme = themeFor(event.matches ? 'dark' : 'light');
  };
  media.addEventListener('change', followScheme);
  store.add(toDisposable(() => media.removeEventListener('change', followScheme)));

  const fitAddon = new FitAddon();
  terminal.loadAddon(fitAddon);
  terminal.attachCustomKeyEventHandler(createFocusEscape());
  terminal.open(container);
  terminal.textarea?.setAttribute('aria-label', options.inputLabel);
  store.add(fitOnResize(container, () => fitAddon.fit()));

  const worker = new Worker(new URL('./host-worker.ts', import.meta.url), {
    type: 'module',
    name: 'stepdown-host',
  });
  store.add(toDisposable(() => worker.terminate()));
  const channel = worker as unknown as Channel<ToHost, FromHost>;
  let session = login();
  const ready = new Promise<void>((resolve) => {
    const stop = session.onOutput(() => {
      stop();
      // After PortAttachAddon's write: the callback runs once the prompt is parsed.
      terminal.write('', resolve);
    });
  });

  /** A login on the host's terminal; `exit` ends it and a new one starts, as a fresh tab would. */
  function login(): WorkerSession {
    const next = openWorkerSession(channel, { cols: terminal.cols, rows: terminal.rows });
    const attach = new PortAttachAddon(next);
    const sessionStore = new DisposableStore();
    terminal.loadAddon(attach);
    sessionStore.add(
      toDisposable(
        next.onExit(() => {
          setTimeout(() => {
            if (store.isDisposed) return;
            sessionStore.dispose();
            session = login();
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

  return {
    ready,
    type: (text) => session.write(text),
    focus: () => terminal.focus(),
    setScreenReaderMode: (enabled) => {
      terminal.options.screenReaderMode = enabled;
    },
    lines: () => {
      const buffer = terminal.buffer.active;
      const out: string[] = [];
      for (let y = 0; y < buffer.length; y++) {
        out.push(buffer.getLine(y)?.translateToString(true) ?? '');
      }
      return out;
    },
    dispose: () => store.dispose(),
  };
}

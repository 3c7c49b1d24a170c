/**
 * Editing commands (named after readline's) and the emacs-mode key bindings.
 *
 * A command changes the line buffer or the history walk and tells the editor
 * what to do with the screen through an Effect; it never writes output
 * itself. To add a key, bind it in EMACS_KEYMAP; to add a behaviour (e.g. Tab
 * completion), implement the command here: "complete" is the extension point,
 * bound to Tab and doing nothing for now.
 */
import type { History } from './history.ts';
import type { LineBuffer } from './line-buffer.ts';

export type Effect =
  | { readonly kind: 'changed'; readonly from: number } // cells from `from` on changed
  | { readonly kind: 'moved' } // only the cursor moved (maybe not at all)
  | { readonly kind: 'accept' }
  | { readonly kind: 'interrupt' }
  | { readonly kind: 'eof' }
  | { readonly kind: 'clear-screen' };

export interface CommandContext {
  readonly line: LineBuffer;
  readonly history: History;
  /** The last killed text, for yank (C-y). */
  killed: string;
}

export type Command = (ctx: CommandContext) => Effect;

const MOVED: Effect = { kind: 'moved' };

function move(ctx: CommandContext, index: number): Effect {
  ctx.line.moveTo(index);
  return MOVED;
}

function kill(ctx: CommandContext, start: number, end: number): Effect {
  const text = ctx.line.remove(start, end);
  if (text === '') return MOVED;
  ctx.killed = text;
  return { kind: 'changed', from: start };
}

function deleteChar({ line }: CommandContext): Effect {
  return line.remove(line.cursor, line.cursor + 1) === ''
    ? MOVED
    : { kind: 'changed', from: line.cursor };
}

/** The effect of inserting text at the cursor. */
export function insert(ctx: CommandContext, text: string): Effect {
  const from = ctx.line.insert(text);
  return from === null ? MOVED : { kind: 'changed', from };
}

function recall(ctx: CommandContext, text: string | null): Effect {
  if (text === null) return MOVED;
  ctx.line.set(text);
  return { kind: 'changed', from: 0 };
}

export const COMMANDS = {
  'backward-char': (ctx) => move(ctx, ctx.line.cursor - 1),
  'forward-char': (ctx) => move(ctx, ctx.line.cursor + 1),
  'beginning-of-line': (ctx) => move(ctx, 0),
  'end-of-line': (ctx) => move(ctx, ctx.line.length),
  'backward-word': (ctx) => move(ctx, ctx.line.wordStartBefore(ctx.line.cursor)),
  'forward-word': (ctx) => move(ctx, ctx.line.wordEndAfter(ctx.line.cursor)),
  'backward-delete-char': ({ line }) =>
    line.remove(line.cursor - 1, line.cursor) === ''
      ? MOVED
      : { kind: 'changed', from: line.cursor },
  'delete-char': deleteChar,
  'delete-char-or-eof': (ctx) => (ctx.line.length === 0 ? { kind: 'eof' } : deleteChar(ctx)),
  'unix-line-discard': (ctx) => kill(ctx, 0, ctx.line.cursor),
  'kill-line': (ctx) => kill(ctx, ctx.line.cursor, ctx.line.length),
  'unix-word-rubout': (ctx) =>
    kill(ctx, ctx.line.bigWordStartBefore(ctx.line.cursor), ctx.line.cursor),
  'backward-kill-word': (ctx) =>
    kill(ctx, ctx.line.wordStartBefore(ctx.line.cursor), ctx.line.cursor),
  'kill-word': (ctx) => kill(ctx, ctx.line.cursor, ctx.line.wordEndAfter(ctx.line.cursor)),
  yank: (ctx) => insert(ctx, ctx.killed),
  'previous-history': (ctx) => recall(ctx, ctx.history.previous(ctx.line.text)),
  'next-history': (ctx) => recall(ctx, ctx.history.next(ctx.line.text)),
  'accept-line': () => ({ kind: 'accept' }),
  interrupt: () => ({ kind: 'interrupt' }),
  'clear-screen': () => ({ kind: 'clear-screen' }),
  complete: () => MOVED, // Tab completion goes here
} satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;

/** Key names (see key-names.ts) to commands, as in readline's emacs mode. */
export const EMACS_KEYMAP: ReadonlyMap<string, CommandName> = new Map<string, CommandName>([
  ['Left', 'backward-char'],
  ['C-b', 'backward-char'],
  ['Right', 'forward-char'],
  ['C-f', 'forward-char'],
  ['Home', 'beginning-of-line'],
  ['C-a', 'beginning-of-line'],
  ['End', 'end-of-line'],
  ['C-e', 'end-of-line'],
  ['M-b', 'backward-word'],
  ['C-Left', 'backward-word'],
  ['M-Left', 'backward-word'],
  ['M-f', 'forward-word'],
  ['C-Right', 'forward-word'],
  ['M-Right', 'forward-word'],
  ['Backspace', 'backward-delete-char'],
  ['Delete', 'delete-char'],
  ['C-d', 'delete-char-or-eof'],
  ['C-u', 'unix-line-discard'],
  ['C-k', 'kill-line'],
  ['C-w', 'unix-word-rubout'],
  ['M-Backspace', 'backward-kill-word'],
  ['M-d', 'kill-word'],
  ['C-y', 'yank'],
  ['Up', 'previous-history'],
  ['C-p', 'previous-history'],
  ['Down', 'next-history'],
  ['C-n', 'next-history'],
  ['Enter', 'accept-line'],
  ['C-c', 'interrupt'],
  ['C-l', 'clear-screen'],
  ['Tab', 'complete'],
]);

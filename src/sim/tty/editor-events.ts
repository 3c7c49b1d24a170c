/**
 * What the line editor asks of its caller. Adjacent output events are merged,
 * so a call returns at most one output event between two other events.
 */
export type EditorEvent =
  | { readonly kind: 'output'; readonly data: string } // bytes to write to the screen
  | { readonly kind: 'line'; readonly line: string } // Enter: a complete line, without the newline
  | { readonly kind: 'interrupt' } // C-c: the line is abandoned
  | { readonly kind: 'eof' }; // C-d on an empty line

/** Collects events, merging adjacent outputs and dropping empty ones. */
export class EventList {
  readonly list: EditorEvent[] = [];

  output(data: string): void {
    if (data === '') return;
    const last = this.list.at(-1);
    if (last?.kind === 'output')
      this.list[this.list.length - 1] = { kind: 'output', data: last.data + data };
    else this.list.push({ kind: 'output', data });
  }

  push(event: EditorEvent): void {
    this.list.push(event);
  }
}

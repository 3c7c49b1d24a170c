/**
 * The list of entered lines, and a walk through it while a line is edited.
 *
 * Like bash with HISTCONTROL=ignoredups: blank lines and a line equal to the
 * previous entry are not added. While walking (Up/Down), the text being
 * edited at each position is kept as a draft for that position, so the
 * unsubmitted new line comes back with Down, and an edited old entry keeps its
 * edits until the line is accepted or abandoned. Entries themselves are never
 * modified (readline's revert-all-at-newline).
 */
export class History {
  readonly #limit: number;
  #entries: string[] = [];
  #index = 0;
  #drafts = new Map<number, string>();

  constructor(limit: number) {
    this.#limit = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
  }

  get entries(): readonly string[] {
    return this.#entries;
  }

  add(line: string): void {
    if (line.trim() === '' || this.#entries.at(-1) === line) return;
    this.#entries.push(line);
    const excess = this.#entries.length - this.#limit;
    if (excess > 0) this.#entries.splice(0, excess);
  }

  /** Starts a new walk, positioned on the new (empty) line after the last entry. */
  restart(): void {
    this.#index = this.#entries.length;
    this.#drafts.clear();
  }

  /** Text of the previous entry, or null at the oldest one. `current` is kept as a draft. */
  previous(current: string): string | null {
    return this.#go(-1, current);
  }

  /** Text of the next entry (or the new line's draft), or null on the new line. */
  next(current: string): string | null {
    return this.#go(1, current);
  }

  #go(step: number, current: string): string | null {
    const target = this.#index + step;
    if (target < 0 || target > this.#entries.length) return null;
    this.#drafts.set(this.#index, current);
    this.#index = target;
    return this.#drafts.get(target) ?? this.#entries[target] ?? '';
  }
}

import type { Blocker } from './process.ts';

/** What a system call handler did: answered, parked the caller, or replaced/ended it. */
export type Outcome =
  { readonly value: unknown } | { readonly block: Blocker } | { readonly gone: true };

export const done = (value: unknown): Outcome => ({ value });
export const blockOn = (block: Blocker): Outcome => ({ block });
export const GONE: Outcome = { gone: true };

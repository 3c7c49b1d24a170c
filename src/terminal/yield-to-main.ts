interface Scheduler {
  yield(): Promise<void>;
}

/**
 * Ends the current task and continues in a new one, so input and painting
 * can run in between: long work split at these points never blocks the page
 * for long (Lighthouse's total blocking time counts each task over 50 ms).
 * scheduler.yield() (Chromium 129+) keeps the continuation ahead of other
 * queued tasks; elsewhere a zero-delay timeout.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

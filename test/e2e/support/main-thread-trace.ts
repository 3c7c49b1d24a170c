/**
 * The page's main thread as Chromium's trace records it (the Performance
 * panel's data): its tasks with their CPU time, and the style and layout
 * passes that script forced, with the function that forced each. CPU time,
 * not wall time, so a machine busy with other work does not fail a bound.
 */
import type { Browser, Page } from '@playwright/test';

interface StackFrame {
  readonly functionName: string;
  readonly url: string;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: {
    readonly name?: string;
    readonly data?: { readonly url?: string };
    readonly beginData?: { readonly stackTrace?: readonly StackFrame[] };
  };
}

export interface MainThread {
  /** CPU milliseconds of each task the renderer's main thread ran. */
  readonly taskCpuMs: number[];
  /**
   * One line per style recalculation or layout that the page's own scripts forced
   * ("Layout forced by fn < caller"); the test driver's are left out.
   */
  readonly forcedLayouts: string[];
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
];

/** Records the main thread of `page` while `work` runs. */
export async function traceMainThread(
  browser: Browser,
  page: Page,
  work: () => Promise<void>,
): Promise<MainThread> {
  await browser.startTracing(page, { categories: CATEGORIES });
  let trace: Buffer;
  try {
    await work();
  } finally {
    trace = await browser.stopTracing();
  }
  const { traceEvents } = JSON.parse(trace.toString()) as {
    traceEvents: TraceEvent[];
  };
  // The page's main thread: the renderer thread that ran the site's scripts.
  const origin = new URL(page.url()).origin;
  const ours = (url: string | undefined): boolean => url?.startsWith(origin + '/') ?? false;
  const script = traceEvents.find(
    (e) => (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && ours(e.args?.data?.url),
  );
  if (!script) throw new Error(`the trace holds no script from ${origin}`);
  const main = traceEvents.filter(
    (e) => e.pid === script.pid && e.tid === script.tid && e.ph === 'X',
  );
  return {
    taskCpuMs: main.filter((e) => e.name === 'RunTask').map((e) => (e.tdur ?? e.dur ?? 0) / 1000),
    forcedLayouts: main.flatMap((e) => {
      const stack = e.args?.beginData?.stackTrace ?? [];
      if (e.name !== 'Layout' && e.name !== 'UpdateLayoutTree') return [];
      if (!stack.some((frame) => ours(frame.url))) return [];
      return [`${e.name} forced by ${stack.map((frame) => frame.functionName).join(' < ')}`];
    }),
  };
}

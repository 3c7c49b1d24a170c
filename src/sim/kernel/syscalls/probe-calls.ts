import { done } from '../outcome.ts';
import type { HandlerTable } from './dispatch.ts';

type ProbeCalls = Pick<HandlerTable, 'probe'>;

export const probeCalls: ProbeCalls = {
  /** Puts the program's event on the stream, stamped with the time and the process (events.ts). */
  probe(k, process, type, event) {
    if (k.events.wants(type)) k.emit({ ...event(), t: k.clock.now(), process: process.ref() });
    return done(undefined);
  },
};

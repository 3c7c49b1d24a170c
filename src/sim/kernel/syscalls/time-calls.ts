import { Errno } from '../errno.ts';
import { blockOn, done } from '../outcome.ts';
import type { HandlerTable } from './dispatch.ts';

type TimeCalls = Pick<HandlerTable, 'nanosleep'>;

export const timeCalls: TimeCalls = {
  /** nanosleep(2) on the virtual clock; a signal cuts it short with EINTR. */
  nanosleep(k, process, ms) {
    if (!(ms >= 0)) return done(new Errno('EINVAL'));
    const deadline = k.clock.now() + ms;
    return blockOn({
      poll: () => (k.clock.now() >= deadline ? { value: 0 } : undefined),
      deadline,
      interruptible: true,
    });
  },
};

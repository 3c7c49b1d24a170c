import { Errno } from '../errno.ts';
import { blockOn } from '../outcome.ts';
import { forceSignal } from '../signal.ts';
import { SIGBUS } from '../signals.ts';
import type { HandlerTable } from './dispatch.ts';

type MemoryCalls = Pick<HandlerTable, 'page_in'>;

export const memoryCalls: MemoryCalls = {
  /**
   * A major fault on the caller's code (ADR 0011): it sleeps, uninterruptibly,
   * until the code has been read in. When the read fails the fault handler
   * gives up with SIGBUS (filemap_fault(): VM_FAULT_SIGBUS on a page that
   * could not be read), and the next fault reads again.
   */
  page_in(k, process, code) {
    return blockOn({
      poll: () => {
        const here = code.get();
        if (here === undefined) return undefined;
        if (!(here instanceof Errno)) return { value: here };
        forceSignal(k, process, SIGBUS);
        return { value: undefined };
      },
      interruptible: false,
    });
  },
};

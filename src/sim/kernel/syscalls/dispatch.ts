import type { Kernel } from '../kernel.ts';
import type { Outcome } from '../outcome.ts';
import type { Process } from '../process.ts';
import type { Syscall, SyscallName, SyscallTable } from '../syscall-api.ts';
import { processCalls } from './process-calls.ts';
import { credentialCalls } from './credential-calls.ts';
import { fileCalls } from './file-calls.ts';
import { signalCalls } from './signal-calls.ts';
import { timeCalls } from './time-calls.ts';
import { fsChangeCalls } from './fs-change-calls.ts';
import { privilegeCalls } from './privilege-calls.ts';
import { memoryCalls } from './memory-calls.ts';
import { probeCalls } from './probe-calls.ts';

export type Handler<K extends SyscallName> = (
  k: Kernel,
  p: Process,
  ...args: SyscallTable[K][0]
) => Outcome;
export type HandlerTable = { [K in SyscallName]: Handler<K> };

/** The system call table: one handler per call, grouped by subject. */
const TABLE: HandlerTable = {
  ...processCalls,
  ...credentialCalls,
  ...fileCalls,
  ...signalCalls,
  ...timeCalls,
  ...fsChangeCalls,
  ...privilegeCalls,
  ...memoryCalls,
  ...probeCalls,
};

export function dispatch(k: Kernel, process: Process, call: Syscall): Outcome {
  const handler = TABLE[call.name] as (k: Kernel, p: Process, ...args: unknown[]) => Outcome;
  return handler(k, process, ...(call.args as unknown[]));
}

import * as sys from '../../kernel/syscall-api.ts';
import { out, type Gen } from '../lib/io.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** serverLog's date: "28 Nov 2026 17:05:38.891" (strftime "%d %b %Y %H:%M:%S" plus milliseconds), UTC. */
export function logDate(ms: number): string {
  const d = new Date(ms);
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()} ${time}.${String(ms % 1000).padStart(3, '0')}`;
}

/** Log levels as serverLog marks them: "#" warning, "*" notice. */
export type Level = '#' | '*';

/**
 * A log line on standard output (logfile ""), redis 7.0 format:
 * "PID:ROLE DATE LEVEL message"; role C until the server is initialised, then M.
 */
export function* log(role: 'C' | 'M', level: Level, message: string): Gen<void> {
  const me = yield* sys.self();
  yield* out(`${me.pid}:${role} ${logDate(me.now)} ${level} ${message}\n`);
}

/** serverLogFromHandler: "PID:signal-handler (UNIX SECONDS) message", no role or date. */
export function* logFromHandler(message: string): Gen<void> {
  const me = yield* sys.self();
  yield* out(`${me.pid}:signal-handler (${Math.floor(me.now / 1000)}) ${message}\n`);
}

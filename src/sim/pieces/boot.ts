import type { Program } from '../kernel/exec.ts';
import { init } from '../userland/init.ts';
import { bash } from '../userland/shells/bash.ts';
import { dash } from '../userland/shells/dash.ts';

/** The programs that come with the kernel: init, and the shells of the first login. */
export const programs: readonly Program[] = [init, bash, dash];

/**
 * Every piece, provided up front (ADR 0010): Node's entry (src/sim/index.ts)
 * imports this module, so in tests, the CLI and the replay no program ever
 * waits for its code and every run is deterministic.
 */
import * as buildTools from './build-tools.ts';
import * as commands from './commands.ts';
import * as docker from './docker.ts';
import { BUILD_TOOLS, COMMANDS, DOCKER, SHELL_PARTS } from './index.ts';
import * as shell from './shell.ts';

COMMANDS.provide(commands);
BUILD_TOOLS.provide(buildTools);
DOCKER.provide(docker);
SHELL_PARTS.provide(shell);

import type { Package } from './package.ts';

/** Tools that read and change files and text (coreutils, findutils, grep, shadow …). */
export const FILE_TOOL_PACKAGES: readonly Package[] = [];

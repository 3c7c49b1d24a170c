import { bash } from '../bash/bash.ts';
import type { Package } from './package.ts';

/** Shells: bash for now; dash and BusyBox ash come with the POSIX shell (issue 4). */
export const SHELL_PACKAGES: readonly Package[] = [
  {
    name: 'bash 5.2.15-2+b8',
    programs: [bash],
    installs: {
      host: { '/usr/bin/bash': 'bash-5.2/bash' },
      lab: { '/usr/bin/bash': 'bash-5.2/bash' },
      trusty: { '/bin/bash': 'bash-5.2/bash' },
    },
  },
];

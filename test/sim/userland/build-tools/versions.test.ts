import { describeToolCases } from '../support/tool-cases.ts';

/**
 * The build tools' version texts: recorded from the real tools on Debian 12
 * (fixtures/build-tool-versions.json, RECORD_FIXTURES=1) and compared with them
 * live when present.
 */
describeToolCases('build-tool-versions', {
  'tar --version': { argv: ['tar', '--version'] },
  'wget --version': { argv: ['wget', '--version'] },
  'make --version': { argv: ['make', '--version'] },
  'sed --version': { argv: ['sed', '--version'] },
  'xargs --version': { argv: ['xargs', '--version'] },
  'sha256sum --version': { argv: ['sha256sum', '--version'] },
  'md5sum --version': { argv: ['md5sum', '--version'] },
  'cut --version': { argv: ['cut', '--version'] },
  'sort --version': { argv: ['sort', '--version'] },
  'ln --version': { argv: ['ln', '--version'] },
  'nproc --version': { argv: ['nproc', '--version'] },
});

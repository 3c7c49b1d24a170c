import { describe, expect, it } from 'vitest';
import { barProgress, dotProgress } from '../../../../src/sim/userland/wget/progress.ts';

/**
 * wget 1.21.3's progress displays, whole, against recordings of the real wget
 * on Debian 12 fetching from a local `python3 -m http.server`: in a terminal
 * (`script -qc "stty cols 80; wget URL"`, then 100 columns) and into a pipe
 * (dot style). The rates and times here are the simulator's 10 MiB/s model,
 * so the recordings' "=0s" and "in 0s" hold for these small files.
 */
describe('wget progress', () => {
  it('the bar in an 80-column terminal, a 220-byte file', () => {
    // Recorded: "\rs220                  0%[                    ]       0  --.-KB/s               \rs220                100%[===================>]     220  --.-KB/s    in 0s      \r\n\r\n" (the pty adds the \r before \n).
    expect(barProgress('s220', 220, 80)).toBe(
      '\n\rs220                  0%[                    ]       0  --.-KB/s               ' +
        '\rs220                100%[===================>]     220  --.-KB/s    in 0s      \n\n',
    );
  });

  it('the bar in a 100-column terminal, a 2247-byte file', () => {
    expect(barProgress('s2247', 2247, 100)).toBe(
      '\n\rs2247                      0%[                                   ]       0  --.-KB/s               ' +
        '\rs2247                    100%[==================================>]   2.19K  --.-KB/s    in 0s      \n\n',
    );
  });

  it('dots for a file under 1K, as recorded ("     0K" + 55 blanks + "100%  613K=0s")', () => {
    expect(dotProgress(4, 613 * 1024)).toBe(`\n     0K${' '.repeat(55)}100%  613K=0s\n\n`);
  });
});

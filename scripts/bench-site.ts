/**
 * The built site's half of `npm run bench` (after `npm run build`): the
 * browser numbers (bench-browser.ts) and Lighthouse (bench-lighthouse.ts),
 * against dist/ served on a local port. Prints the numbers; fails nothing.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { browserRows, measureBrowser } from './bench-browser.ts';
import { lighthouseRows, measureLighthouse } from './bench-lighthouse.ts';
import { serveDist } from './serve-dist.ts';

const DIST = process.env.STEPDOWN_OUT_DIR || join(import.meta.dirname, '../dist');

export async function runSiteBench(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.log(
      'site: no dist/ — run `npm run build` first for the browser and Lighthouse numbers',
    );
    return;
  }
  const { url, server } = await serveDist(DIST);
  try {
    // Wall-clock numbers: on a shared machine they move with the load.
    console.log(
      `Built site in headless Chromium (load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')})`,
    );
    for (const row of browserRows(await measureBrowser(url))) console.log(row);
    if (process.env.STEPDOWN_BENCH_LIGHTHOUSE === '0') return;
    for (const page of ['/', '/zh-cn/'])
      for (const row of lighthouseRows(await measureLighthouse(url + page))) console.log(row);
  } finally {
    server.close();
  }
}

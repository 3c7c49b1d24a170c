import { expect, test, type Request } from '@playwright/test';
import { bufferLines, PROMPT, readyTerminal, run } from './support/terminal.ts';

/**
 * The simulator's programs arrive on demand (ADR 0010): the page reaches a
 * ready terminal with the kernel and the shells only; the other pieces come
 * once the prompt is up, and a piece that cannot be fetched makes its
 * programs fail as an unreadable executable does, while the terminal goes on.
 */
const PIECE = /\/_astro\/(commands|build-tools|docker|shell)-[\w-]+\.js$/;

test('the worker fetches every piece once the prompt is up, and their programs run', async ({
  page,
}) => {
  const pieces: string[] = [];
  page.on('request', (request: Request) => {
    const match = PIECE.exec(new URL(request.url()).pathname);
    if (match) pieces.push(match[1] as string);
  });
  await page.goto('/');
  const terminal = await readyTerminal(page);
  await expect
    .poll(() => [...new Set(pieces)].sort())
    .toEqual(['build-tools', 'commands', 'docker', 'shell']);
  expect(await run(page, terminal, "id -un; printf '%s\\n' $((6 * 7))")).toEqual([
    `${PROMPT}id -un; printf '%s\\n' $((6 * 7))`,
    'learner',
    '42',
    PROMPT,
  ]);
});

test('a piece that cannot be fetched: its programs fail with EIO, the shell goes on, a later run fetches it again', async ({
  page,
}) => {
  await page.route(/\/_astro\/commands-[\w-]+\.js$/, (route) =>
    route.abort('internetdisconnected'),
  );
  await page.goto('/');
  const terminal = await readyTerminal(page);
  // bash names the file it ran (execute_cmd.c shell_execve: file_error (command)), status 126.
  expect(await run(page, terminal, 'whoami; echo $?')).toEqual([
    `${PROMPT}whoami; echo $?`,
    'bash: /usr/bin/whoami: Input/output error',
    '126',
    PROMPT,
  ]);
  expect(await run(page, terminal, 'echo still here')).toEqual([
    `${PROMPT}echo still here`,
    'still here',
    PROMPT,
  ]);
  // Once the network is back, the next run fetches the piece again.
  await page.unroute(/\/_astro\/commands-[\w-]+\.js$/);
  expect(await run(page, terminal, 'whoami')).toEqual([`${PROMPT}whoami`, 'learner', PROMPT]);
});

test('the shell’s paged parts cannot be fetched: the login shell dies of SIGBUS at its first printf, and a new login goes on', async ({
  page,
}) => {
  await page.route(/\/_astro\/shell-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  const terminal = await readyTerminal(page);
  // A page of the shell's code that cannot be read in: SIGBUS (filemap_fault), whose default
  // action ends bash without a word; the terminal starts a new login, as a new tab would.
  expect(await run(page, terminal, "printf '%s\\n' paged")).toEqual([
    `${PROMPT}printf '%s\\n' paged`,
    PROMPT,
  ]);
  expect(await run(page, terminal, 'echo still here')).toEqual([
    `${PROMPT}echo still here`,
    'still here',
    PROMPT,
  ]);
});

test('a prefetch that failed is forgotten: the first printf fetches the shell’s parts again and runs', async ({
  page,
}) => {
  // Only the worker's prefetch (read-ahead, ADR 0011) meets the network failure.
  let aborted = 0;
  await page.route(/\/_astro\/shell-[\w-]+\.js$/, async (route) => {
    if (aborted++ === 0) await route.abort('internetdisconnected');
    else await route.continue();
  });
  await page.goto('/');
  const terminal = await readyTerminal(page);
  await expect.poll(() => aborted).toBeGreaterThan(0);
  expect(await run(page, terminal, "printf '%s\\n' ok")).toEqual([
    `${PROMPT}printf '%s\\n' ok`,
    'ok',
    PROMPT,
  ]);
  expect(aborted).toBe(2);
});

test('a command typed before its piece has arrived runs once it does: sleep 1 then holds the prompt for a second', async ({
  page,
}) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/commands-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const terminal = await readyTerminal(page);
  await terminal.locator('.xterm-screen').click();
  await page.keyboard.type('sleep 1');
  await page.keyboard.press('Enter');
  await expect.poll(() => bufferLines(terminal)).toContain(`${PROMPT}sleep 1`);
  const released = Date.now();
  release();
  await expect
    .poll(async () => (await bufferLines(terminal)).filter((line) => line !== '').slice(-2), {
      timeout: 10_000,
    })
    .toEqual([`${PROMPT}sleep 1`, PROMPT]);
  expect(Date.now() - released).toBeGreaterThanOrEqual(1000);
});

test('redis:5.0 is built from its Dockerfile in the page, runs as redis and stops with status 0', async ({
  page,
}) => {
  await page.goto('/');
  const terminal = await readyTerminal(page);
  // The docker piece (client, daemon, builder) and the build tools' (apt, wget, gpg …) at work.
  expect(
    await run(page, terminal, 'docker run -d --name rd redis:5.0 >/dev/null; echo $?'),
  ).toEqual([`${PROMPT}docker run -d --name rd redis:5.0 >/dev/null; echo $?`, '0', PROMPT]);
  // PID 1 is redis-server, stepped down to redis (uid 999) by the entrypoint's gosu.
  expect(await run(page, terminal, 'docker exec rd grep Uid /proc/1/status')).toEqual([
    `${PROMPT}docker exec rd grep Uid /proc/1/status`,
    // The file's tabs, as the screen shows them (tab stops every 8 columns).
    'Uid:    999     999     999     999',
    PROMPT,
  ]);
  expect(await run(page, terminal, 'docker stop rd; echo $?')).toEqual([
    `${PROMPT}docker stop rd; echo $?`,
    'rd',
    '0',
    PROMPT,
  ]);
  // redis 5.0.5's last log line on SIGTERM (src/server.c prepareForShutdown), time masked.
  const [, last] = await run(page, terminal, 'docker logs rd | tail -1');
  expect(last?.replace(/^1:M \d+ \w+ \d{4} [\d:.]+ /, '1:M <time> ')).toBe(
    '1:M <time> # Redis is now ready to exit, bye bye...',
  );
});

import { expect, test, type Request } from '@playwright/test';
import { PROMPT, readyTerminal, run } from './support/terminal.ts';

/**
 * The simulator's programs arrive on demand (ADR 0010): the page reaches a
 * ready terminal with the kernel and the shells only; the other pieces come
 * once the prompt is up, and a piece that cannot be fetched makes its
 * programs fail as an unreadable executable does, while the terminal goes on.
 */
const PIECE = /\/_astro\/(commands|build-tools|docker)-[\w-]+\.js$/;

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
    .toEqual(['build-tools', 'commands', 'docker']);
  expect(await run(page, terminal, 'id -un; whoami')).toEqual([
    `${PROMPT}id -un; whoami`,
    'learner',
    'learner',
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

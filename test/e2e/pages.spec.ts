import { expect, test, type Page } from '@playwright/test';
import { readyTerminal } from './support/terminal.ts';

const PAGES = [
  { path: '/', lang: 'en', heading: 'How containers drop root' },
  { path: '/zh-cn/', lang: 'zh-CN', heading: '容器如何放弃 root 权限' },
];

/** Records requests to other origins, page errors and console errors. */
function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') {
      problems.push(`request to another origin: ${request.url()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

for (const { path, lang, heading } of PAGES) {
  test(`${path} loads its terminal with no foreign request and no error`, async ({
    page,
    baseURL,
  }) => {
    const problems = watch(page, new URL(baseURL ?? '').origin);
    await page.goto(path);
    await readyTerminal(page);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });

  test(`${path} is in ${lang}, with landmarks and a language switcher`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    const languages = page.getByRole('navigation').getByRole('link');
    await expect(languages).toHaveText(['English', '简体中文']);
    await expect(page.locator('[aria-current="page"]')).toHaveAttribute('lang', lang);
  });
}

test('the language switcher leads from English to Chinese and back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: '简体中文' }).click();
  await expect(page).toHaveURL(/\/zh-cn\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const { path, lang } of PAGES) {
    test(`${path} follows prefers-color-scheme: ${colorScheme}`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await readyTerminal(page);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
      await page.screenshot({
        path: testInfo.outputPath(`home-${lang}-${colorScheme}.png`),
        fullPage: true,
      });
    });
  }
}

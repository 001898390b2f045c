/**
 * The built /admin/ page, served as in production: its editor script (bundled outside Astro's client
 * build, src/admin-bundle.ts) loads under the page's Content-Security-Policy and Decap starts.
 */
import { expect, inject, it } from 'vitest';
import { guardedContext, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

it('starts the web editor from the bundled script, with no script error or CSP violation', async () => {
  const { context } = await guardedContext(browser(), baseURL);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const started = new Promise<string>((resolve) => {
    page.on('console', (message) => {
      if (/^decap-cms-app \d/.test(message.text())) resolve(message.text());
    });
  });
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/_astro/admin/')) scripts.push(`${response.status()} ${response.url()}`);
  });
  await page.goto('/admin/');
  // Decap names its version once its code runs.
  expect(await started).toMatch(/^decap-cms-app 3\./);
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((line) => line.startsWith('200 '))).toBe(true);
  // The test build names no Git repository (CMS_REPO), which Decap reports; nothing else may fail.
  expect(errors).toEqual(['The GitHub backend needs a "repo" in the backend configuration.']);
  await context.close();
});

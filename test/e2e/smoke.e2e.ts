import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.js';
import { type RunningService, startService } from './support/service.js';

let service: RunningService;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  service = await startService();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

describe('smoke: the product starts and serves its tab', () => {
  it('loads / in Chromium and shows the running service', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(service.url, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByRole('status').textContent()).toContain('demo mode');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Virtual MARAC');
    await screenshot(page, 'smoke-landing');
    expect(errors).toEqual([]);
  });
});

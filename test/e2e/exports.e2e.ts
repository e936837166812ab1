import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.js';
import { type RunningService, startService } from './support/service.js';
import { pageErrors, signInAs } from './support/tab.js';

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

/** Clicks a download button and returns the saved file's name and bytes. */
async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).first().click(),
  ]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(saved) };
}

describe('exports and print', () => {
  it('the coordinator downloads the action register and the audit log, and prints the register', async () => {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await signInAs(page, service.url, 'Morgan Exampleton', '/coordinator/actions');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Actions');
    await page.getByRole('group', { name: 'Download the action register' }).waitFor();
    await screenshot(page, 'exports-actions-1280');
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot(page, 'exports-actions-320');
    // Nothing wider than the screen at 320 px (no sideways scrolling).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await page.setViewportSize({ width: 1280, height: 800 });

    const register = await download(page, 'Download Excel');
    expect(register.name).toBe('action-register.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(register.bytes.buffer as ArrayBuffer);
    const [sheet, about] = workbook.worksheets;
    expect(sheet?.name).toBe('Action register');
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual(
      expect.arrayContaining(['Reference', 'Case number', 'Owning agency', 'Due', 'Status']),
    );
    expect(String(about?.getCell('A2').value)).toMatch(/^Exported for Morgan Exampleton on /);

    // Printing: no navigation and no buttons, the register's table across the page.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Download Excel' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    await screenshot(page, 'exports-actions-print');
    await page.emulateMedia({ media: 'screen' });

    // The audit log: the download above is in it, in words, with no slugs.
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('group', { name: 'Download the whole audit log' }).waitFor();
    await screenshot(page, 'exports-audit-1280');
    const log = await download(page, 'Download CSV');
    expect(log.name).toBe('audit-log.csv');
    const rows = parse(log.bytes.toString('utf8'), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const exported = rows.filter((r) => r.What === 'Actions: export');
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({
      Who: 'Morgan Exampleton',
      Details: 'format: xlsx; rows: 0',
    });
    expect(errors).toEqual([]);
  });

  it('a representative downloads their agency’s actions from My MARAC', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    await signInAs(page, service.url, 'Jamie Dummerton', '/tab/my-marac');
    const group = page.getByRole('group', { name: 'Download your agency’s actions' });
    await group.waitFor();
    await screenshot(page, 'exports-my-marac-320');
    const file = await download(page, 'Download CSV');
    expect(file.name).toBe('agency-actions.csv');
    const [headings] = parse(file.bytes.toString('utf8'), { bom: true }) as string[][];
    expect(headings).toContain('Owning agency');
  });
});

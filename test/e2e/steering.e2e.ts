/**
 * The steering group pack in Chromium, on the real service in demo mode: the coordinator
 * enters the local population figures (a bad figure first, answered next to its box), then
 * opens the pack at 1280 and 320 px; a steering group member opens it and downloads the Word
 * pack and the Excel tables, which are read back: aggregates only, no case reference, no name.
 * Screenshots go to test-results/screenshots; axe-core checks each page.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoPersonalData } from '../support/personal-data.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { type RunningService, startService } from './support/service.js';
import { expectNoAxeViolations, pageErrors, signInAs } from './support/tab.js';

const COORDINATOR = 'Morgan Exampleton';
const STEERING = 'Marlowe Boardman';

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

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).first().textContent();

async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** No sideways scrolling at the current width. */
async function fitsWidth(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    width,
  );
}

describe('the steering group pack', () => {
  it('the coordinator enters the population figures and reads the pack at 1280 and 320 px', async () => {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await signInAs(page, service.url, COORDINATOR, '/reports/population');
    await expect.poll(() => h1(page), { timeout: 30_000 }).toBe('Local population figures');
    const form = page.getByRole('form', { name: 'Local population figures' });
    await form
      .getByLabel('Women aged 16 and over (number of people)')
      .fill('about thirty thousand');
    await form.getByRole('button', { name: 'Save the figures' }).click();
    await page
      .getByText('Enter the number of women aged 16 and over, a whole number, or leave it empty.')
      .waitFor();
    await screenshot(page, 'steering-population-error');
    await form.getByLabel('Women aged 16 and over (number of people)').fill('30000');
    await form.getByLabel('Black, Asian or racially minoritised (%)').fill('12.5');
    await form.getByLabel('Where the figures come from').fill('Census 2021');
    await form.getByRole('button', { name: 'Save the figures' }).click();
    await page.getByText('The population figures are saved.').waitFor();
    await screenshot(page, 'steering-population-saved');
    await expectNoAxeViolations(page, 'population figures');

    await page.getByRole('link', { name: 'Back to the steering group pack' }).click();
    await expect.poll(() => h1(page), { timeout: 30_000 }).toBe('Steering group pack');
    await page.getByRole('heading', { name: 'At a glance' }).waitFor({ timeout: 30_000 });
    // The recommended volume comes from the figure just entered (40 a year per 10,000 women).
    await page.getByText(/cases recommended/).waitFor();
    for (const title of [
      'Volumes and repeat cases',
      'Where the cases heard were referred from',
      'Equality profile of the victims against the local population',
      'Attendance by agency, for meetings and for cases',
      'Case lists circulated on time',
      'Action mix by category',
      'What this pack covers',
    ])
      await page.getByRole('heading', { name: title, exact: true }).waitFor();
    // Every chart is titled in words and has a text alternative.
    await page
      .getByRole('img', { name: /^Repeat rate and volume against SafeLives’ expected ranges/ })
      .waitFor();
    // The coordinator's page starts on the steering group's version.
    expect(await page.getByLabel(/The steering group’s version/).isChecked()).toBe(true);
    const body = (await page.textContent('body')) ?? '';
    expect(body).not.toMatch(/KPI-\d|FR-\d/);
    expect(body).toContain('Counts of cases, children and actions from 1 to 4');
    expect(body).toContain('Not available');
    await page.getByRole('heading', { name: 'SafeLives data return' }).waitFor();
    await screenshot(page, 'steering-pack-coordinator-1280');
    await expectNoAxeViolations(page, 'steering pack (coordinator)');
    await page.setViewportSize({ width: 320, height: 800 });
    await fitsWidth(page, 320);
    await screenshot(page, 'steering-pack-coordinator-320');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('a steering member sees aggregates only, and downloads the pack and its tables', async () => {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await signInAs(page, service.url, STEERING, '/reports/steering-pack');
    await expect.poll(() => h1(page), { timeout: 30_000 }).toBe('Steering group pack');
    await page.getByRole('heading', { name: 'At a glance' }).waitFor({ timeout: 30_000 });
    expect(await page.getByLabel(/The steering group’s version/).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'SafeLives data return' }).count()).toBe(0);
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('Counts of cases, children and actions from 1 to 4');
    expect(body).not.toMatch(/MC-\d|A-\d{4}/);
    expectNoPersonalData(body, 'the steering pack page');
    await screenshot(page, 'steering-pack-steering-1280');
    await expectNoAxeViolations(page, 'steering pack (steering member)');

    const word = await download(page, 'Download the pack (Word)');
    expect(word.name).toMatch(/^steering-pack-\d{4}-\d{2}\.docx$/);
    const zip = await JSZip.loadAsync(word.bytes);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    expect(text).toContain('steering group pack');
    expect(text).toContain('Aggregates only.');
    expect(text).not.toMatch(/MC-\d|A-\d{4}|KPI-\d|FR-\d/);
    expectNoPersonalData(text, 'the Word pack');

    const excel = await download(page, 'Download the tables (Excel)');
    expect(excel.name).toMatch(/^steering-pack-\d{4}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(excel.bytes.buffer as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toContain('Volumes and repeat cases');
    const cells: string[] = [];
    book.eachSheet((s) => s.eachRow((r) => cells.push(JSON.stringify(r.values))));
    const all = cells.join('\n');
    expect(all).toContain('fewer than 5');
    expect(all).not.toMatch(/MC-\d|A-\d{4}/);
    expectNoPersonalData(all, 'the Excel tables');

    await page.setViewportSize({ width: 320, height: 800 });
    await fitsWidth(page, 320);
    await screenshot(page, 'steering-pack-steering-320');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

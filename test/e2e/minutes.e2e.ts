/**
 * Minutes and attendance evidence after a demo meeting, in Chromium on the real service (demo
 * mode): the chair captures a case's minutes in the chair console, records an apology and
 * corrects a camera; the meeting ends and is reconciled; the coordinator allows downloads in
 * the area's policy, sends the minutes for approval; the chair approves them in the console; the
 * coordinator circulates them; a representative reads their agency's extract; the Word document
 * opens as a Word package with page-number fields and no ISO dates; the attendance export opens
 * with exceljs and has join and leave times per case.
 *
 * MARAC_RECONCILE_DELAY_SECONDS=35: the simulated tenant publishes the attendance report 30 s
 * after the end (as story.e2e.ts).
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { launchBrowser, SCREENSHOT_DIR, screenshot } from './support/browser.js';
import { type RunningService, startService } from './support/service.js';
import { expectNoAxeViolations, signInAs } from './support/tab.js';

const MEETING = demoUuid('meeting:next');
const COORDINATOR = 'Morgan Exampleton';
const CHAIR = 'Alex Sampleford';
const POLICE = 'Sam Testbury';
const IDVA = 'Priya Placeholder';

let service: RunningService;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let room: Page;
let chair: Page;
let coordinator: Page;
let firstCase = '';
const pageErrors: string[] = [];

beforeAll(async () => {
  service = await startService({ MARAC_RECONCILE_DELAY_SECONDS: '35' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

async function signIn(page: Page, who: string, returnTo: string) {
  await signInAs(page, service.url, who, returnTo);
  await page.waitForURL((url) => url.pathname === returnTo.split('?')[0]);
}

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

describe('minutes as a workflow, and attendance evidence (FR-060, FR-062, FR-064, FR-084, FR-090)', () => {
  it('the chair captures a case’s minutes in the console, records an apology and corrects a camera', async () => {
    room = await newPage();
    await room.goto(`${service.url}/demo/meeting-room/${MEETING}`);
    await room.getByRole('button', { name: 'Start the meeting' }).click();
    await room.getByText('Running', { exact: true }).waitFor();
    for (const who of [CHAIR, POLICE])
      await room.getByRole('button', { name: `Join with camera: ${who}` }).click();
    await room.getByRole('button', { name: `Join, camera off: ${IDVA}` }).click();

    chair = await newPage();
    await signIn(chair, CHAIR, `/tab/meeting/chair?meetingId=${MEETING}`);
    // Before the first case: what the meeting reviews (the previous minutes, outstanding actions).
    await chair.getByText('At the start of this meeting, review:').waitFor();
    const agenda = chair.getByRole('table', { name: 'Agenda' });
    const start = agenda.getByRole('button', { name: /^Start case / }).first();
    await start.waitFor();
    firstCase = (await start.getAttribute('aria-label'))!.replace('Start case ', '');
    await start.click();
    await agenda.getByRole('button', { name: `Close case ${firstCase}` }).waitFor();

    // The police rep volunteers on the case card; the chair confirms.
    await room.getByLabel('See the chat and act as').selectOption(demoUuid('person:police-rep'));
    const card = room
      .getByRole('list', { name: `Meeting chat as ${POLICE}` })
      .getByRole('group')
      .last();
    await card.getByRole('button', { name: 'Volunteer an action' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => card.getAttribute('aria-busy'), { timeout: 15_000 }).toBeNull();
    // The volunteer form opens on demand (the card stays short in a busy chat).
    await card.getByRole('button', { name: 'Volunteer an action' }).click();
    await card.getByLabel('What will be done').fill('Police to place a marker on the address');
    await card.getByRole('button', { name: 'Volunteer', exact: true }).click();
    const waiting = chair.getByRole('list', { name: 'Volunteered actions waiting' });
    await expect.poll(() => waiting.getByRole('listitem').count(), { timeout: 15_000 }).toBe(1);
    await waiting.getByRole('button', { name: /^Confirm / }).click();
    const agreed = chair.getByRole('table', { name: 'Agreed actions' });
    await screenshot(chair, 'minutes-chair-confirmed');
    await expect
      .poll(() => agreed.textContent(), { timeout: 15_000 })
      .toContain('Police to place a marker on the address');

    // Minutes for the case being heard.
    const form = chair.getByRole('form', { name: `Minutes for case ${firstCase}` });
    await form.getByLabel('Risk summary').fill('Threats escalated after the separation.');
    await form
      .getByLabel('Victim’s views (through the IDVA)')
      .fill('Wants to stay at home with a sanctuary scheme.');
    await form.getByLabel('Decisions').fill('Sanctuary scheme referral agreed.');
    await form
      .getByLabel('Dissent')
      .fill('Housing preferred a move; the meeting agreed to review.');
    await form.getByRole('button', { name: `Save the minutes for ${firstCase}` }).click();
    await form.getByText('Saved.').waitFor();

    // An apology, and the IDVA's camera corrected (the chair saw it on).
    const apology = chair.getByRole('form', { name: 'Record an apology' });
    const options = await apology.getByLabel('Apology from').locator('option').allTextContents();
    const absent = options.find((o) => o !== 'Choose an agency')!;
    await apology.getByLabel('Apology from').selectOption({ label: absent });
    await apology.getByLabel('Written submission received').check();
    await apology.getByRole('button', { name: 'Record apology' }).click();
    await apology.getByText(/Apologies recorded:/).waitFor();
    await chair.getByRole('button', { name: `Correct camera of ${IDVA}` }).click();
    await chair
      .getByRole('group', { name: `Camera of ${IDVA}` })
      .getByRole('button', { name: 'Camera was on' })
      .click();
    const idvaLine = chair
      .getByRole('list', { name: 'Attendance by agency' })
      .getByRole('listitem')
      .filter({ hasText: IDVA })
      .first();
    await expect
      .poll(() => idvaLine.textContent(), { timeout: 15_000 })
      .toMatch(/camera on \(chair attested\)/);
    await screenshot(chair, 'minutes-chair-console');
    await expectNoAxeViolations(chair, 'chair console with minutes, apologies and cameras');
    await chair.setViewportSize({ width: 390, height: 900 });
    await screenshot(chair, 'minutes-chair-console-390');
    await chair.setViewportSize({ width: 1280, height: 900 });

    await agenda.getByRole('button', { name: `Close case ${firstCase}` }).click();
    await expect.poll(() => agenda.getByRole('button', { name: /^Close case / }).count()).toBe(0);
  });

  it('the meeting ends; the coordinator allows downloads and sends the minutes to the chair', async () => {
    await room.getByRole('button', { name: 'End the meeting' }).click();
    await room.getByText('Ended', { exact: true }).waitFor();

    coordinator = await newPage();
    await signIn(coordinator, COORDINATOR, '/coordinator/area');
    const dataProtection = coordinator.getByRole('form', { name: 'Data protection settings' });
    await dataProtection
      .getByLabel('Minutes', { exact: true })
      .selectOption({ label: 'May be downloaded' });
    await dataProtection.getByRole('button', { name: /^Save / }).click();
    await expect
      .poll(() => dataProtection.getByText(/settings saved/).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);

    await coordinator.goto(`${service.url}/coordinator/meetings/${MEETING}`);
    const minutes = coordinator.getByRole('heading', { name: 'Minutes', exact: true });
    await minutes.waitFor();
    // Reconciliation: the attendees with their join and leave times appear once Teams's report is in.
    await expect
      .poll(
        async () => {
          await coordinator.reload();
          await coordinator
            .getByRole('button', { name: 'Send to the chair for approval' })
            .waitFor();
          return coordinator.getByRole('table', { name: 'Attendees' }).count();
        },
        { timeout: 150_000, interval: 5_000 },
      )
      .toBe(1);
    const attendees = coordinator.getByRole('table', { name: 'Attendees' });
    expect(await attendees.textContent()).toContain(POLICE);
    const heard = coordinator.getByRole('region', { name: `Case ${firstCase}`, exact: true });
    expect(await heard.textContent()).toContain('Sanctuary scheme referral agreed.');
    expect(await heard.textContent()).toContain('Housing preferred a move');
    expect(await coordinator.getByText('Not heard').count()).toBeGreaterThan(0);
    await coordinator.getByRole('button', { name: 'Send to the chair for approval' }).click();
    await coordinator
      .getByText(/Sent to the chair for approval/)
      .first()
      .waitFor();
    await screenshot(coordinator, 'minutes-coordinator-draft');
    await expectNoAxeViolations(coordinator, 'coordinator minutes');
  }, 220_000);

  it('the chair approves the minutes in the console; the coordinator circulates them', async () => {
    await chair.reload();
    await chair.getByRole('button', { name: 'Approve the minutes' }).click();
    await chair.getByText(/These minutes are approved/).waitFor();
    await screenshot(chair, 'minutes-chair-approved');

    await coordinator.reload();
    await coordinator.getByRole('button', { name: 'Circulate the minutes' }).click();
    await coordinator.getByText(/^Circulated: \d+ notices? queued/).waitFor();
    await screenshot(coordinator, 'minutes-coordinator-circulated');
  });

  it('a representative reads their agency’s extract', async () => {
    const rep = await newPage();
    await rep.setViewportSize({ width: 390, height: 900 });
    await signIn(rep, POLICE, `/tab/minutes?meetingId=${MEETING}`);
    const accept = rep.getByRole('button', { name: 'I accept the confidentiality declaration' });
    const extract = rep.getByText(/This is the extract for/);
    // The representative accepts the confidentiality declaration first, as for the case list.
    await expect
      .poll(async () => (await accept.count()) + (await extract.count()), { timeout: 20_000 })
      .toBeGreaterThan(0);
    if (await accept.count()) {
      await screenshot(rep, 'minutes-rep-declaration-390');
      await accept.click();
    }
    await rep.getByText(/This is the extract for/).waitFor({ timeout: 20_000 });
    expect(await rep.getByText(/This is the extract for/).textContent()).toContain(
      'Northfield Police',
    );
    const table = rep.getByRole('table', { name: `Actions for case ${firstCase}` });
    expect(await table.textContent()).toContain('Police to place a marker on the address');
    await screenshot(rep, 'minutes-rep-extract-390');
    expect(await rep.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await rep.setViewportSize({ width: 320, height: 900 });
    await screenshot(rep, 'minutes-rep-extract-320');
    expect(await rep.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(rep, 'representative minutes');
  });

  it('the Word document opens, with page-number fields and no ISO dates', async () => {
    const file = await download(coordinator, () =>
      coordinator.getByRole('button', { name: 'Download minutes (Word)' }).click(),
    );
    expect(file.name).toMatch(/^minutes-\d{4}-\d\d-\d\d\.docx$/);
    await mkdir(path.dirname(SCREENSHOT_DIR), { recursive: true });
    await writeFile(path.join(path.dirname(SCREENSHOT_DIR), 'minutes.docx'), file.bytes);
    const zip = await JSZip.loadAsync(file.bytes);
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']),
    );
    const document = await zip.file('word/document.xml')!.async('string');
    const furniture = (
      await Promise.all(
        Object.keys(zip.files)
          .filter((f) => /^word\/(header|footer)\d*\.xml$/.test(f))
          .map((f) => zip.file(f)!.async('string')),
      )
    ).join('');
    const text = (xml: string) => xml.replace(/<[^>]+>/g, '');
    expect(furniture).toMatch(/PAGE/);
    expect(furniture).toMatch(/NUMPAGES/);
    expect(text(furniture)).toContain(`Exported for ${COORDINATOR}, `);
    expect(text(document)).not.toMatch(/\d{4}-\d\d-\d\d/);
    expect(text(document)).toContain('Sanctuary scheme referral agreed.');
    expect(text(document)).toMatch(/: not heard/);
  });

  it('the attendance export opens with exceljs and has join and leave times per case', async () => {
    await coordinator.goto(`${service.url}/reports/attendance`);
    const row = coordinator
      .getByRole('table', { name: 'Attendance per meeting' })
      .getByRole('row')
      .nth(1);
    await row.waitFor({ timeout: 30_000 });
    const file = await download(coordinator, () =>
      row.getByRole('button', { name: 'Download Excel' }).click(),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headings).toEqual(
      expect.arrayContaining(['Person', 'Case', 'Joined', 'Left', 'Camera evidence']),
    );
    const col = (name: string) => headings.indexOf(name) + 1;
    const rows: Record<string, string>[] = [];
    sheet.eachRow((r, n) => {
      if (n === 1) return;
      rows.push({
        person: String(r.getCell(col('Person')).value ?? ''),
        case: String(r.getCell(col('Case')).value ?? ''),
        joined: String(r.getCell(col('Joined')).value ?? ''),
        left: String(r.getCell(col('Left')).value ?? ''),
      });
    });
    const police = rows.find((r) => r.person === POLICE && r.case === firstCase);
    expect(police?.joined).toMatch(/\d\d:\d\d/);
    expect(police?.left).toMatch(/\d\d:\d\d/);
    expect(pageErrors).toEqual([]);
  });

  it('the attendance export for the whole period leads each row with its meeting date', async () => {
    const whole = coordinator.getByRole('group', { name: /^Download attendance at every meeting/ });
    const file = await download(coordinator, () =>
      whole.getByRole('button', { name: 'Download Excel' }).click(),
    );
    expect(file.name).toMatch(/^attendance-\d{4}-\d\d-to-\d{4}-\d\d\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headings.slice(0, 2)).toEqual(['Meeting date', 'Person']);
    const cell = (r: ExcelJS.Row, name: string) =>
      String(r.getCell(headings.indexOf(name) + 1).value ?? '');
    const police: ExcelJS.Row[] = [];
    sheet.eachRow((r, n) => {
      if (n > 1 && cell(r, 'Person') === POLICE && cell(r, 'Case') === firstCase) police.push(r);
    });
    expect(police).toHaveLength(1);
    expect(cell(police[0]!, 'Meeting date')).toMatch(/^\d\d\/\d\d\/\d{4}$/);
    expect(cell(police[0]!, 'Joined')).toMatch(/\d\d:\d\d/);
    await coordinator.setViewportSize({ width: 320, height: 800 });
    await whole.scrollIntoViewIfNeeded();
    await screenshot(coordinator, 'attendance-period-export-320');
    await coordinator.setViewportSize({ width: 1280, height: 800 });
    expect(pageErrors).toEqual([]);
  });
});

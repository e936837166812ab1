import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.js';
import { type RunningService, startService } from './support/service.js';
import { expectNoAxeViolations, pageErrors, signInAs } from './support/tab.js';

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

/** The tab API as the signed-in person (the page's own demo token): what the screens stored. */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const token = sessionStorage.getItem('marac.demoToken');
    const res = await fetch(`/api${p}`, { headers: { authorization: `Bearer ${token}` } });
    return (await res.json()) as unknown;
  }, path) as Promise<T>;
}

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}
const graphRequests = async (): Promise<LoggedRequest[]> =>
  ((await (await fetch(`${service.url}/sim/api/requests`)).json()) as { value: LoggedRequest[] })
    .value;

interface Agenda {
  items: { id: string; caseNumber: string; position: number }[];
}
const caseNumbers = (a: Agenda) => a.items.map((i) => i.caseNumber);

describe('meeting management and agenda editing in the coordinator workspace', () => {
  it('previews a series, moves a meeting with a reason, adds, reorders and defers cases, downloads the template', async () => {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await signInAs(page, service.url, 'Morgan Exampleton');
    await page.getByRole('table', { name: 'Meetings' }).waitFor();

    // The series form says which weekday of the month "Monthly" means, and how many people
    // the series would invite, before anything is created.
    const series = page.getByRole('form', { name: 'Schedule a series' });
    await series.getByLabel('Frequency').selectOption('monthly');
    await series.getByLabel('Day of the week').selectOption('tuesday');
    await series.getByLabel('Week of the month').selectOption('2');
    await series.getByRole('button', { name: 'Preview the dates' }).click();
    const preview = page.getByRole('region', { name: 'Series preview' });
    await preview.getByText('2nd Tuesday of each month').waitFor();
    expect(await preview.textContent()).toMatch(/This invites \d+ people to \d+ meetings/);
    await screenshot(page, 'agenda-series-preview');
    await preview.getByRole('button', { name: 'Change the pattern' }).click();

    // A later meeting for the deferred case.
    const single = page.getByRole('form', { name: 'Add a meeting' });
    await single.getByLabel('Title').fill('Extraordinary MARAC (agenda test)');
    await single.getByRole('button', { name: 'Add meeting' }).click();
    // The form says how many people it invites before anything is sent.
    const confirmAdd = page.getByRole('alertdialog', { name: 'Add a meeting: confirm' });
    expect(
      await confirmAdd.getByText(/This invites \d+ people to 1 meeting/).textContent(),
    ).toBeTruthy();
    await confirmAdd.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('One meeting scheduled and set up in Teams.').waitFor();
    const { meetings } = await apiGet<{ meetings: { id: string; title: string }[] }>(
      page,
      '/meetings',
    );
    const later = meetings.find((m) => m.title === 'Extraordinary MARAC (agenda test)')!;

    // The seeded next meeting.
    await page.getByRole('link', { name: 'Northfield MARAC', exact: true }).first().click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
      .toBe('Northfield MARAC');
    const meetingId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('table', { name: 'Agenda' }).waitFor();
    const before = await apiGet<{ meeting: { scheduledStart: string } }>(
      page,
      `/meetings/${meetingId}`,
    );

    // Move it an hour later, with a reason; the confirmation says how many people it reaches.
    const move = page.getByRole('form', { name: 'Move the meeting' });
    await move.getByLabel('Starts at').fill('10:30');
    await move.getByLabel('Ends at').fill('14:00');
    await move.getByLabel(/Reason for moving/).fill('Chair unavailable in the morning');
    const eventCalls = async () =>
      (await graphRequests()).filter(
        (r) => /\/events/.test(r.path) && ['POST', 'PATCH'].includes(r.method),
      );
    const eventCallsBefore = (await eventCalls()).length;
    await move.getByRole('button', { name: 'Move the meeting' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Move the meeting' });
    expect(await confirm.textContent()).toMatch(/for \d+ invited people/);
    await screenshot(page, 'agenda-move-confirm');
    await confirm.getByRole('button', { name: 'Move it' }).click();
    await page.getByText('Saved, and the Teams meeting updated.').waitFor();
    const after = await apiGet<{ meeting: { scheduledStart: string } }>(
      page,
      `/meetings/${meetingId}`,
    );
    expect(after.meeting.scheduledStart).not.toBe(before.meeting.scheduledStart);
    // The Teams calendar event was written (created, for a meeting still in draft, or moved).
    const calls = await eventCalls();
    expect(calls.length).toBeGreaterThan(eventCallsBefore);
    expect(calls.at(-1)?.status).toBeLessThan(300);

    // Add one case from the form.
    const add = page.getByRole('form', { name: 'Add a case' });
    await add.getByLabel('Case number').fill('E2E-ADD-1');
    await add.getByLabel('Risk level').selectOption('medium');
    await add.getByLabel('Referring agency').selectOption({ label: 'Northfield Police' });
    await add.getByLabel("Victim's name").fill('Vera Browserton');
    await add.getByLabel("Perpetrator's name").fill('Pat Browserton');
    await add.getByLabel('Risk summary').fill('Threats after separation');
    await add.getByRole('button', { name: 'Add the case' }).click();
    await page.getByText('Case added to the agenda.').waitFor();
    let agenda = await apiGet<Agenda>(page, `/meetings/${meetingId}/agenda`);
    expect(caseNumbers(agenda)).toContain('E2E-ADD-1');
    const last = agenda.items.length;
    expect(agenda.items.find((i) => i.caseNumber === 'E2E-ADD-1')?.position).toBe(last);
    await page
      .getByRole('table', { name: 'Agenda' })
      .getByRole('cell', { name: 'E2E-ADD-1', exact: true })
      .waitFor();

    // Reorder from the keyboard: the new case one place up.
    const up = page.getByRole('button', { name: 'Move case E2E-ADD-1 up' });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(
        async () =>
          (await apiGet<Agenda>(page, `/meetings/${meetingId}/agenda`)).items.find(
            (i) => i.caseNumber === 'E2E-ADD-1',
          )?.position,
        { timeout: 10_000 },
      )
      .toBe(last - 1);

    // And by drag: its handle onto the first case's.
    agenda = await apiGet<Agenda>(page, `/meetings/${meetingId}/agenda`);
    // The drag events a browser sends (dispatched: a drag across a long, scrolling table is
    // not something headless Chromium's mouse does reliably).
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
    const source = page.getByTestId('drag-E2E-ADD-1');
    const target = page.getByTestId(`drag-${agenda.items[0]!.caseNumber}`);
    await source.dispatchEvent('dragstart', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
    await source.dispatchEvent('dragend', { dataTransfer });
    await expect
      .poll(
        async () => caseNumbers(await apiGet<Agenda>(page, `/meetings/${meetingId}/agenda`))[0],
        { timeout: 10_000 },
      )
      .toBe('E2E-ADD-1');

    // Defer the second case to the next meeting.
    agenda = await apiGet<Agenda>(page, `/meetings/${meetingId}/agenda`);
    const first = agenda.items[1]!;
    await page
      .getByRole('button', { name: `Defer case ${first.caseNumber} to the next meeting` })
      .click();
    await page.getByText(`Case ${first.caseNumber} moved to the meeting on`).waitFor();
    expect(caseNumbers(await apiGet<Agenda>(page, `/meetings/${meetingId}/agenda`))).not.toContain(
      first.caseNumber,
    );
    expect(caseNumbers(await apiGet<Agenda>(page, `/meetings/${later.id}/agenda`))).toContain(
      first.caseNumber,
    );
    await page
      .getByRole('group', { name: 'Agenda, scrolls sideways' })
      .evaluate((el) => el.scrollTo(0, 0));
    await screenshot(page, 'agenda-workspace-1280');
    await expectNoAxeViolations(page);

    // The template: Excel with its explanation sheet, CSV with the headings only.
    await page.getByRole('button', { name: 'What goes in each column' }).click();
    await page.getByRole('table', { name: 'Template columns' }).waitFor();
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download template (Excel)' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await xlsx.path())!)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Cases', 'How to fill this in']);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download template (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('case-list-template.csv');
    const headings = await readFile((await csv.path())!, 'utf8');
    expect(headings).toMatch(/^Case number,Risk level,/);

    // The template with a required column taken out: a plain refusal naming it, nothing stored.
    const without = headings
      .trim()
      .split(',')
      .filter((h) => h !== 'Summary');
    const cells = without.map(
      (h) =>
        ({
          'Case number': 'E2E-BAD-1',
          'Risk level': 'High',
          'Referring agency': 'Northfield Police',
          'Victim name': 'Vera Browserton',
          'Perpetrator name': 'Pat Browserton',
        })[h] ?? '',
    );
    await page.getByLabel('Case-list file').setInputFiles({
      name: 'missing-column.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${without.join(',')}\r\n${cells.join(',')}\r\n`),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await problems.waitFor();
    expect(await problems.textContent()).toContain('SummaryThis required column is missing.');
    expect(caseNumbers(await apiGet<Agenda>(page, `/meetings/${meetingId}/agenda`))).not.toContain(
      'E2E-BAD-1',
    );

    await page.setViewportSize({ width: 320, height: 800 });
    await page
      .getByRole('group', { name: 'Agenda, scrolls sideways' })
      .evaluate((el) => el.scrollTo(0, 0));
    await screenshot(page, 'agenda-workspace-320');
    expect(errors).toEqual([]);
  });
});

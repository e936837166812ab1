/**
 * The whole story in Chromium ("Done when"), as people would do it, on the real service
 * in demo mode: the coordinator schedules a meeting, imports a case list (a file with errors
 * first) onto the next MARAC and circulates it; a representative signs in, accepts the
 * confidentiality declaration and reads the case list; the demo meeting room plays Teams (start,
 * joins with and without cameras, a camera switched off, someone leaving); the chair follows it
 * live in the chair console and runs two cases while representatives act on the bot's cards in
 * the chat; the meeting ends and the reconciled attendance and camera figures appear in the
 * report; a representative completes the action assigned to them from My MARAC. Screenshots of
 * each surface go to test-results/screenshots; axe-core checks each surface.
 *
 * The service runs with MARAC_RECONCILE_DELAY_SECONDS=35: the simulated tenant publishes the
 * attendance report 30 s after the end, so the first reconciliation finds it (the real wait
 * in production stays 120 s). Reconciliation itself is the product's, not faked.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { launchBrowser, SCREENSHOT_DIR, screenshot } from './support/browser.js';
import { type RunningService, startService } from './support/service.js';
import {
  caseListFile,
  caseListRow,
  expectNoAxeViolations as expectAccessible,
  signInAs,
} from './support/tab.js';

const MEETING = demoUuid('meeting:next');
const COORDINATOR = 'Morgan Exampleton';
const CHAIR = 'Alex Sampleford';
const POLICE = 'Sam Testbury';
const IDVA = 'Priya Placeholder';
const HOUSING = 'Jamie Dummerton';
const PROBATION_DEPUTY = 'Harper Testwell';

let service: RunningService;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const pageErrors: string[] = [];

beforeAll(async () => {
  service = await startService({ MARAC_RECONCILE_DELAY_SECONDS: '35' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  // The service's own output is a test artefact too (what it logged while the story ran).
  if (service) {
    await mkdir(path.dirname(SCREENSHOT_DIR), { recursive: true });
    await writeFile(path.join(path.dirname(SCREENSHOT_DIR), 'story-service.log'), service.output());
  }
  await service?.stop();
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

/** Demo sign-in through the sign-in page, as a person would; lands on `returnTo`. */
async function signIn(page: Page, who: string, returnTo: string): Promise<void> {
  await signInAs(page, service.url, who, returnTo);
  await page.waitForURL((url) => url.pathname === returnTo.split('?')[0]);
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).first().textContent();

describe('the whole story: import and circulation, case list, meeting, report, My MARAC', () => {
  let room: Page;
  let chair: Page;

  it('the coordinator schedules a meeting, imports a case list (a bad file first) and circulates', async () => {
    const page = await newPage();
    await signIn(page, COORDINATOR, '/coordinator/schedule');
    await expect.poll(() => h1(page)).toBe('Schedule');
    // An extraordinary meeting, set up in the simulated Teams tenant.
    const form = page.getByRole('form', { name: 'Add a meeting' });
    await form.getByLabel('Title').fill('Extraordinary MARAC (story)');
    await form.getByRole('button', { name: 'Add meeting' }).click();
    // The form says how many people it invites before anything is sent.
    const confirmAdd = page.getByRole('alertdialog', { name: 'Add a meeting: confirm' });
    expect(
      await confirmAdd.getByText(/This invites \d+ people to 1 meeting/).textContent(),
    ).toBeTruthy();
    await confirmAdd.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('One meeting scheduled and set up in Teams.').waitFor();
    await page.getByRole('link', { name: 'Extraordinary MARAC (story)' }).waitFor();
    await screenshot(page, 'story-coordinator-schedule');
    await expectAccessible(page, 'schedule');

    // The next ordinary MARAC: its case list comes from the referrals spreadsheet.
    await page.locator(`a[href="/coordinator/meetings/${MEETING}"]`).first().click();
    await expect.poll(() => h1(page)).toBe('Northfield MARAC');
    // Still a draft: the coordinator sets it up in Teams (meeting, chat, the app in the chat).
    await page.getByRole('button', { name: 'Set up in Teams' }).click();
    await page.getByRole('link', { name: 'Join link' }).waitFor();
    expect(await page.getByRole('button', { name: 'Set up in Teams' }).count()).toBe(0);
    const agenda = page.getByRole('table', { name: 'Agenda' });
    await agenda.waitFor();
    const before = await agenda.getByRole('row').count();
    const file = page.getByLabel('Case-list file');
    await file.setInputFiles(
      caseListFile('referrals-with-errors.csv', [
        caseListRow('ST-1', 'high'),
        caseListRow('ST-2', 'extreme'),
        caseListRow('ST-3', 'high', 'Gotham Police'),
      ]),
    );
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await problems.waitFor();
    const rows = await problems.getByRole('row').allTextContents();
    expect(rows.some((r) => r.startsWith('3Risk level'))).toBe(true);
    expect(rows.some((r) => r.startsWith('4Referring agency'))).toBe(true);
    // The problems never echo a cell (it could be a name or a date of birth).
    expect(await problems.textContent()).not.toMatch(/Importwell|1990|Gotham|extreme/);
    // Nothing half-stored: the agenda is as it was.
    expect(await agenda.getByRole('row').count()).toBe(before);
    expect(await agenda.textContent()).not.toContain('ST-1');
    await screenshot(page, 'story-coordinator-import-errors');
    await expectAccessible(page, 'import with errors');

    await file.setInputFiles(
      caseListFile('referrals.csv', [caseListRow('ST-1', 'high'), caseListRow('ST-2', 'high')]),
    );
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 2 cases onto the agenda.').waitFor();
    await expect.poll(() => agenda.getByRole('row').count()).toBe(before + 2);
    expect(await agenda.textContent()).toMatch(/ST-1/);
    expect(await agenda.textContent()).not.toMatch(/Importwell|Threats/);

    await page.getByRole('button', { name: 'Circulate now' }).click();
    // Sending to many people asks first, saying who gets what.
    const confirmCirculate = page.getByRole('alertdialog', {
      name: 'Circulate the case list: confirm',
    });
    expect(await confirmCirculate.textContent()).toMatch(/to \d+ people at \d+ agencies/);
    await confirmCirculate.getByRole('button', { name: 'Circulate' }).click();
    await page.getByText(/Case list circulated: \d+ cases, \d+ notices queued/).waitFor();
    const recipients = page.getByRole('table', { name: 'Recipients' });
    await recipients.waitFor();
    expect(await recipients.textContent()).toMatch(new RegExp(`${POLICE}.*Northfield Police`));
    await screenshot(page, 'story-coordinator-circulated');
    await expectAccessible(page, 'meeting workspace after circulation');
    await page.close();
  });

  it('a representative signs in, accepts the declaration and reads the case list', async () => {
    const page = await newPage();
    await signIn(page, POLICE, '/tab/my-marac');
    await expect.poll(() => h1(page)).toBe('My MARAC');
    const details = page.locator(`a[href="/tab/meeting?meetingId=${MEETING}"]`).first();
    await details.click();
    await page.getByRole('heading', { name: 'Confidentiality declaration' }).waitFor();
    // No case content before the declaration (FR-046).
    expect(await page.getByRole('list', { name: 'Cases' }).count()).toBe(0);
    expect(await page.textContent('body')).not.toMatch(/ST-1|Importwell/);
    await screenshot(page, 'story-rep-declaration');
    await expectAccessible(page, 'declaration');
    await page.getByRole('button', { name: 'I accept the confidentiality declaration' }).click();
    const cases = page.getByRole('list', { name: 'Cases' });
    await cases.waitFor();
    // The cases the coordinator has just imported are on the circulated list.
    await expect.poll(() => cases.textContent()).toMatch(/ST-1/);
    expect(await cases.textContent()).toMatch(/ST-2/);
    await page.getByRole('list', { name: 'Join times' }).waitFor();
    await screenshot(page, 'story-rep-case-list');
    await expectAccessible(page, 'case list');
    await page.close();
  });

  it('the demo meeting room plays the meeting: start, joins with and without cameras, a leaver', async () => {
    room = await newPage();
    await room.goto(`${service.url}/demo/meeting-room/${MEETING}`);
    await expect
      .poll(() => room.getByRole('heading', { level: 1 }).textContent())
      .toBe('Demo meeting room');
    await room.getByRole('button', { name: 'Start the meeting' }).click();
    await room.getByText('Running', { exact: true }).waitFor();
    for (const who of [CHAIR, POLICE, IDVA])
      await room.getByRole('button', { name: `Join with camera: ${who}` }).click();
    for (const who of [HOUSING, PROBATION_DEPUTY])
      await room.getByRole('button', { name: `Join, camera off: ${who}` }).click();
    await room.getByRole('switch', { name: `Camera of ${IDVA}` }).click();
    await room.getByRole('button', { name: `Leave: ${HOUSING}` }).click();
    await expect
      .poll(async () =>
        room.evaluate(async (id) => {
          const s = (await (await fetch(`/sim/api/meeting-room/${id}/state`)).json()) as {
            participants: { displayName: string; inMeeting: boolean; camera: boolean }[];
          };
          return s.participants
            .map((p) => `${p.displayName}:${p.inMeeting ? 'in' : 'out'}:${p.camera ? 'cam' : '-'}`)
            .sort();
        }, MEETING),
      )
      .toEqual(
        [
          `${CHAIR}:in:cam`,
          `${POLICE}:in:cam`,
          `${IDVA}:in:-`,
          `${HOUSING}:out:-`,
          `${PROBATION_DEPUTY}:in:-`,
        ].sort(),
      );
    await screenshot(room, 'story-meeting-room');
    await expectAccessible(room, 'demo meeting room');
  });

  it('the chair sees live attendance by agency in the chair console, with cameras and their source', async () => {
    chair = await newPage();
    await signIn(chair, CHAIR, `/tab/meeting/chair?meetingId=${MEETING}`);
    const attendance = chair.getByRole('list', { name: 'Attendance by agency' });
    await attendance.waitFor();
    const police = attendance
      .getByRole('listitem')
      .filter({ hasText: 'Northfield Police' })
      .first();
    await expect.poll(() => police.textContent()).toMatch(/Present/);
    await expect.poll(() => police.textContent()).toContain(`${POLICE} · in since`);
    await expect.poll(() => police.textContent()).toMatch(/camera on \(calling bot\)/);
    const housing = attendance.getByRole('listitem').filter({ hasText: HOUSING }).first();
    await expect.poll(() => housing.textContent()).toContain('left at');
    const idva = attendance.getByRole('listitem').filter({ hasText: IDVA }).first();
    await expect.poll(() => idva.textContent()).toMatch(/camera off/);
    // A deputy standing in for their agency is marked as such.
    await expect.poll(() => attendance.textContent()).toContain(`${PROBATION_DEPUTY} (deputy)`);
    // Core agencies nobody joined for are called out.
    await expect
      .poll(() => chair.getByText(/Core agencies missing/).textContent())
      .toMatch(/Core agencies missing/);
    await expect
      .poll(() => chair.getByTestId('last-updated').textContent())
      .toMatch(/Last updated \d\d:\d\d:\d\d/);
    await screenshot(chair, 'story-chair-console');
    await expectAccessible(chair, 'chair console');
  });

  it('the chair runs two cases; reps volunteer on the cards; the chair assigns and confirms', async () => {
    // Opening checklist (FR-045).
    for (const label of [
      'Confidentiality statement read',
      'New attendees introduced',
      'Outstanding actions reminded',
    ]) {
      // A controlled checkbox: it ticks once the service has stored the change.
      const box = chair.getByRole('checkbox', { name: label });
      await box.click();
      await expect.poll(() => box.isChecked()).toBe(true);
    }
    await expect.poll(() => chair.getByText('3 of 3 done').count()).toBe(1);

    const agenda = chair.getByRole('table', { name: 'Agenda' });
    const startButtons = agenda.getByRole('button', { name: /^Start case / });
    const first = (await startButtons.first().getAttribute('aria-label'))!.replace(
      'Start case ',
      '',
    );
    await startButtons.first().click();
    await agenda.getByRole('button', { name: `Close case ${first}` }).waitFor();
    await expect.poll(() => agenda.getByRole('timer').count()).toBe(1);

    // The police rep volunteers on the case card in the chat (the demo meeting room acts as them).
    await volunteer(room, POLICE, 'Police to complete a safety visit and update the record', 0);
    // The IDVA rep sees the card once it shows the police action (the bot updated it).
    await volunteer(room, IDVA, 'IDVA to contact the victim and review the safety plan', 1);
    await screenshot(room, 'story-meeting-room-card');
    await expectAccessible(room, 'meeting room with the case card');
    const waiting = chair.getByRole('list', { name: 'Volunteered actions waiting' });
    await expect.poll(() => waiting.getByRole('listitem').count(), { timeout: 15_000 }).toBe(2);
    await screenshot(chair, 'story-chair-console-volunteered');

    // Assign the police action (a named owner), confirm the IDVA one as it stands.
    const policeAction = waiting.getByRole('listitem').filter({ hasText: 'safety visit' });
    await policeAction.getByRole('button', { name: /^Assign / }).click();
    await policeAction.getByLabel('Owner').selectOption({ label: POLICE });
    await policeAction.getByRole('button', { name: 'Assign action' }).click();
    const idvaAction = waiting.getByRole('listitem').filter({ hasText: 'safety plan' });
    await idvaAction.getByRole('button', { name: /^Confirm / }).click();
    await expect.poll(() => waiting.count()).toBe(0);
    const agreed = chair.getByRole('table', { name: 'Agreed actions' });
    await expect.poll(() => agreed.getByRole('row').count()).toBe(3);
    await agenda.getByRole('button', { name: `Close case ${first}` }).click();

    // The second case.
    await startButtons.first().click();
    await expect.poll(() => agenda.getByRole('button', { name: /^Close case / }).count()).toBe(1);
    await volunteer(room, POLICE, 'Police to add a marker to the address record', 0);
    await expect.poll(() => waiting.getByRole('listitem').count(), { timeout: 15_000 }).toBe(1);
    await waiting.getByRole('button', { name: /^Confirm / }).click();
    await agenda.getByRole('button', { name: /^Close case / }).click();
    await expect.poll(() => agenda.getByRole('button', { name: /^Clos/ }).count()).toBe(0);
    await screenshot(chair, 'story-chair-console-run');
    await expectAccessible(chair, 'chair console after two cases');
  });

  it('the meeting ends; the reconciled attendance and camera figures appear in the report', async () => {
    await room.getByRole('button', { name: 'End the meeting' }).click();
    await room.getByText('Ended', { exact: true }).waitFor();
    const report = await newPage();
    await signIn(report, CHAIR, '/reports/attendance');
    // Reconciliation runs once Teams has produced the attendance report (35 s after the end here).
    await expect
      .poll(
        async () => {
          await report.reload();
          await report.getByRole('heading', { name: 'Period', exact: true }).waitFor();
          await report
            .getByText(/Loading the attendance figures/)
            .waitFor({ state: 'detached' })
            .catch(() => undefined);
          return report.getByRole('heading', { name: 'Camera-on share' }).count();
        },
        { timeout: 150_000, interval: 5_000 },
      )
      .toBe(1);
    await report.getByText('Show as a table').click();
    const table = report.getByRole('table', { name: 'Attendance by agency' });
    const police = table.getByRole('row').filter({ hasText: 'Northfield Police' });
    expect(await police.textContent()).toMatch(/Northfield Police \(core\)1\d*100%/);
    await report.getByRole('img', { name: /Camera-on share by agency/ }).waitFor();
    await screenshot(report, 'story-attendance-report');
    await expectAccessible(report, 'attendance report');
  }, 200_000);

  it('the reports count the two cases heard of sixteen, and no agency absent for an unheard case', async () => {
    const page = await newPage();
    await signIn(page, COORDINATOR, '/reports/attendance');
    const figures = page.getByText('listed but not heard');
    await figures.waitFor({ timeout: 30_000 });
    expect(await figures.textContent()).toBe('14 listed but not heard');
    const matrix = page.getByRole('table', { name: 'Presence per case' });
    const rows = matrix.getByRole('row');
    const unheard = rows.filter({ hasText: 'Not heard' });
    expect(await unheard.count()).toBe(14);
    for (const text of await unheard.allTextContents()) expect(text).not.toContain('Absent');
    await screenshot(page, 'gov-attendance-matrix');

    await page.goto(`${service.url}/reports/governance`);
    const heard = page.getByText('Cases heard', { exact: true }).first();
    await heard.waitFor({ timeout: 30_000 });
    const figure = (label: string) =>
      page.getByText(label, { exact: true }).first().locator('xpath=..').textContent();
    expect(await figure('Cases heard')).toMatch(/^2Cases heard/);
    expect(await figure('Cases listed but not heard')).toMatch(/^14Cases listed but not heard/);
    await page.getByRole('heading', { name: 'SafeLives data return' }).waitFor();
    await page.getByRole('table', { name: 'SafeLives return by meeting' }).waitFor();
    expect(await page.textContent('body')).not.toMatch(/KPI-\d|FR-\d/);
    await screenshot(page, 'gov-governance-1280');
    await expectAccessible(page, 'governance report');
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot(page, 'gov-governance-320');
    await page.close();
  }, 60_000);

  it('a representative completes the action assigned to them from My MARAC, in two clicks', async () => {
    const page = await newPage();
    await signIn(page, POLICE, '/tab/my-marac');
    const mine = page.getByRole('table', { name: 'My actions' });
    await mine.waitFor();
    const row = mine.getByRole('row').filter({ hasText: 'safety visit' });
    await expect.poll(() => row.count()).toBe(1);
    const complete = row.getByRole('button', { name: /^Complete A-\d+$/ });
    const reference = (await complete.textContent())!.replace('Complete ', '');
    await complete.click();
    const dialog = page.getByRole('dialog', { name: `Complete ${reference}` });
    await dialog.waitFor();
    await screenshot(page, 'story-my-marac-complete');
    await expectAccessible(page, 'completing an action');
    await dialog.getByRole('button', { name: 'Confirm complete' }).click();
    await page.getByText(`${reference} marked complete.`).waitFor();
    // Seen as done: the service has stored it, the buttons are gone.
    const done = page
      .getByRole('table', { name: 'My actions' })
      .getByRole('row')
      .filter({ hasText: reference });
    await expect.poll(() => done.textContent()).toContain('Completed');
    expect(await done.getByRole('button').count()).toBe(0);
    await dialog.waitFor({ state: 'detached' });
    await screenshot(page, 'story-my-marac-done');
    await expectAccessible(page, 'My MARAC after completing');
    expect(pageErrors).toEqual([]);
  });
});

/**
 * In the demo meeting room, as `who`: wait for their own view of the latest case card (it shows
 * `actions` actions), fill its volunteer form and send it.
 */
async function volunteer(room: Page, who: string, description: string, actions: number) {
  const key = { [POLICE]: 'police-rep', [IDVA]: 'idva-rep', [HOUSING]: 'housing-rep' }[who];
  await room.getByLabel('See the chat and act as').selectOption(demoUuid(`person:${key}`));
  const chat = room.getByRole('list', { name: `Meeting chat as ${who}` });
  const card = chat.getByRole('group').last();
  await card.getByRole('button', { name: 'Volunteer an action' }).waitFor({ timeout: 15_000 });
  // Typing into a card that is about to be replaced would be lost, as in Teams.
  await expect.poll(() => card.getAttribute('aria-busy'), { timeout: 15_000 }).toBeNull();
  if (actions > 0)
    await expect
      .poll(() => card.textContent(), { timeout: 15_000 })
      .toContain(`Actions (${actions})`);
  await expect.poll(() => card.getAttribute('aria-busy'), { timeout: 15_000 }).toBeNull();
  // The volunteer form opens on demand (the card stays short in a busy chat).
  await card.getByRole('button', { name: 'Volunteer an action' }).click();
  await card.getByLabel('What will be done').fill(description);
  await card.getByRole('button', { name: 'Volunteer', exact: true }).click();
  await room.getByText(`sent as ${who}`).waitFor();
}

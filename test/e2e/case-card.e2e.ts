/**
 * The case card in the demo meeting room, pressed in Microsoft's Adaptive Cards renderer as
 * each role: representatives volunteer from "Volunteer an action" and the owning agency
 * acknowledges a perpetrator warning; the chair confirms one action with its own button, and
 * edits, assigns and rejects others from "Manage an action", each without touching the
 * volunteer form (associatedInputs). Then the chair ends the meeting from the chair console,
 * carrying one unheard case forward and marking the rest not heard. What each press stored is
 * read from the service's database once it has stopped. Screenshots at 320, 390 and 1280 px.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteDb } from '../../store/pglite-db.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { type RunningService, startService } from './support/service.js';
import { pageErrors, signInAs } from './support/tab.js';

const MEETING = demoUuid('meeting:next');
const CHAIR = 'Alex Sampleford';
const POLICE = 'Sam Testbury';
const PROBATION = 'Drew Mockingham';
const KEYS: Record<string, string> = {
  [CHAIR]: 'chair',
  [POLICE]: 'police-rep',
  [PROBATION]: 'probation-rep',
};

let service: RunningService;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let room: Page;
let chair: Page;
let errors: string[];

beforeAll(async () => {
  service = await startService();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

/** The latest case card in the chat as `who` sees it, once their refreshed view has arrived. */
async function cardAs(who: string, actions: number): Promise<Locator> {
  await room.getByLabel('See the chat and act as').selectOption(demoUuid(`person:${KEYS[who]}`));
  const card = room
    .getByRole('list', { name: `Meeting chat as ${who}` })
    .getByRole('group')
    .last();
  await card.waitFor({ timeout: 15_000 });
  await expect
    .poll(() => card.textContent(), { timeout: 15_000 })
    .toContain(`Actions (${actions})`);
  await expect.poll(() => card.getAttribute('aria-busy'), { timeout: 15_000 }).toBeNull();
  return card;
}

async function sent(title: string, who: string) {
  await room.getByText(`${title} sent as ${who}.`).waitFor({ timeout: 15_000 });
}

async function volunteer(
  who: string,
  actions: number,
  description: string,
  extra: (card: Locator) => Promise<void> = async () => undefined,
) {
  const card = await cardAs(who, actions);
  // The form is not on the card until asked for: the card stays short in a busy chat.
  expect(await card.getByLabel('What will be done').count()).toBe(0);
  await card.getByRole('button', { name: 'Volunteer an action' }).click();
  await card.getByLabel('What will be done').fill(description);
  await extra(card);
  await card.getByRole('button', { name: 'Volunteer', exact: true }).click();
  await sent('Volunteer', who);
}

describe('the case card in the demo meeting room, as each role', () => {
  it('a case starts; representatives volunteer from the card', async () => {
    room = await browser.newPage();
    errors = pageErrors(room);
    await room.goto(`${service.url}/demo/meeting-room/${MEETING}`);
    await room.getByRole('button', { name: 'Start the meeting' }).click();
    await room.getByText('Running', { exact: true }).waitFor();
    for (const who of [CHAIR, POLICE, PROBATION])
      await room.getByRole('button', { name: `Join, camera off: ${who}` }).click();

    chair = await browser.newPage();
    await signInAs(chair, service.url, CHAIR, `/tab/meeting/chair?meetingId=${MEETING}`);
    const agenda = chair.getByRole('table', { name: 'Agenda' });
    await agenda
      .getByRole('button', { name: /^Start case / })
      .first()
      .click();
    await agenda.getByRole('button', { name: /^Close case / }).waitFor();

    await volunteer(POLICE, 0, 'Police to complete a safety visit and update the record');
    await volunteer(POLICE, 1, 'Police to add a marker to the address record');
    await volunteer(POLICE, 2, 'Police to review the bail conditions');
    // The chair puts a perpetrator action to probation (ticking the warning for the card).
    await volunteer(
      CHAIR,
      3,
      'Raise at the next supervision without naming the MARAC',
      async (card) => {
        await card
          .getByRole('combobox', { name: /^Agency/ })
          .selectOption({ label: 'Northfield Probation Delivery Unit' });
        await card
          .getByRole('combobox', { name: /^Category/ })
          .selectOption({ label: 'Perpetrator' });
        await card.getByRole('checkbox', { name: /I acknowledge/ }).check();
      },
    );
    const card = await cardAs(CHAIR, 4);
    await room.setViewportSize({ width: 390, height: 900 });
    await screenshot(room, 'case-card-chair-390');
    await room.setViewportSize({ width: 320, height: 900 });
    await screenshot(room, 'case-card-chair-320');
    await room.setViewportSize({ width: 1280, height: 900 });
    await screenshot(room, 'case-card-chair-1280');
    expect(await card.getByRole('button', { name: /^Confirm A-/ }).count()).toBe(4);
  });

  it('the chair confirms, edits, assigns and rejects from the card; probation acknowledges', async () => {
    // Confirm the first action with its own button: the empty volunteer form is not in the way.
    let card = await cardAs(CHAIR, 4);
    const confirm = card.getByRole('button', { name: /^Confirm A-/ }).first();
    const first = (await confirm.textContent())!.replace('Confirm ', '').trim();
    await confirm.click();
    await sent(`Confirm ${first}`, CHAIR);
    await expect.poll(() => card.textContent()).toMatch(new RegExp(`${first}.*agreed`));

    // Edit the second from "Manage an action".
    card = await cardAs(CHAIR, 4);
    const pick = async (titleStart: RegExp) => {
      await card.getByRole('button', { name: 'Manage an action' }).click();
      const picker = card.getByRole('combobox', { name: /^Action\b/ });
      const option = picker.locator('option').filter({ hasText: titleStart }).first();
      await picker.selectOption((await option.getAttribute('value'))!);
    };
    await pick(/A-0002/);
    await card.getByRole('button', { name: 'Edit', exact: true }).click();
    await card.getByLabel(/New description/).fill('Police to add a 12-month marker to the address');
    await card.getByRole('button', { name: 'Save', exact: true }).click();
    await sent('Save', CHAIR);

    card = await cardAs(CHAIR, 4);
    await pick(/A-0002/);
    await card.getByRole('button', { name: 'Assign', exact: true }).click();
    await card
      .getByRole('combobox', { name: /^Owning agency/ })
      .selectOption({ label: 'Northfield Police' });
    await screenshot(room, 'case-card-chair-assign');
    await card.getByRole('button', { name: 'Assign', exact: true }).last().click();
    await sent('Assign', CHAIR);

    card = await cardAs(CHAIR, 4);
    await pick(/A-0003/);
    await card.getByRole('button', { name: 'Reject', exact: true }).click();
    await card.getByLabel('Reason (optional)').fill('Covered by the existing bail conditions');
    await card.getByRole('button', { name: 'Reject', exact: true }).last().click();
    await sent('Reject', CHAIR);

    // Probation sees its perpetrator action with the warning, and acknowledges it.
    const mine = await cardAs(PROBATION, 4);
    await mine.getByRole('button', { name: /^Acknowledge warning for A-0004/ }).click();
    await sent('Acknowledge warning for A-0004', PROBATION);
    await expect
      .poll(() => mine.textContent())
      .toContain('Perpetrator warning acknowledged by the owning agency.');
    expect(errors).toEqual([]);
  });

  it('the chair ends the meeting: one unheard case carried forward, the rest not heard', async () => {
    const agenda = chair.getByRole('table', { name: 'Agenda' });
    await agenda.getByRole('button', { name: /^Close case / }).click();
    await expect.poll(() => agenda.getByRole('button', { name: /^Close case / }).count()).toBe(0);
    const end = chair.getByRole('button', { name: /^End the meeting \(\d+ not heard\)/ });
    await end.click();
    const form = chair.getByRole('form', { name: 'Cases not heard' });
    // Ending without decisions: each case says what it needs, next to it.
    await form.getByRole('button', { name: 'End the meeting' }).click();
    await form.getByText('Choose: carry forward or not heard.').first().waitFor();
    const cases = form.locator('fieldset');
    const n = await cases.count();
    expect(n).toBeGreaterThan(1);
    // The first case's choice copied to all, then the first carried forward instead.
    const reason = 'Out of time; picked up outside the meeting';
    await cases.nth(0).getByRole('radio', { name: 'Not heard' }).check();
    await cases
      .nth(0)
      .getByLabel(/Why it was not heard/)
      .fill(reason);
    await form.getByRole('button', { name: /^Same as case \d+ for all$/ }).click();
    for (let i = 1; i < n; i++) {
      expect(await cases.nth(i).getByRole('radio', { name: 'Not heard' }).isChecked()).toBe(true);
      expect(
        await cases
          .nth(i)
          .getByLabel(/Why it was not heard/)
          .inputValue(),
      ).toBe(reason);
    }
    await cases.nth(0).getByRole('radio', { name: 'Carry forward to the next meeting' }).check();
    await chair.setViewportSize({ width: 320, height: 900 });
    await screenshot(chair, 'chair-console-end-320');
    await chair.setViewportSize({ width: 1280, height: 900 });
    await form.getByRole('button', { name: 'End the meeting' }).click();
    // The demo has no open meeting after this one: the service says so next to the case, and
    // stores nothing; the chair marks that case not heard too.
    await cases
      .nth(0)
      .getByText('No later meeting to carry this case forward to.')
      .waitFor({ timeout: 15_000 });
    const ended = chair.getByRole('heading', { name: 'Meeting ended' });
    expect(await ended.count()).toBe(0);
    await cases.nth(0).getByRole('radio', { name: 'Not heard' }).check();
    await cases
      .nth(0)
      .getByLabel(/Why it was not heard/)
      .fill('No later meeting scheduled yet');
    await form.getByRole('button', { name: 'End the meeting' }).click();
    await ended.waitFor({ timeout: 15_000 });
    await expect.poll(() => agenda.getByText('Not heard').count()).toBeGreaterThanOrEqual(n - 1);
    await screenshot(chair, 'chair-console-ended');
  });

  it('what each press stored, read from the database', async () => {
    await service.stop({ keepData: true });
    const db = await PgliteDb.open({ dataDir: path.join(service.dataDir, 'pglite') });
    try {
      const { rows } = await db.query<{
        reference: string;
        state: string;
        owner: string;
        description: string;
        acknowledged_by: string | null;
      }>(
        `SELECT a.reference, a.state, ag.name AS owner, a.description,
                a.perpetrator_warning_acknowledged_by AS acknowledged_by
           FROM action a JOIN agency ag ON ag.id = a.owner_agency_id
          WHERE a.meeting_id = $1 ORDER BY a.reference`,
        [MEETING],
      );
      expect(rows.map((r) => [r.reference, r.state, r.owner])).toEqual([
        ['A-0001', 'open', 'Northfield Police'],
        ['A-0002', 'open', 'Northfield Police'],
        ['A-0003', 'rejected', 'Northfield Police'],
        ['A-0004', 'volunteered', 'Northfield Probation Delivery Unit'],
      ]);
      expect(rows[1]!.description).toBe('Police to add a 12-month marker to the address');
      expect(rows[3]!.acknowledged_by).toBe(demoUuid('person:probation-rep'));
      const { rows: items } = await db.query<{ heard: boolean; unheard_outcome: string | null }>(
        `SELECT actual_end IS NOT NULL AS heard, unheard_outcome FROM agenda_item
          WHERE meeting_id = $1 ORDER BY position`,
        [MEETING],
      );
      expect(items[0]).toEqual({ heard: true, unheard_outcome: null });
      expect(items.slice(1).every((i) => !i.heard && i.unheard_outcome === 'not-heard')).toBe(true);
      const { rows: meeting } = await db.query<{ status: string }>(
        'SELECT status FROM meeting WHERE id = $1',
        [MEETING],
      );
      expect(meeting[0]!.status).toBe('ended');
    } finally {
      await db.close();
      await rm(service.dataDir, { recursive: true, force: true });
    }
  });
});

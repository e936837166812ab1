/**
 * Chasing that closes the loop, in Chromium on the real service in demo mode: an action agreed
 * in the meeting is chased by the coordinator; its owner answers the chaser by mail (the
 * simulated tenant delivers the reply to the MARAC mailbox, in the chaser's conversation); the
 * mailbox poll (a job, every minute) picks it up; the coordinator reads "Reply from the owner of
 * A-0001" with its text in the action tracker and records completion with one click.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { type RunningService, startService } from './support/service.js';
import { expectNoAxeViolations, pageErrors, signInAs } from './support/tab.js';

const MEETING = demoUuid('meeting:next');
const COORDINATOR = 'Morgan Exampleton';
const CHAIR = 'Alex Sampleford';
const POLICE = 'Sam Testbury';
const POLICE_EMAIL_KEY = 'police-rep';
const REPLY = 'The safety visit was done on Tuesday and the record is updated.';

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

interface SentMail {
  id: string;
  subject: string;
  to: { address: string }[];
  body: string;
}
const outbox = async () =>
  ((await (await fetch(`${service.url}/sim/api/outbox`)).json()) as { value: SentMail[] }).value;

describe('a reply to a chaser becomes the action’s completion', () => {
  it('agrees an action, chases it, and the coordinator records completion from the reply', async () => {
    // The police representative accepts the confidentiality declaration for the meeting.
    const rep = await browser.newPage();
    await signInAs(rep, service.url, POLICE, `/tab/meeting?meetingId=${MEETING}`);
    await rep.getByRole('button', { name: 'I accept the confidentiality declaration' }).click();
    await rep.getByRole('list', { name: 'Cases' }).waitFor();
    await rep.close();

    // The meeting runs: the chair starts a case, the police volunteer, the chair assigns it.
    const room = await browser.newPage();
    await room.goto(`${service.url}/demo/meeting-room/${MEETING}`);
    await room.getByRole('button', { name: 'Start the meeting' }).click();
    await room.getByText('Running', { exact: true }).waitFor();
    for (const who of [CHAIR, POLICE])
      await room.getByRole('button', { name: `Join with camera: ${who}` }).click();
    const chair = await browser.newPage();
    await signInAs(chair, service.url, CHAIR, `/tab/meeting/chair?meetingId=${MEETING}`);
    for (const label of [
      'Confidentiality statement read',
      'New attendees introduced',
      'Outstanding actions reminded',
    ]) {
      const box = chair.getByRole('checkbox', { name: label });
      await box.click();
      await expect.poll(() => box.isChecked()).toBe(true);
    }
    const agenda = chair.getByRole('table', { name: 'Agenda' });
    await agenda
      .getByRole('button', { name: /^Start case / })
      .first()
      .click();
    await agenda.getByRole('button', { name: /^Close case / }).waitFor();
    await volunteer(room, 'Police to complete a safety visit and update the record');
    const waiting = chair.getByRole('list', { name: 'Volunteered actions waiting' });
    await expect.poll(() => waiting.getByRole('listitem').count(), { timeout: 15_000 }).toBe(1);
    const item = waiting.getByRole('listitem').first();
    await item.getByRole('button', { name: /^Assign / }).click();
    await item.getByLabel('Owner').selectOption({ label: POLICE });
    await item.getByRole('button', { name: 'Assign action' }).click();
    await expect.poll(() => waiting.count()).toBe(0);
    await agenda.getByRole('button', { name: /^Close case / }).click();
    await chair.close();
    await room.close();

    // The coordinator chases it now from the action tracker.
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await signInAs(page, service.url, COORDINATOR, '/coordinator/actions');
    const table = page.getByRole('table', { name: 'Actions' });
    await table.waitFor();
    const select = table.getByRole('checkbox', { name: /^Select A-\d{4}$/ }).first();
    const reference = (await select.getAttribute('aria-label'))!.replace('Select ', '');
    await select.check();
    await page.getByRole('button', { name: /^Chase selected/ }).click();
    // Sending to people asks first, saying who gets what.
    await page.getByRole('button', { name: 'Send chasers' }).click();
    await page.getByText(/Chasers queued for 1 action/).waitFor();

    // The outbox job sends it (every minute); the owner replies to it from Outlook.
    let chaser: SentMail | undefined;
    await expect
      .poll(
        async () => {
          chaser = (await outbox()).find(
            (m) => m.subject.includes('asks for an update') && m.body.includes(`>${reference}<`),
          );
          return Boolean(chaser);
        },
        { timeout: 100_000, interval: 2_000 },
      )
      .toBe(true);
    const replied = await fetch(`${service.url}/sim/api/outbox/${chaser!.id}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: chaser!.to[0]!.address, name: POLICE, text: REPLY }),
    });
    expect(replied.status).toBe(201);

    // The reply poll (every minute) records it; the coordinator sees it with its text.
    const heading = page.getByRole('heading', { name: `Reply from the owner of ${reference}` });
    await expect
      .poll(
        async () => {
          if ((await heading.count()) > 0) return true;
          await page.reload();
          await table.waitFor();
          return (await heading.count()) > 0;
        },
        { timeout: 100_000, interval: 5_000 },
      )
      .toBe(true);
    const reply = page.getByRole('list', { name: 'Replies to chasers' }).getByRole('listitem');
    expect(await reply.getByLabel(`Reply about ${reference}`, { exact: true }).textContent()).toBe(
      REPLY,
    );
    await reply.scrollIntoViewIfNeeded();
    await screenshot(page, 'chasing-reply');
    await expectNoAxeViolations(page, 'action tracker with a reply to a chaser');
    await page.setViewportSize({ width: 320, height: 800 });
    await reply.scrollIntoViewIfNeeded();
    await screenshot(page, 'chasing-reply-320');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });

    // One click records completion: confirmed by the owner's reply.
    await reply.getByRole('button', { name: `Record ${reference} as complete` }).click();
    await page
      .getByText(`${reference} is recorded as complete, confirmed by ${POLICE}’s reply.`)
      .waitFor();
    await expect.poll(() => heading.count()).toBe(0);
    const row = table.getByRole('row').filter({ hasText: reference });
    await expect.poll(() => row.textContent()).toMatch(/Done|Complete/i);
    await screenshot(page, 'chasing-reply-recorded');
    expect(errors).toEqual([]);
  }, 360_000);
});

/** In the demo meeting room, as the police representative: volunteer on the case card. */
async function volunteer(room: Page, description: string) {
  await room
    .getByLabel('See the chat and act as')
    .selectOption(demoUuid(`person:${POLICE_EMAIL_KEY}`));
  const chat = room.getByRole('list', { name: `Meeting chat as ${POLICE}` });
  const card = chat.getByRole('group').last();
  await card.getByRole('button', { name: 'Volunteer an action' }).waitFor({ timeout: 15_000 });
  await expect.poll(() => card.getAttribute('aria-busy'), { timeout: 15_000 }).toBeNull();
  // The volunteer form opens on demand (the card stays short in a busy chat).
  await card.getByRole('button', { name: 'Volunteer an action' }).click();
  await card.getByLabel('What will be done').fill(description);
  await card.getByRole('button', { name: 'Volunteer', exact: true }).click();
  await room.getByText(`sent as ${POLICE}`).waitFor();
}

import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR, screenshot } from './support/browser.js';
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

/** The tab API as the signed-in person (the page's own demo token): what the service stored. */
async function apiCall<T>(page: Page, path: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (p) => {
    const token = sessionStorage.getItem('marac.demoToken');
    const res = await fetch(`/api${p}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as unknown };
  }, path) as Promise<{ status: number; body: T }>;
}
const apiGet = async <T>(page: Page, path: string) => (await apiCall<T>(page, path)).body;

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}
/** The simulated tenant's log of every Graph request the service made. */
const graphRequests = async (): Promise<LoggedRequest[]> =>
  ((await (await fetch(`${service.url}/sim/api/requests`)).json()) as { value: LoggedRequest[] })
    .value;
const eventWrites = async () =>
  (await graphRequests()).filter(
    (r) => /\/events/.test(r.path) && ['POST', 'PATCH'].includes(r.method) && r.status < 300,
  ).length;
const mailsSent = async () =>
  (await graphRequests()).filter((r) => /\/sendMail$/.test(r.path) && r.status < 300).length;

interface AuditEntry {
  action: string;
  recordId: string | null;
  actor: { personId?: string };
  detail: Record<string, unknown>;
}
const audit = async (page: Page, action: string) =>
  (await apiGet<{ entries: AuditEntry[] }>(page, '/audit?limit=200')).entries.filter(
    (e) => e.action === action,
  );

describe('people for one case, apologies with a deputy, and a move request', () => {
  it('invites a keyworker for one case, who sees only it; a rep sends apologies and asks for a move, which is accepted', async () => {
    const coordinator = await browser.newPage();
    const errors = pageErrors(coordinator);

    await signInAs(coordinator, service.url, 'Morgan Exampleton');
    // The seeded next meeting's workspace.
    await coordinator.getByRole('table', { name: 'Meetings' }).waitFor();
    await coordinator.getByRole('link', { name: 'Northfield MARAC', exact: true }).first().click();
    await coordinator.getByRole('table', { name: 'Agenda' }).waitFor();
    const meetingId = new URL(coordinator.url()).pathname.split('/').pop()!;
    const agenda = await apiGet<{ items: { id: string; caseNumber: string; position: number }[] }>(
      coordinator,
      `/meetings/${meetingId}/agenda`,
    );
    const [first, second, third] = agenda.items;

    // Invite Tom for the second case.
    const writesBefore = await eventWrites();
    const mailsBefore = await mailsSent();
    // Tom is not a person of the area yet: found in the organisation's directory.
    const find = coordinator.getByRole('search', {
      name: 'Find someone in the directory for one case',
    });
    await find.getByRole('searchbox', { name: 'Name or e-mail' }).fill('fairw');
    await find.getByRole('button', { name: 'Search the directory' }).click();
    await find
      .getByRole('list', { name: 'Directory results for one case' })
      .getByRole('button', { name: 'Choose Tom Fairweather' })
      .click();
    const invite = coordinator.getByRole('form', { name: 'Invite someone for one case' });
    await invite.getByText(/Tom Fairweather, from the directory/).waitFor();
    await invite
      .getByRole('combobox', { name: 'Their agency' })
      .selectOption({ label: 'Northfield Police' });
    await invite
      .getByRole('combobox', { name: 'Case' })
      .selectOption({ label: `${second!.position}. ${second!.caseNumber}` });
    await invite.getByRole('combobox', { name: 'Attends as' }).selectOption('keyworker');
    await invite.getByRole('button', { name: 'Invite for this case' }).click();
    await coordinator.getByText(/Invited: the Teams meeting now includes them/).waitFor();
    const invited = coordinator.getByRole('table', { name: 'People invited for one case' });
    await invited.getByRole('cell', { name: 'Tom Fairweather' }).waitFor();
    await screenshot(coordinator, 'case-people-invited');
    expect(await audit(coordinator, 'person.create')).toHaveLength(1);
    // Stored and audited; the Teams event's attendees were written; the mail went out.
    const people = await apiGet<{
      people: { personId: string; agendaItemId: string; kind: string }[];
    }>(coordinator, `/meetings/${meetingId}/case-people`);
    expect(people.people).toEqual([
      expect.objectContaining({ agendaItemId: second!.id, kind: 'keyworker' }),
    ]);
    const tomId = people.people[0]!.personId;
    expect(await audit(coordinator, 'case-person.invite')).toEqual([
      expect.objectContaining({
        recordId: second!.id,
        detail: expect.objectContaining({ person: tomId }),
      }),
    ]);
    expect(await eventWrites()).toBeGreaterThan(writesBefore);

    // The keyworker signs in: one case, behind its own declaration; nothing else.
    const keyworker = await browser.newPage();
    const keyworkerErrors = pageErrors(keyworker);
    await signInAs(
      keyworker,
      service.url,
      'Tom Fairweather',
      `/tab/meeting?meetingId=${meetingId}`,
    );
    await keyworker.getByRole('heading', { name: `Your case: ${second!.caseNumber}` }).waitFor();
    const yourCase = keyworker.getByRole('region', {
      name: `Confidentiality declaration for case ${second!.caseNumber}`,
    });
    await yourCase
      .getByRole('button', { name: `I accept the declaration for case ${second!.caseNumber}` })
      .waitFor();
    expect(await keyworker.getByRole('list', { name: 'Your case' }).count()).toBe(0);
    await screenshot(keyworker, 'case-people-keyworker-declaration');
    await yourCase
      .getByRole('button', { name: `I accept the declaration for case ${second!.caseNumber}` })
      .click();
    const card = keyworker.getByRole('list', { name: 'Your case' });
    await card.getByText(`${second!.position}. ${second!.caseNumber}`).waitFor();
    expect(await card.getByRole('listitem').count()).toBe(1);
    const text = (await keyworker.locator('main').textContent()) ?? '';
    expect(text).not.toContain(first!.caseNumber);
    expect(text).not.toContain(third!.caseNumber);
    await screenshot(keyworker, 'case-people-keyworker-case');
    await keyworker.setViewportSize({ width: 320, height: 800 });
    await screenshot(keyworker, 'case-people-keyworker-320');
    await expectNoAxeViolations(keyworker, 'the keyworker’s case');
    // Another case is not found; the case list is refused; the declaration was per case.
    expect((await apiCall(keyworker, `/meetings/${meetingId}/my-cases/${first!.id}`)).status).toBe(
      404,
    );
    expect((await apiCall(keyworker, `/meetings/${meetingId}/case-list`)).status).toBe(403);
    const declared = await apiGet<{ people: { declaredAt: string | null }[] }>(
      coordinator,
      `/meetings/${meetingId}/case-people`,
    );
    expect(declared.people[0]!.declaredAt).not.toBeNull();
    expect(
      (await audit(coordinator, 'case.view')).filter((e) => e.recordId === second!.id),
    ).not.toHaveLength(0);
    expect((await audit(coordinator, 'case.view-refused')).map((e) => e.recordId)).toContain(
      first!.id,
    );

    // A representative sends apologies naming a colleague as deputy for this meeting.
    const rep = await browser.newPage();
    const repErrors = pageErrors(rep);
    await signInAs(rep, service.url, 'Priya Placeholder', `/tab/meeting?meetingId=${meetingId}`);
    const apologies = rep.getByRole('form', { name: 'Send apologies' });
    await apologies
      .getByRole('combobox', { name: 'Deputy for this meeting' })
      .selectOption({ label: 'Taylor Fictionly' });
    await apologies.getByRole('checkbox', { name: 'My agency sends a written submission' }).check();
    const writesBeforeApology = await eventWrites();
    await apologies.getByRole('button', { name: 'Send apologies' }).click();
    await rep.getByText('Your apologies are recorded.').waitFor();
    await rep.getByText(/Taylor Fictionly attends as deputy for this meeting/).waitFor();
    await screenshot(rep, 'case-people-apologies');
    const stored = await apiGet<{
      apologies: { agencyName: string; deputyName: string; writtenSubmission: boolean }[];
    }>(coordinator, `/meetings/${meetingId}/apologies`);
    expect(stored.apologies).toEqual([
      expect.objectContaining({
        agencyName: 'Northfield IDVA Service',
        deputyName: 'Taylor Fictionly',
        writtenSubmission: true,
      }),
    ]);
    expect(await audit(coordinator, 'apology.send')).toHaveLength(1);
    // The deputy is now invited to the Teams meeting as the agency's deputy.
    expect(await eventWrites()).toBeGreaterThan(writesBeforeApology);
    const detail = await apiGet<{ invitees: { displayName: string; kind: string }[] }>(
      coordinator,
      `/meetings/${meetingId}`,
    );
    expect(detail.invitees.find((i) => i.displayName === 'Taylor Fictionly')?.kind).toBe('deputy');

    // The rep asks for the third case to move to the first slot; the coordinator accepts.
    await rep.getByRole('button', { name: 'I accept the confidentiality declaration' }).click();
    const ask = rep.getByRole('form', { name: 'Ask for a case to move' });
    await ask
      .getByRole('combobox', { name: 'Case' })
      .selectOption({ label: `${third!.position}. ${third!.caseNumber}` });
    await ask.getByRole('combobox', { name: 'Move to slot' }).selectOption('1');
    await ask.getByRole('button', { name: 'Ask to move' }).click();
    await rep.getByText('Your request is with the chair.').waitFor();
    await rep
      .getByRole('table', { name: 'Your agency’s move requests' })
      .getByText('Waiting for a decision')
      .waitFor();

    await coordinator.reload();
    const requests = coordinator.getByRole('table', { name: 'Move requests' });
    await requests
      .getByRole('button', { name: `Accept the move of case ${third!.caseNumber}` })
      .click();
    await requests.getByText('Accepted').waitFor();
    await screenshot(coordinator, 'case-people-move-accepted');
    const moved = await apiGet<{ items: { id: string; position: number }[] }>(
      coordinator,
      `/meetings/${meetingId}/agenda`,
    );
    expect(moved.items.find((i) => i.id === third!.id)?.position).toBe(1);
    expect(await audit(coordinator, 'agenda.move-approve')).toHaveLength(1);
    await rep.reload();
    await rep
      .getByRole('table', { name: 'Your agency’s move requests' })
      .getByText('Accepted')
      .waitFor();
    // The three sections at phone width, each on its own (the whole workspace is too long).
    for (const width of [390, 320]) {
      await coordinator.setViewportSize({ width, height: 900 });
      for (const [title, name] of [
        ['People for one case', 'people'],
        ['Apologies and deputies', 'apologies'],
        ['Requests to move a case', 'moves'],
      ] as const)
        await coordinator
          .locator('.fui-Card', { has: coordinator.getByRole('heading', { name: title }) })
          .screenshot({ path: path.join(SCREENSHOT_DIR, `case-people-${name}-${width}.png`) });
    }
    await expectNoAxeViolations(coordinator, 'the meeting workspace');

    // The outbox worker runs each minute: by now the invitation and the deputy's mail went out
    // through Graph (their content is checked for personal data in test/pre-meeting).
    await expect
      .poll(mailsSent, { timeout: 120_000, interval: 2_000 })
      .toBeGreaterThan(mailsBefore + 1);

    expect([...errors, ...keyworkerErrors, ...repErrors]).toEqual([]);
    // The outbox worker's one-minute schedule may need most of a minute more than the steps.
  }, 240_000);
});

/**
 * Research returns in Chromium, on the real service in demo mode (FR-038..FR-041, IS-08):
 * agencies return research, a nil return and a written submission in the meeting tab; a return
 * for a case the agency is not involved in is refused and nothing is saved; the coordinator
 * sees the grid per case and agency with counts (at full width, 390 px and 320 px); the demo
 * meeting room plays the meeting to its end, and the research is destroyed then: the stored
 * rows say so through the tab API and the audit log holds the purge (ids and counts only).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { type RunningService, startService } from './support/service.js';
import { expectNoAxeViolations, pageErrors, signInAs } from './support/tab.js';

const MEETING = demoUuid('meeting:next');
const HOUSING_AGENCY = demoUuid('agency:housing');
const POLICE_AGENCY = demoUuid('agency:police');
const MEETING_PAGE = `/tab/meeting?meetingId=${MEETING}`;

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

/** The tab API as the signed-in person (the page's own demo token). */
async function apiCall<T>(
  page: Page,
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ p, m, b }) => {
      const token = sessionStorage.getItem('marac.demoToken');
      const res = await fetch(`/api${p}`, {
        method: m,
        headers: {
          authorization: `Bearer ${token}`,
          ...(b === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    },
    { p: path, m: method, b: body },
  ) as Promise<{ status: number; body: T }>;
}

interface Mine {
  cases: {
    agendaItemId: string;
    caseNumber: string;
    return: { status: string; information: string | null; destroyed: boolean } | null;
  }[];
}
interface Grid {
  destroyed: boolean;
  totals: Record<string, number>;
  cases: {
    agendaItemId: string;
    caseNumber: string;
    cells: { agencyId: string; cell: string }[];
  }[];
}

async function openMeetingAs(who: string): Promise<Page> {
  const page = await browser.newPage();
  await signInAs(page, service.url, who, MEETING_PAGE);
  await page.waitForURL((url) => url.pathname === '/tab/meeting');
  await page.getByRole('button', { name: 'I accept the confidentiality declaration' }).click();
  await page.getByRole('list', { name: 'Cases' }).waitFor();
  return page;
}

/** Fills one case's return in "My agency's research" and saves it. */
async function returnFor(
  page: Page,
  caseNumber: string,
  choice: RegExp,
  text?: { information: string; reason: string },
) {
  const card = page
    .getByRole('list', { name: 'Research returns by case' })
    .getByRole('group', { name: `Case ${caseNumber}` });
  await card.getByRole('button', { name: /^(Return research|Change the return)$/ }).click();
  await card.getByRole('radio', { name: choice }).check();
  if (text) {
    await card.getByLabel('Information your agency holds').fill(text.information);
    await card.getByLabel('Why it is being shared').fill(text.reason);
  }
  await card.getByRole('button', { name: 'Save the return' }).click();
  await card.getByRole('button', { name: 'Change the return' }).waitFor();
}

describe('research returns, the grid, and research destroyed after the meeting', () => {
  let housingCases: string[] = [];

  it('the housing representative returns information and a nil return; a field left empty is named', async () => {
    const page = await openMeetingAs('Jamie Dummerton');
    const errors = pageErrors(page);
    const section = page.getByRole('list', { name: 'Research returns by case' });
    await section.waitFor();
    const mine = (await apiCall<Mine>(page, `/meetings/${MEETING}/research/mine`)).body;
    housingCases = mine.cases.map((c) => c.caseNumber);
    expect(housingCases.length).toBeGreaterThanOrEqual(2);

    // Saving information without saying why names the field, next to it.
    const first = section.getByRole('group', { name: `Case ${housingCases[0]}` });
    await first.getByRole('button', { name: 'Return research' }).click();
    await first.getByLabel('Information your agency holds').fill('Two reports of disturbance');
    await first.getByRole('button', { name: 'Save the return' }).click();
    await first.getByText('Say why this information is being shared.').waitFor();
    await screenshot(page, 'research-return-field-error');
    await first.getByLabel('Why it is being shared').fill('Risk to the victim at the address');
    await first.getByRole('button', { name: 'Save the return' }).click();
    await first.getByRole('button', { name: 'Change the return' }).waitFor();

    await returnFor(page, housingCases[1]!, /^Nil return/);
    await screenshot(page, 'research-returns-housing');
    await expectNoAxeViolations(page, 'my agency’s research');

    const stored = (await apiCall<Mine>(page, `/meetings/${MEETING}/research/mine`)).body;
    expect(stored.cases.slice(0, 2).map((c) => [c.caseNumber, c.return?.status])).toEqual([
      [housingCases[0], 'submitted'],
      [housingCases[1], 'nil-return'],
    ]);
    expect(stored.cases[0]?.return?.information).toBe('Two reports of disturbance');
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await section.scrollIntoViewIfNeeded();
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('[aria-label="Research returns by case"] *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .map((e) => e.textContent?.slice(0, 40)),
      );
      expect(outside, `past the edge at ${width} px`).toEqual([]);
      await screenshot(page, `research-returns-housing-${width}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the police representative sends a written submission; a return for a case police is not on is refused', async () => {
    const page = await openMeetingAs('Sam Testbury');
    const mine = (await apiCall<Mine>(page, `/meetings/${MEETING}/research/mine`)).body;
    await returnFor(page, mine.cases[0]!.caseNumber, /^Written submission/, {
      information: 'Nobody can attend; bail conditions remain in place',
      reason: 'Safety planning',
    });
    await screenshot(page, 'research-returns-police');

    // A case police is not involved in: a plain refusal, nothing saved.
    const asCoordinator = await browser.newPage();
    await signInAs(asCoordinator, service.url, 'Morgan Exampleton');
    await apiCall(asCoordinator, `/meetings/${MEETING}/declaration`, 'POST');
    const grid = (await apiCall<Grid>(asCoordinator, `/meetings/${MEETING}/research/grid`)).body;
    const notPolice = grid.cases.find((c) => !c.cells.some((x) => x.agencyId === POLICE_AGENCY));
    expect(notPolice).toBeDefined();
    const refused = await apiCall<{ error: { message: string } }>(
      page,
      `/meetings/${MEETING}/research/cases/${notPolice!.agendaItemId}`,
      'PUT',
      { status: 'nil-return' },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/not listed as involved in this case/);
    const after = (await apiCall<Grid>(asCoordinator, `/meetings/${MEETING}/research/grid`)).body;
    expect(after.totals).toEqual(grid.totals);
    await asCoordinator.close();
    await page.close();
  });

  it('the coordinator sees the grid per case and agency with counts, at every width', async () => {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await signInAs(page, service.url, 'Morgan Exampleton', MEETING_PAGE);
    await page.waitForURL((url) => url.pathname === '/tab/meeting');
    const region = page.getByRole('list', { name: 'Research by case' });
    await region.waitFor();
    const grid = (await apiCall<Grid>(page, `/meetings/${MEETING}/research/grid`)).body;
    expect(grid.totals).toMatchObject({
      submitted: 1,
      'nil-return': 1,
      'written-submission': 1,
    });
    expect(await page.getByText(/^Due by .*Missing: \d+$/).textContent()).toContain(
      `Information returned: 1 · Nil return: 1 · No involvement: 0 · Written submission: 1 · Missing: ${grid.totals.missing}`,
    );
    const housingRow = region
      .getByRole('list', { name: `Agencies on case ${housingCases[0]}` })
      .getByRole('listitem')
      .filter({ hasText: 'Housing' });
    expect(await housingRow.textContent()).toContain('Information returned');
    const row = grid.cases.find((c) => c.caseNumber === housingCases[0])!;
    expect(row.cells.find((c) => c.agencyId === HOUSING_AGENCY)?.cell).toBe('submitted');
    // The leads read one case's returns in full.
    await region
      .getByRole('listitem')
      .filter({ hasText: `Case ${housingCases[0]}` })
      .first()
      .getByRole('button', { name: 'Read the returns' })
      .click();
    await region.getByText('Two reports of disturbance').waitFor();
    await screenshot(page, 'research-grid-full');
    await expectNoAxeViolations(page, 'research grid');
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await region.scrollIntoViewIfNeeded();
      // Nothing of the grid reaches past the right edge of the window (clipped or scrolling).
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('[aria-label="Research by case"] *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .map((e) => e.textContent?.slice(0, 40)),
      );
      expect(outside, `past the edge at ${width} px`).toEqual([]);
      await screenshot(page, `research-grid-${width}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the meeting runs to its end; the research is destroyed then, audited, and no longer shown', async () => {
    const room = await browser.newPage();
    await room.goto(`${service.url}/demo/meeting-room/${MEETING}`);
    await room.getByRole('button', { name: 'Start the meeting' }).click();
    await room.getByText('Running', { exact: true }).waitFor();
    await room.getByRole('button', { name: 'End the meeting' }).click();
    await room.getByText('Ended', { exact: true }).waitFor();
    await room.close();

    const page = await browser.newPage();
    await signInAs(page, service.url, 'Morgan Exampleton', MEETING_PAGE);
    await page.waitForURL((url) => url.pathname === '/tab/meeting');
    await expect
      .poll(
        async () =>
          (await apiCall<Grid>(page, `/meetings/${MEETING}/research/grid`)).body.destroyed,
      )
      .toBe(true);
    const grid = (await apiCall<Grid>(page, `/meetings/${MEETING}/research/grid`)).body;
    // What each agency returned stays; the text is gone.
    expect(grid.totals).toMatchObject({ submitted: 1, 'nil-return': 1, 'written-submission': 1 });
    const detail = await apiCall<{
      agencies: { agencyId: string; return: { information: string | null; destroyed: boolean } }[];
    }>(
      page,
      `/meetings/${MEETING}/research/cases/${grid.cases.find((c) => c.caseNumber === housingCases[0])!.agendaItemId}`,
    );
    expect(detail.body.agencies.find((a) => a.agencyId === HOUSING_AGENCY)?.return).toMatchObject({
      information: null,
      destroyed: true,
    });
    const audit = await apiCall<{
      entries: { action: string; actor: { kind: string }; detail: Record<string, unknown> }[];
    }>(page, `/audit?recordType=meeting&recordId=${MEETING}&limit=200`);
    const purge = audit.body.entries.filter((e) => e.action === 'research.purge');
    expect(purge).toEqual([
      expect.objectContaining({ actor: { kind: 'job' }, detail: { submissions: 3 } }),
    ]);
    await page.getByText(/research text has been destroyed/).waitFor();
    await screenshot(page, 'research-grid-destroyed');
    await page.close();

    // The housing representative no longer sees its text, and new returns are refused.
    const housing = await browser.newPage();
    await signInAs(housing, service.url, 'Jamie Dummerton', MEETING_PAGE);
    await housing.waitForURL((url) => url.pathname === '/tab/meeting');
    await housing.getByText('This meeting is over: research is no longer taken.').waitFor();
    const section = housing.getByRole('list', { name: 'Research returns by case' });
    await section.getByText('Destroyed after the meeting').first().waitFor();
    expect(await section.textContent()).not.toContain('Two reports of disturbance');
    await screenshot(housing, 'research-returns-after-meeting');
    await housing.close();
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.js';
import { type RunningService, startService } from './support/service.js';
import { expectNoAxeViolations, pageErrors, signInAs } from './support/tab.js';

let service: RunningService;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let meetingPath: string;

beforeAll(async () => {
  service = await startService();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).first().textContent();

describe('a representative reads the case list after the declaration (FR-046)', () => {
  it('signs in, sees My MARAC, accepts the declaration and reads the case list', async () => {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await signInAs(page, service.url, 'Sam Testbury');
    await expect.poll(() => h1(page)).toBe('My MARAC');
    const details = page.getByRole('link', { name: 'Meeting details' }).first();
    await details.waitFor();
    meetingPath = (await details.getAttribute('href')) as string;
    expect(meetingPath).toMatch(/^\/tab\/meeting\?meetingId=[0-9a-f-]{36}$/);
    // Join times come from the case list, so only after the declaration.
    await page.getByRole('link', { name: 'Accept the confidentiality declaration' }).waitFor();
    await page
      .getByRole('region', { name: 'My actions' })
      .or(page.getByText(/not available yet|Nothing here/i))
      .first()
      .waitFor();
    await screenshot(page, 'my-marac-before-declaration');
    await expectNoAxeViolations(page);

    await details.click();
    await page.getByRole('heading', { name: 'Confidentiality declaration' }).waitFor();
    // No case content before the declaration.
    expect(await page.getByRole('list', { name: 'Cases' }).count()).toBe(0);
    expect(await page.textContent('body')).not.toMatch(/Victim|Perpetrator/);
    await screenshot(page, 'meeting-details-declaration');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'I accept the confidentiality declaration' }).click();
    const cases = page.getByRole('list', { name: 'Cases' });
    await cases.waitFor();
    const count = await cases.locator(':scope > li').count();
    expect(count).toBeGreaterThanOrEqual(14);
    expect(
      await page.getByRole('heading', { level: 2, name: /Case list \(\d+ cases\)/ }).count(),
    ).toBe(1);
    // The representative's own agency's cases have join times.
    const joins = page.getByRole('list', { name: 'Join times' });
    await joins.waitFor();
    expect(await joins.textContent()).toMatch(/join at \d\d:\d\d/);
    expect(await cases.textContent()).toMatch(/Victim/);
    await screenshot(page, 'meeting-details-case-list');
    await expectNoAxeViolations(page);

    // Back in My MARAC the join times now show.
    await page.goto(`${service.url}/tab/my-marac`);
    await page.getByRole('list', { name: "My cases' join times" }).waitFor();
    await screenshot(page, 'my-marac');
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  it('follows the dark and high-contrast themes with no accessibility violations', async () => {
    for (const theme of ['dark', 'contrast']) {
      const page = await browser.newPage();
      await signInAs(page, service.url, 'Sam Testbury');
      // The browser theme is read when the app starts (inside Teams it follows the Teams theme).
      await page.goto(`${service.url}${meetingPath}&theme=${theme}`);
      await page.getByRole('list', { name: 'Cases' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await screenshot(page, `meeting-details-${theme}`);
      await expectNoAxeViolations(page);
      await page.close();
    }
  });
});

describe('role tests (REQUIREMENTS.md §1.2)', () => {
  it('a representative of an agency without a signatory (so uninvited) sees no case list', async () => {
    const page = await browser.newPage();
    await signInAs(page, service.url, 'Ellis Pendingham', meetingPath);
    await page.getByText("You cannot see this meeting's case list").waitFor();
    expect(await page.getByRole('list', { name: 'Cases' }).count()).toBe(0);
    expect(
      await page.getByRole('button', { name: 'I accept the confidentiality declaration' }).count(),
    ).toBe(0);
    expect(await page.textContent('body')).toContain('information-sharing agreement');
    await screenshot(page, 'role-uninvited-agency');
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('an observer cannot volunteer or close actions and sees no case list outside the meeting', async () => {
    const page = await browser.newPage();
    await signInAs(page, service.url, 'Oakley Watchfield');
    await expect.poll(() => h1(page)).toBe('My MARAC');
    await page.getByText('does not own actions').waitFor();
    expect(
      await page.getByRole('button', { name: /Complete|Cannot be achieved|Volunteer/ }).count(),
    ).toBe(0);
    await page.goto(`${service.url}${meetingPath}`);
    await page.getByText('Observers see the case list only during the meeting.').waitFor();
    expect(await page.getByRole('list', { name: 'Cases' }).count()).toBe(0);
    await screenshot(page, 'role-observer');
    await page.close();
  });

  it('the steering group sees no case list and no coordinator workspace', async () => {
    const page = await browser.newPage();
    await signInAs(page, service.url, 'Marlowe Boardman', meetingPath);
    await page.getByText('Your role does not include seeing case lists.').waitFor();
    expect(await page.getByRole('list', { name: 'Cases' }).count()).toBe(0);
    await page.goto(`${service.url}/coordinator/schedule`);
    await expect.poll(() => h1(page)).toBe('Not available for your role');
    expect(await page.getByRole('table').count()).toBe(0);
    await screenshot(page, 'role-steering');
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('nothing renders before sign-in: a signed-out visit goes to the sign-in page', async () => {
    const page = await browser.newPage();
    await page.goto(`${service.url}${meetingPath}`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe(meetingPath);
    await page.getByRole('list', { name: 'Demo people' }).waitFor();
    await screenshot(page, 'sign-in');
    await expectNoAxeViolations(page);
    await page.close();
  });
});

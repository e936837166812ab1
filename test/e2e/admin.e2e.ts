import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { launchBrowser, SCREENSHOT_DIR, screenshot } from './support/browser.js';
import { type RunningService, startService } from './support/service.js';
import { expectNoAxeViolations, pageErrors, signInAs } from './support/tab.js';

/**
 * The coordinator keeps the area up in the app: adds an agency with its signatory, adds a
 * person found in the directory, nominates the agency's representative and deputy, edits a
 * policy group; the new person then signs in with the demo sign-in.
 */
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

/** A screenshot of one part of the page (the whole page is too long to read). */
async function shot(locator: Locator, name: string) {
  await locator.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

describe('area administration', () => {
  it('adds an agency and people, nominates, edits the policy; the new person signs in', async () => {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await signInAs(page, service.url, 'Morgan Exampleton', '/coordinator/area');
    await page.getByRole('heading', { level: 1, name: 'Area set-up' }).waitFor();
    const people = page.getByRole('table', { name: 'People' });
    await people.waitFor();
    // Everyone seeded is active (the list used to show "No" for all).
    expect(await people.getByText('Deactivated').count()).toBe(0);
    expect(await people.getByText('Active', { exact: true }).count()).toBeGreaterThan(3);

    // An agency with its information-sharing signatory record: eligible at once.
    const addAgency = page.getByRole('form', { name: 'Add an agency' });
    await addAgency.getByLabel('Agency name').fill('Northfield Fire and Rescue');
    await addAgency.getByLabel('Membership').selectOption('approved');
    await addAgency.getByLabel('Signed by').fill('A. Director');
    await addAgency.getByLabel('Date signed').fill('2026-11-02');
    await addAgency.getByLabel('Review date').fill('2027-11-02');
    await addAgency
      .getByLabel('Data protection officer', { exact: true })
      .fill('Data Protection Officer');
    await addAgency
      .getByLabel('Data protection officer’s e-mail')
      .fill('dpo@northfield-fire.example');
    await addAgency.getByRole('checkbox', { name: /authority to sign/ }).check();
    await addAgency.getByRole('button', { name: 'Add agency' }).click();
    await addAgency.getByText('Agency added.').waitFor();
    const agencies = page.getByRole('table', { name: 'Agencies' });
    const fireRow = agencies.getByRole('row').filter({ hasText: 'Northfield Fire and Rescue' });
    await fireRow.getByText('Signed: may receive').waitFor();

    // Two people found in the directory (one a guest from another organisation), in that agency.
    const find = page.getByRole('search', { name: 'Find someone in the directory' });
    const results = page.getByRole('list', { name: 'Directory results' });
    for (const [query, name] of [
      ['whit', 'Jo Whitlock'],
      ['fairw', 'Tom Fairweather'],
    ] as const) {
      await find.getByRole('searchbox').fill(query);
      await find.getByRole('button', { name: 'Search the directory' }).click();
      await results.getByRole('button', { name: `Choose ${name}` }).click();
      const add = page.getByRole('form', { name: `Add ${name}` });
      await add
        .getByRole('combobox', { name: 'Agency' })
        .selectOption({ label: 'Northfield Fire and Rescue' });
      await add.getByRole('button', { name: `Add ${name}` }).click();
      await people.getByText(name).waitFor();
    }
    // Adding again is not offered.
    await find.getByRole('searchbox').fill('jo.whit');
    await find.getByRole('button', { name: 'Search the directory' }).click();
    await results.getByText('Already added').waitFor();

    // Nominate the representative and deputy.
    await fireRow.getByRole('button', { name: 'Change Northfield Fire and Rescue' }).click();
    const nominations = page.getByRole('form', {
      name: 'Representative and deputy of Northfield Fire and Rescue',
    });
    await nominations
      .getByRole('combobox', { name: 'Representative' })
      .selectOption({ label: 'Jo Whitlock' });
    await nominations
      .getByRole('combobox', { name: 'Deputy' })
      .selectOption({ label: 'Tom Fairweather' });
    await nominations.getByRole('button', { name: 'Save nominations' }).click();
    await fireRow.getByText('Deputy: Tom Fairweather').waitFor();
    await shot(
      page.getByRole('region', { name: 'Change Northfield Fire and Rescue' }),
      'admin-agency-1280',
    );

    // A policy group: a bad value is refused in plain words next to its field, then saved.
    const meetings = page.getByRole('form', { name: 'Meetings settings' });
    await meetings.getByLabel('Minutes per case').fill('0');
    await meetings.getByRole('button', { name: 'Save meetings settings' }).click();
    await meetings.getByText('Enter a whole number of minutes from 1 to 120.').waitFor();
    await shot(meetings, 'admin-policy-error-1280');
    await meetings.getByLabel('Minutes per case').fill('12');
    await meetings.getByLabel('How often the MARAC meets').selectOption('monthly');
    await meetings.getByRole('button', { name: 'Save meetings settings' }).click();
    await meetings.getByText('Meetings settings saved.').waitFor();
    expect(await meetings.getByText('Enter a whole number').count()).toBe(0);
    await shot(
      page.getByRole('form', { name: 'Actions and chasing settings' }),
      'admin-policy-actions-1280',
    );

    // Search the people table.
    await page.getByRole('searchbox', { name: 'Search people' }).fill('whitlock');
    await expect.poll(() => people.getByRole('row').count()).toBe(2);
    await people.getByText('Agency representative').waitFor();
    await screenshot(page, 'admin-people-1280');
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot(page, 'admin-area-320');
    await shot(page.getByRole('form', { name: 'Meetings settings' }), 'admin-policy-320');
    await shot(page.getByRole('table', { name: 'People' }), 'admin-people-table-320');
    await shot(
      page.getByRole('region', { name: 'Change Northfield Fire and Rescue' }),
      'admin-agency-320',
    );
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);

    // The new person signs in with the demo sign-in.
    const theirs = await browser.newPage();
    await signInAs(theirs, service.url, 'Jo Whitlock');
    await theirs.getByText('Jo Whitlock').first().waitFor();

    // Deactivated: their access ends at once, and they are told whom to ask.
    await people.getByRole('button', { name: 'Change Jo Whitlock' }).click();
    await page
      .getByRole('form', { name: 'Change Jo Whitlock' })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    await page.getByRole('searchbox', { name: 'Search people' }).fill('');
    await page.getByRole('combobox', { name: 'Show' }).selectOption('inactive');
    await people.getByText('Deactivated').waitFor();
    await theirs.reload();
    await theirs
      .getByRole('heading', { name: 'You have not been given access to this MARAC' })
      .waitFor();
    await theirs.getByText('Ask your MARAC coordinator to add you.').waitFor();
    await theirs.setViewportSize({ width: 320, height: 700 });
    await screenshot(theirs, 'admin-not-a-member-320');
    await theirs.close();
    // The coordinator sees the refused attempt.
    await page.reload();
    const refusals = page.getByRole('table', { name: 'Refused sign-ins' });
    await refusals.getByText('Jo Whitlock').waitFor();
    await refusals.getByText(/Deactivated: reactivate them/).waitFor();
    await shot(refusals, 'admin-refusals-1280');
    expect(errors).toEqual([]);
  });
});

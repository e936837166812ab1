import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.js';
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

describe('area administration', () => {
  it('adds a person from the directory, and they can then sign in', async () => {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await signInAs(page, service.url, 'Morgan Exampleton', '/coordinator/area');
    await page.getByRole('heading', { level: 1, name: 'Area set-up' }).waitFor();
    const people = page.getByRole('table', { name: 'People' });
    await people.waitFor();
    // Everyone seeded is active (the list used to show "No" for all).
    expect(await people.getByText('Deactivated').count()).toBe(0);
    expect(await people.getByText('Active', { exact: true }).count()).toBeGreaterThan(3);

    // Find a guest from the refuge in the directory and add them.
    const find = page.getByRole('search', { name: 'Find someone in the directory' });
    await find.getByRole('searchbox').fill('whit');
    await find.getByRole('button', { name: 'Search the directory' }).click();
    const results = page.getByRole('list', { name: 'Directory results' });
    await results.getByText('Jo Whitlock').waitFor();
    await results.getByRole('button', { name: 'Choose Jo Whitlock' }).click();
    const add = page.getByRole('form', { name: 'Add Jo Whitlock' });
    await add.getByRole('checkbox', { name: 'Observer' }).check();
    await add.getByRole('button', { name: 'Add Jo Whitlock' }).click();
    await people.getByText('jo.whitlock@harbour-refuge.example').waitFor();

    // Adding again is refused in plain words, nothing saved twice.
    await find.getByRole('searchbox').fill('jo.whit');
    await find.getByRole('button', { name: 'Search the directory' }).click();
    await results.getByText('Already added').waitFor();

    // Search the table.
    await page.getByRole('searchbox', { name: 'Search people' }).fill('whitlock');
    await expect.poll(() => people.getByRole('row').count()).toBe(2);
    await screenshot(page, 'admin-people-1280');
    await page.setViewportSize({ width: 320, height: 800 });
    await screenshot(page, 'admin-people-320');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);

    // The new person signs in with the demo sign-in.
    const theirs = await browser.newPage();
    await signInAs(theirs, service.url, 'Jo Whitlock');
    await theirs.getByText('Jo Whitlock').first().waitFor();
    await theirs.close();
  });
});

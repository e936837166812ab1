import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_PERMISSIONS } from '../../graph/permissions.js';
import { sharedMailboxUser, type SimUser } from '../../graph/simulator/directory.js';
import { type RunningSimulator, startSimulator } from '../../graph/simulator/start-simulator.js';
import { PgDb } from '../../store/pg-db.js';
import { launchBrowser, SCREENSHOT_DIR, screenshot } from './support/browser.js';
import { type RunningService, startService } from './support/service.js';
import { pageErrors } from './support/tab.js';

/**
 * The first run of a real area, in production mode against a simulated tenant on its own port:
 * an empty PostgreSQL database, `npm run setup` makes the area and its first coordinator (found
 * in the directory), who signs in, adds an agency with its signatory and approves it, adds
 * people found in the directory, nominates a representative and deputy, edits every policy
 * group; each new person can then sign in. Bad input is refused in plain words, nothing saved.
 *
 * Signing in: in production the tab gets its token from Teams SSO (or MSAL in a browser), which
 * the simulated tenant has no interactive page for. The browser is therefore handed a token the
 * simulated Entra signs for the person, as Teams would, through the tab's token store; the
 * service validates it exactly as it validates an Entra token (issuer, keys, audience, tenant).
 */
const TENANT = '00000000-0000-4000-8000-0000000f1a57';
const APP = '00000000-0000-4000-8000-0000000f1a5a';
const SECRET = randomBytes(18).toString('base64url');
const MAILBOX = 'marac.coordinator@northfield-council.example';
const user = (id: string, name: string, mail: string, guest = false): SimUser => ({
  id,
  displayName: name,
  mail,
  userPrincipalName: guest ? `${mail.replace('@', '_')}#EXT#@northfield.onmicrosoft.com` : mail,
  ...(guest ? { userType: 'Guest' as const } : {}),
});
const COORDINATOR = user(
  '6c1f3a2e-8b4d-4e5f-9a0b-1c2d3e4f5a01',
  'Jo Marsh',
  'jo.marsh@northfield-council.example',
);
const REP = user(
  '6c1f3a2e-8b4d-4e5f-9a0b-1c2d3e4f5a02',
  'Sam Ashdown',
  'sam.ashdown@northfield-fire.example',
  true,
);
const DEPUTY = user(
  '6c1f3a2e-8b4d-4e5f-9a0b-1c2d3e4f5a03',
  'Priya Brookfield',
  'priya.brookfield@northfield-fire.example',
  true,
);
const FIREFIGHTER = user(
  '6c1f3a2e-8b4d-4e5f-9a0b-1c2d3e4f5a04',
  'Lee Harcourt',
  'lee.harcourt@northfield-fire.example',
  true,
);
const FIRE_GROUP = {
  id: '6c1f3a2e-8b4d-4e5f-9a0b-1c2d3e4f5b01',
  displayName: 'Northfield Fire MARAC staff',
  mail: 'fire-marac@northfield-fire.example',
  members: [REP.id, DEPUTY.id, FIREFIGHTER.id],
};

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const DATABASE = `marac_first_run_${randomBytes(4).toString('hex')}`;
const databaseUrl = () => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
};

let sim: RunningSimulator;
let service: RunningService;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  const admin = new PgDb({ connectionString: ADMIN_URL, max: 1 });
  await admin.exec(`CREATE DATABASE ${DATABASE}`);
  await admin.close();
  sim = await startSimulator({
    tenantId: TENANT,
    users: [sharedMailboxUser(MAILBOX), COORDINATOR, REP, DEPUTY, FIREFIGHTER],
    groups: [FIRE_GROUP],
    apps: [{ appId: APP, secrets: [SECRET], graphRoles: [...APPLICATION_PERMISSIONS] }],
  });
  dataDir = await mkdtemp(path.join(tmpdir(), 'marac-first-run-'));
  env = {
    MARAC_MODE: 'production',
    MARAC_APP_ID: APP,
    MARAC_APP_TENANT_ID: TENANT,
    MARAC_APP_PASSWORD: SECRET,
    MARAC_MAILBOX: MAILBOX,
    MARAC_GRAPH_BASE_URL: sim.tenant.graphBaseUrl,
    MARAC_AUTHORITY_HOST: sim.tenant.authorityHost,
    MARAC_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl(),
    LOG_LEVEL: 'warn',
  };
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await sim?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  const admin = new PgDb({ connectionString: ADMIN_URL, max: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.close();
});

/** `npm run setup -- …` as the operator runs it, with the service's production settings. */
async function setup(args: string[]): Promise<{ code: number; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/setup.ts', ...args], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, ...env, MARAC_PUBLIC_URL: 'https://marac.northfield.example' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += String(c)));
  child.stderr.on('data', (c) => (output += String(c)));
  const code = await new Promise<number>((r) => child.on('exit', (c) => r(c ?? 1)));
  return { code, output };
}

/** Opens the tab as this person, with the token the simulated Entra signs for them. */
async function openAs(person: SimUser, route: string): Promise<Page> {
  const token = await sim.tenant.entra.issueUserToken({
    tenantId: TENANT,
    objectId: person.id,
    name: person.displayName ?? '',
    preferredUsername: person.mail ?? person.userPrincipalName,
    audience: APP,
  });
  const page = await browser.newPage();
  // The tab's token store (what Teams SSO fills inside Teams): the client reads it from here.
  await page.route('**/api/client-config', (r) =>
    r.fulfill({
      json: { mode: 'demo', clientId: APP, authority: '', scopes: [] },
    }),
  );
  await page.addInitScript((t) => sessionStorage.setItem('marac.demoToken', t), token);
  await page.goto(`${service.url}${route}`);
  return page;
}

async function api(person: SimUser, method: string, route: string, body?: unknown) {
  const token = await sim.tenant.entra.issueUserToken({
    tenantId: TENANT,
    objectId: person.id,
    name: person.displayName ?? '',
    preferredUsername: person.mail ?? '',
    audience: APP,
  });
  const res = await fetch(`${service.url}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('first run in a real tenant', () => {
  it('sets up the area from nothing, and the coordinator keeps it up in the app', async () => {
    const made = await setup([
      '--area',
      'Northfield MARAC',
      '--coordinator',
      COORDINATOR.userPrincipalName,
    ]);
    expect(made.output).toContain('Northfield MARAC');
    expect(made.code).toBe(0);
    const again = await setup(['--area', 'Other MARAC', '--coordinator', REP.userPrincipalName]);
    expect(again.code).not.toBe(0);

    service = await startService({ ...env, MARAC_PUBLIC_URL: 'https://marac.northfield.example' });
    const page = await openAs(COORDINATOR, '/coordinator/area');
    const errors = pageErrors(page);
    await page.getByRole('heading', { level: 1, name: 'Area set-up' }).waitFor();
    const people = page.getByRole('table', { name: 'People' });
    await people.getByText('Jo Marsh').waitFor();

    // An applying agency with its signatory record, then approved.
    const addAgency = page.getByRole('form', { name: 'Add an agency' });
    await addAgency.getByLabel('Agency name').fill('Northfield Fire and Rescue');
    await addAgency.getByLabel('Membership').selectOption('applied');
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
    await fireRow.getByText('Receives nothing').waitFor();
    await fireRow.getByRole('button', { name: 'Change Northfield Fire and Rescue' }).click();
    await page.getByRole('button', { name: 'Approve Northfield Fire and Rescue' }).click();
    await fireRow.getByText('Signed: may receive').waitFor();

    // People found in the directory (guests from the agency), in that agency.
    const find = page.getByRole('search', { name: 'Find someone in the directory' });
    const results = page.getByRole('list', { name: 'Directory results' });
    for (const [query, name] of [
      ['ashd', 'Sam Ashdown'],
      ['brookf', 'Priya Brookfield'],
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

    // The rest of the agency's MARAC staff from their directory group: the two already added
    // are skipped, the third is added.
    const groupSearch = page.getByRole('search', { name: 'Find a directory group' });
    await groupSearch.getByRole('searchbox').fill('Northfield Fire');
    await groupSearch.getByRole('button', { name: 'Search for groups' }).click();
    await page
      .getByRole('list', { name: 'Groups found' })
      .getByRole('button', { name: 'Choose Northfield Fire MARAC staff' })
      .click();
    const confirm = page.getByRole('form', {
      name: 'Add the people of Northfield Fire MARAC staff',
    });
    await confirm.getByText('3 people, 1 to add').waitFor();
    await confirm
      .getByRole('combobox', { name: 'Their agency' })
      .selectOption({ label: 'Northfield Fire and Rescue' });
    await confirm.getByRole('checkbox', { name: 'Keyworker' }).check();
    await confirm.getByRole('button', { name: 'Add 1 person' }).click();
    const added = page.getByRole('region', {
      name: 'People added from Northfield Fire MARAC staff',
    });
    await added.getByText('One person added from Northfield Fire MARAC staff; 2 skipped').waitFor();
    expect(await added.getByText('Already added: skipped').count()).toBe(2);
    await people.getByText('Lee Harcourt').waitFor();
    await page.setViewportSize({ width: 320, height: 800 });
    await added.screenshot({ path: path.join(SCREENSHOT_DIR, 'first-run-group-added-320.png') });
    await page.setViewportSize({ width: 1280, height: 800 });

    // The representative and deputy.
    const editor = page.getByRole('region', { name: 'Change Northfield Fire and Rescue' });
    if (!(await editor.isVisible()))
      await fireRow.getByRole('button', { name: 'Change Northfield Fire and Rescue' }).click();
    const nominations = page.getByRole('form', {
      name: 'Representative and deputy of Northfield Fire and Rescue',
    });
    await nominations
      .getByRole('combobox', { name: 'Representative' })
      .selectOption({ label: 'Sam Ashdown' });
    await nominations
      .getByRole('combobox', { name: 'Deputy' })
      .selectOption({ label: 'Priya Brookfield' });
    await nominations.getByRole('button', { name: 'Save nominations' }).click();
    await fireRow.getByText('Deputy: Priya Brookfield').waitFor();

    // Every policy group: a bad value is refused next to its field, then each group is saved.
    const meetings = page.getByRole('form', { name: 'Meetings settings' });
    await meetings.getByLabel('Minutes per case').fill('0');
    await meetings.getByRole('button', { name: 'Save meetings settings' }).click();
    await meetings.getByText('Enter a whole number of minutes from 1 to 120.').waitFor();
    expect((await api(COORDINATOR, 'GET', '/api/area')).body.policy.minutesPerCase).toBe(10);
    await meetings.getByLabel('Minutes per case').fill('12');
    await meetings.getByLabel('How often the MARAC meets').selectOption('monthly');
    await meetings.getByLabel('Usual meeting day').selectOption('tuesday');
    const edits: [string, (form: ReturnType<Page['getByRole']>) => Promise<void>][] = [
      ['Meetings', async () => undefined],
      ['Circulation', (f) => f.getByLabel('Written submissions due').fill('3')],
      ['Actions and chasing', (f) => f.getByLabel('Reminders start at').fill('08:30')],
      [
        'Attendance and cameras',
        async (f) => {
          await f.getByLabel('Agencies attend').selectOption('leave-after-own-case');
        },
      ],
      ['Data protection', (f) => f.getByLabel('Review cases after').fill('3, 6, 12')],
    ];
    for (const [title, edit] of edits) {
      const form = page.getByRole('form', { name: `${title} settings` });
      await edit(form);
      await form.getByRole('button', { name: `Save ${title.toLowerCase()} settings` }).click();
      await form.getByText(`${title} settings saved.`).waitFor();
    }
    const policy = (await api(COORDINATOR, 'GET', '/api/area')).body.policy;
    expect(policy).toMatchObject({
      minutesPerCase: 12,
      meetingFrequency: 'monthly',
      meetingDay: 'tuesday',
      writtenSubmissionDaysBefore: 3,
      workingHours: { start: '08:30' },
      attendancePolicy: 'leave-after-own-case',
      retention: { caseReviewMonths: [3, 6, 12] },
    });
    await screenshot(page, 'first-run-area-1280');
    expect(errors).toEqual([]);

    // Bad input: plain words on the field, nothing saved.
    const before = (await api(COORDINATOR, 'GET', '/api/area/people')).body.people.length;
    const duplicate = await api(COORDINATOR, 'POST', '/api/area/people', {
      entraObjectId: REP.id,
      agencyId: null,
      roles: [],
    });
    expect(duplicate.status).toBe(400);
    expect(JSON.stringify(duplicate.body)).toContain('This person has already been added.');
    const unknown = await api(COORDINATOR, 'POST', '/api/area/people', {
      entraObjectId: '6c1f3a2e-8b4d-4e5f-9a0b-1c2d3e4f5aff',
      agencyId: null,
      roles: [],
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('not in your organisation’s directory');
    const badPolicy = await api(COORDINATOR, 'PATCH', '/api/area/policy', {
      minutesPerCase: 15,
      capacity: { maxCases: 0, maxSessionMinutes: 240 },
    });
    expect(badPolicy.status).toBe(400);
    expect(JSON.stringify(badPolicy.body)).toContain('Enter a whole number of cases, 1 or more.');
    expect((await api(COORDINATOR, 'GET', '/api/area')).body.policy.minutesPerCase).toBe(12);
    expect((await api(COORDINATOR, 'GET', '/api/area/people')).body.people).toHaveLength(before);

    // Each new person signs in.
    for (const person of [REP, DEPUTY, FIREFIGHTER]) {
      const me = await api(person, 'GET', '/api/me');
      expect(me.status, JSON.stringify(me.body)).toBe(200);
      const theirs = await openAs(person, '/tab/my-marac');
      await theirs
        .getByText(person.displayName as string)
        .first()
        .waitFor();
      await theirs.setViewportSize({ width: 390, height: 800 });
      await screenshot(theirs, `first-run-signed-in-${person.id.slice(-2)}-390`);
      await theirs.close();
    }
  });
});

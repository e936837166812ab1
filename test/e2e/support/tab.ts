import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE = path.resolve(import.meta.dirname, '../../../node_modules/axe-core/axe.min.js');

/** Signs in on the demo sign-in page as the person with this display name, as a person would. */
export async function signInAs(page: Page, baseUrl: string, displayName: string, returnTo = '') {
  await page.goto(
    `${baseUrl}/sign-in${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`,
  );
  await page.getByRole('button', { name: new RegExp(`^${displayName}`) }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let axeText: string | null = null;
const axeSource = () => (axeText ??= readFileSync(AXE, 'utf8'));

/** Runs axe-core on the page as it is now; returns the violations in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the page's CSP (script-src 'self') stays as it is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown) => Promise<unknown> } }).axe;
    // Fluent's focus manager (Tabster) leaves focus-redirecting <i data-tabster-dummy> elements,
    // focusable and aria-hidden on purpose (they move focus on at once and must stay silent to
    // screen readers; microsoft/tabster#288): only those are left out of the check.
    const result = (await axe.run({
      include: [document],
      exclude: [['[data-tabster-dummy]']],
    })) as {
      violations: AxeViolation[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

export async function expectNoAxeViolations(page: Page, what?: string): Promise<void> {
  expect(await axeViolations(page), what).toEqual([]);
}

/** The case-list import file's columns (FR-020 template), and one fictional row of it. */
export const CASE_LIST_HEADER =
  'Case number,Risk level,Risk score,Referring agency,Agencies involved,Summary,Victim name,Victim date of birth,Perpetrator name,Children';
export const caseListRow = (
  caseNumber: string,
  risk: string,
  agency = 'Northfield Police',
  dob = '12/05/1990',
) =>
  [
    caseNumber,
    risk,
    '16',
    agency,
    'Northfield Council Housing Options',
    'Threats after separation',
    'Vera Importwell',
    dob,
    'Pat Importwell',
    '1',
  ].join(',');
/** A CSV case-list file as the coordinator's file picker hands it over. */
export const caseListFile = (name: string, rows: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(`${CASE_LIST_HEADER}\n${rows.join('\n')}\n`),
});

/** Collects uncaught page errors so a test can assert there were none. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

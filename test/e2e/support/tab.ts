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
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } }).axe;
    const result = (await axe.run(document)) as { violations: AxeViolation[] };
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

export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** Collects uncaught page errors so a test can assert there were none. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Every surface, as the role that uses it, at the meeting side panel's 320 px, a phone's 390 px
 * and a desktop's 1280 px: no horizontal scroll (the document is no wider than the window),
 * every button and link inside the window and not cut off by a scrolling or clipping box, and
 * nothing on screen in developer language (requirement ids, code values, schema messages). A
 * screenshot of each goes to test-results/screenshots (sizes-<surface>-<width>.png). The dark
 * and high-contrast themes are checked to render as themes (dark background, no overflow).
 *
 * Then each role starts from its own app tab (the manifest's personal tabs, or the meeting side
 * panel) and reaches its work in at most two clicks.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { plainWordProblems } from '../support/plain-words.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { type RunningService, startService } from './support/service.js';
import { signInAs } from './support/tab.js';

const MEETING = demoUuid('meeting:next');
const COORDINATOR = 'Morgan Exampleton';
const CHAIR = 'Alex Sampleford';
const POLICE = 'Sam Testbury';
const STEERING = 'Marlowe Boardman';
const WIDTHS = [320, 390, 1280] as const;

interface Surface {
  name: string;
  path: string;
}

/** Who opens what: every route of the tab, as the role it is for. */
const BY_ROLE: { who: string | null; surfaces: Surface[] }[] = [
  {
    who: null,
    surfaces: [
      { name: 'landing', path: '/' },
      { name: 'sign-in', path: '/sign-in' },
      { name: 'demo-meeting-room', path: `/demo/meeting-room/${MEETING}` },
    ],
  },
  {
    who: COORDINATOR,
    surfaces: [
      { name: 'coordinator-today', path: '/tab/coordinator' },
      { name: 'coordinator-schedule', path: '/coordinator/schedule' },
      { name: 'coordinator-meeting', path: `/coordinator/meetings/${MEETING}` },
      { name: 'coordinator-actions', path: '/coordinator/actions' },
      { name: 'coordinator-area', path: '/coordinator/area' },
      { name: 'coordinator-audit', path: '/coordinator/audit' },
      { name: 'tab-config', path: '/tab/config' },
      { name: 'reports-home', path: '/tab/reports' },
      { name: 'attendance-report', path: '/reports/attendance' },
    ],
  },
  {
    who: CHAIR,
    surfaces: [
      { name: 'chair-today', path: '/tab/coordinator' },
      { name: 'chair-console', path: `/tab/meeting/chair?meetingId=${MEETING}` },
      {
        name: 'chair-side-panel',
        path: `/tab/meeting?meetingId=${MEETING}&frameContext=sidePanel`,
      },
      { name: 'chair-my-marac', path: '/tab/my-marac' },
    ],
  },
  {
    who: POLICE,
    surfaces: [
      { name: 'rep-my-marac', path: '/tab/my-marac' },
      { name: 'rep-meeting', path: `/tab/meeting?meetingId=${MEETING}` },
      { name: 'rep-side-panel', path: `/tab/meeting?meetingId=${MEETING}&frameContext=sidePanel` },
    ],
  },
  {
    who: STEERING,
    surfaces: [
      { name: 'steering-reports', path: '/tab/reports' },
      { name: 'governance-report', path: '/reports/governance' },
    ],
  },
];

let service: RunningService;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  service = await startService();
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

/** Opens a page and waits until it has drawn: a heading, and no spinner left. */
async function open(path: string): Promise<void> {
  await page.goto(`${service.url}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await expect
    .poll(() => page.locator('.fui-Spinner, [role=progressbar]').count(), { timeout: 20_000 })
    .toBe(0);
}

interface Layout {
  scrollWidth: number;
  clientWidth: number;
  /** Buttons and links outside the window or cut off by a box that clips or scrolls. */
  cutOff: string[];
}

/** Measures the page as drawn: what is wider than the window, what a person cannot reach. */
async function layout(): Promise<Layout> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const cutOff: string[] = [];
    for (const el of document.querySelectorAll('button, a[href], [role=button]')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // not shown
      if (getComputedStyle(el).visibility === 'hidden') continue;
      if (box.left < -1 || box.right > width + 1) {
        cutOff.push(`${describe(el)} is outside the window (${box.left}..${box.right})`);
        continue;
      }
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX === 'visible') continue;
        const frame = up.getBoundingClientRect();
        if (box.left < frame.left - 1 || box.right > frame.right + 1) {
          cutOff.push(`${describe(el)} is cut off by a ${style.overflowX} box`);
          break;
        }
      }
    }
    return { scrollWidth: doc.scrollWidth, clientWidth: width, cutOff };
  });
}

/** Visible text, with the line breaks a person sees. */
const visibleText = () => page.evaluate(() => document.body.innerText);

describe('every surface at 320, 390 and 1280 px', () => {
  for (const { who, surfaces } of BY_ROLE) {
    it(`${who ?? 'signed out'}: no horizontal scroll, nothing cut off, plain words`, async () => {
      if (who) await signInAs(page, service.url, who);
      const failures: string[] = [];
      for (const surface of surfaces) {
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          await open(surface.path);
          const measured = await layout();
          const where = `${surface.name} at ${width} px`;
          if (measured.scrollWidth > measured.clientWidth)
            failures.push(
              `${where}: the page is ${measured.scrollWidth} px wide in a ${measured.clientWidth} px window`,
            );
          for (const cut of measured.cutOff) failures.push(`${where}: ${cut}`);
          for (const problem of plainWordProblems(await visibleText()))
            failures.push(`${where}: ${problem}`);
          await screenshot(page, `sizes-${surface.name}-${width}`);
        }
      }
      expect(failures).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  }
});

describe('dark and high-contrast themes', () => {
  it('render as themes, at phone width, without overflow', async () => {
    await signInAs(page, service.url, POLICE);
    await page.setViewportSize({ width: 390, height: 800 });
    for (const theme of ['dark', 'contrast'] as const) {
      await open(`/tab/my-marac?theme=${theme}`);
      const background = await page.evaluate(
        () =>
          getComputedStyle(document.querySelector('.fui-FluentProvider') as Element)
            .backgroundColor,
      );
      const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number) as [number, number, number];
      // Both themes draw light text on a dark background.
      expect(r + g + b, `${theme} background ${background}`).toBeLessThan(150);
      const measured = await layout();
      expect(measured.scrollWidth).toBeLessThanOrEqual(measured.clientWidth);
      await screenshot(page, `sizes-theme-${theme}-my-marac-390`);
    }
  });
});

describe('each role starts from its own app tab and reaches its work in two clicks', () => {
  const h1 = () => page.getByRole('heading', { level: 1 }).first().textContent();

  it('the coordinator: Coordinator tab → the meeting whose case list is due', async () => {
    await signInAs(page, service.url, COORDINATOR);
    await page.setViewportSize({ width: 1280, height: 800 });
    await open('/tab/coordinator');
    const todo = page.getByRole('list', { name: 'To do' });
    await todo.waitFor();
    expect(await todo.textContent()).toMatch(
      /Case list for .* due|Harbour Refuge awaiting approval/,
    );
    await todo.locator(`a[href="/coordinator/meetings/${MEETING}"]`).first().click(); // click 1
    await page.waitForURL((url) => url.pathname === `/coordinator/meetings/${MEETING}`);
    await expect.poll(h1, { timeout: 10_000 }).toBe('Northfield MARAC');
    await page.getByRole('button', { name: 'Circulate now' }).waitFor();
    // The meeting's details tab in Teams is the coordinator's meeting workspace itself.
    await page.goto(`${service.url}/tab/meeting?meetingId=${MEETING}&frameContext=content`);
    await page.waitForURL((url) => url.pathname === `/coordinator/meetings/${MEETING}`);
    await page.getByRole('button', { name: 'Circulate now' }).waitFor();
  });

  it('the chair: the meeting side panel is the chair console; Coordinator tab → console in one click', async () => {
    await signInAs(page, service.url, CHAIR);
    await page.setViewportSize({ width: 320, height: 800 });
    await open(`/tab/meeting?meetingId=${MEETING}&frameContext=sidePanel`);
    expect(await h1()).toBe('Chair console');
    await page.setViewportSize({ width: 1280, height: 800 });
    await open('/tab/coordinator');
    await page.getByRole('link', { name: 'Open the chair console' }).click(); // click 1
    await expect.poll(h1, { timeout: 10_000 }).toBe('Chair console');
    await page.getByRole('heading', { name: 'Agenda' }).waitFor();
  });

  it("a representative: My MARAC → the meeting's case list; their agency's actions on the tab itself", async () => {
    await signInAs(page, service.url, POLICE);
    await open('/tab/my-marac');
    await page.getByRole('heading', { name: "Northfield Police's actions" }).waitFor();
    await page.locator(`a[href="/tab/meeting?meetingId=${MEETING}"]`).first().click(); // click 1
    await page.getByRole('heading', { name: 'Confidentiality declaration' }).waitFor();
  });

  it('the steering group: Reports tab → the governance report', async () => {
    await signInAs(page, service.url, STEERING);
    await open('/tab/reports');
    await page.getByRole('link', { name: 'Governance report' }).click(); // click 1
    await expect.poll(h1, { timeout: 10_000 }).toMatch(/Governance/);
  });
});

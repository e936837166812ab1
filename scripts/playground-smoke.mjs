// The playground check behind `npm run playground -- --smoke`: drives the Agents Playground's
// web UI in headless Chromium (playwright-core; CHROMIUM_PATH or /usr/bin/chromium) to show the
// bot answering through it: a chat message gets the bot's reply, and a Teams meetingStart sent
// as a custom activity (the README's example) is accepted with 200.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** The README's custom activity: a Teams meetingStart event, keys as Teams sends them. */
export function meetingStartActivity(base) {
  const now = new Date().toISOString();
  return {
    ...base,
    type: 'event',
    name: 'application/vnd.microsoft.meetingStart',
    value: {
      Id: 'MCMxOTptZWV0aW5nX3BsYXlncm91bmRAdGhyZWFkLnYyIzA=',
      MeetingType: 'Scheduled',
      JoinUrl: null,
      Title: 'Northfield MARAC',
      StartTime: now,
    },
    channelData: {
      tenant: { id: base.conversation?.tenantId },
      meeting: { id: 'MCMxOTptZWV0aW5nX3BsYXlncm91bmRAdGhyZWFkLnYyIzA=' },
    },
  };
}

export async function runSmoke(playgroundUrl) {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`No Chromium at ${executablePath}: set CHROMIUM_PATH to run the smoke check.`);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(playgroundUrl, { waitUntil: 'networkidle' });
    const logPanel = page.locator('text=/User Application/');
    await logPanel.first().waitFor({ timeout: 30_000 });

    // A message: the bot's help text comes back through the playground's connector.
    const box = page.locator('[data-lexical-editor=true]');
    await box.click();
    await box.pressSequentially('hello');
    await page.keyboard.press('Enter');
    await page
      .getByText('Virtual MARAC runs this meeting', { exact: false })
      .first()
      .waitFor({ timeout: 30_000 });

    // A meeting event as a custom activity, in the group chat.
    await page.getByRole('treeitem', { name: 'Group Chat' }).click();
    await page.getByText('Mock an Activity').click();
    await page.getByText('Custom activity', { exact: true }).click();
    const editor = page.locator('.monaco-editor textarea');
    await editor.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const base = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    const json = JSON.stringify(meetingStartActivity(base), null, 2);
    await page.evaluate((text) => navigator.clipboard.writeText(text), json);
    await editor.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await page.getByRole('button', { name: 'Send activity' }).click();
    await page.getByText('event 200').first().waitFor({ timeout: 30_000 });
  } finally {
    await browser.close();
  }
}

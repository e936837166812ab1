/**
 * The links we send (mail, cards) name a tab of the app package by its entityId: a Teams deep
 * link `https://teams.microsoft.com/l/entity/<app id>/<entity id>?webUrl=…&context={"subEntityId":…}`
 * opens the personal tab with that id and hands it the sub-entity
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application).
 * An entityId the manifest does not declare opens nothing, so the two are held together here,
 * and the sub-entity must be one the tab's router understands.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MY_MARAC_ENTITY as PERSONAL_TAB_ENTITY_ID } from '../server/deep-links.js';
import { tabLinks } from '../server/pre-meeting.js';
import { routeForDeepLink } from '../tab/web/src/shell/router.js';

interface StaticTab {
  entityId: string;
  name: string;
  contentUrl: string;
  scopes: string[];
}

const template = JSON.parse(
  readFileSync(new URL('./manifest.template.json', import.meta.url), 'utf8'),
) as { staticTabs: StaticTab[] };

const APP_ID = '3f0c2a52-7a8e-4c55-9a1b-0f1d2c3b4a59';
const MEETING = '0b8a3c1e-2d4f-4a6b-8c9d-0e1f2a3b4c5d';

describe('deep links and the app package agree', () => {
  it('declares a personal tab for each kind of work, with ids unique and content under /tab/', () => {
    const tabs = template.staticTabs;
    expect(tabs.map((t) => t.entityId)).toEqual(['my-marac', 'coordinator', 'reports']);
    expect(new Set(tabs.map((t) => t.entityId)).size).toBe(tabs.length);
    for (const tab of tabs) {
      expect(tab.scopes).toEqual(['personal']);
      expect(tab.contentUrl).toBe(`\${{TAB_ENDPOINT}}/tab/${tab.entityId}`);
    }
  });

  it('sends Teams deep links to a tab the manifest declares, with a sub-entity the tab routes', () => {
    expect(template.staticTabs.map((t) => t.entityId)).toContain(PERSONAL_TAB_ENTITY_ID);
    const links = tabLinks({
      publicUrl: 'https://marac.northfield.example',
      teamsAppId: APP_ID,
      demo: false,
    });
    for (const made of [links.meeting(MEETING), links.caseList(MEETING)]) {
      const url = new URL(made);
      expect(url.origin + url.pathname).toBe(
        `https://teams.microsoft.com/l/entity/${APP_ID}/${PERSONAL_TAB_ENTITY_ID}`,
      );
      const context = JSON.parse(url.searchParams.get('context') ?? '{}') as {
        subEntityId: string;
      };
      expect(routeForDeepLink(context.subEntityId)).toBe(`/tab/meeting?meetingId=${MEETING}`);
      // The fallback web address (Outlook, a browser) routes to the same page.
      const web = new URL(url.searchParams.get('webUrl') ?? '');
      expect(web.origin).toBe('https://marac.northfield.example');
      expect(routeForDeepLink(web.hash)).toBe(`/tab/meeting?meetingId=${MEETING}`);
    }
  });

  it('in demo mode (no Teams app) links straight to the web page', () => {
    const links = tabLinks({ publicUrl: 'http://127.0.0.1:3978', teamsAppId: null, demo: true });
    const url = new URL(links.meeting(MEETING));
    expect(url.host).toBe('127.0.0.1:3978');
    expect(routeForDeepLink(url.hash)).toBe(`/tab/meeting?meetingId=${MEETING}`);
  });
});

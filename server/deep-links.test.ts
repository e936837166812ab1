import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routeForDeepLink } from '../tab/web/src/shell/router.js';
import { actionLink } from './outbox-dispatcher-wiring.js';
import { actionAppLink, MY_MARAC_ENTITY, meetingAppLink } from './deep-links.js';
import { tabLinks } from './pre-meeting.js';

const manifest = JSON.parse(
  readFileSync(new URL('../manifest/manifest.template.json', import.meta.url), 'utf8'),
) as { staticTabs: { entityId: string; contentUrl: string }[] };
const staticEntities = manifest.staticTabs.map((t) => t.entityId);

const APP_ID = '5f1c2a3b-9d8e-4f70-a1b2-c3d4e5f60718';
const live = { publicUrl: 'https://marac.example', teamsAppId: APP_ID, demo: false };
const ACTION = '0b5e8d4e-63f4-4d5b-9b5e-6f0a1c2d3e4f';
const MEETING = '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function parse(link: string) {
  const url = new URL(link);
  const [, l, entity, appId, entityId] = url.pathname.split('/');
  return {
    host: url.host,
    kind: `${l}/${entity}`,
    appId,
    entityId,
    webUrl: url.searchParams.get('webUrl'),
    subEntityId: (JSON.parse(url.searchParams.get('context') ?? '{}') as { subEntityId?: string })
      .subEntityId,
  };
}

describe('links in mail open the app in Teams or Outlook, the web address as fallback', () => {
  it('name a personal tab entity the manifest template declares: My MARAC', () => {
    expect(staticEntities).toContain(MY_MARAC_ENTITY);
    const links = [
      actionAppLink(live, ACTION),
      actionLink(live.publicUrl, APP_ID)(ACTION),
      meetingAppLink(live, MEETING),
      tabLinks(live).meeting(MEETING),
      tabLinks(live).caseList(MEETING),
    ];
    for (const link of links) {
      const p = parse(link);
      expect(p.host).toBe('teams.microsoft.com');
      expect(p.kind).toBe('l/entity');
      expect(p.appId).toBe(APP_ID);
      expect(staticEntities, link).toContain(p.entityId);
      expect(p.entityId).toBe(MY_MARAC_ENTITY);
      expect(p.webUrl?.startsWith(`${live.publicUrl}/`), link).toBe(true);
    }
  });

  it('carry the page as subEntityId, which the tab routes to the same page as the web fallback', () => {
    const action = parse(actionLink(live.publicUrl, APP_ID)(ACTION));
    expect(action.subEntityId).toBe(`actions/${ACTION}`);
    expect(routeForDeepLink(action.subEntityId!)).toBe(`/tab/my-marac?action=${ACTION}`);
    expect(action.webUrl).toBe(`https://marac.example/tab/my-marac?action=${ACTION}`);
    const the = manifest.staticTabs.find((t) => t.entityId === MY_MARAC_ENTITY)!;
    expect(the.contentUrl.endsWith('/tab/my-marac')).toBe(true);

    const caseList = parse(tabLinks(live).caseList(MEETING));
    expect(caseList.subEntityId).toBe(`meetings/${MEETING}/case-list`);
    expect(routeForDeepLink(caseList.subEntityId!)).toBe(`/tab/meeting?meetingId=${MEETING}`);
    expect(routeForDeepLink(new URL(caseList.webUrl!).hash)).toBe(
      `/tab/meeting?meetingId=${MEETING}`,
    );
  });

  it('are the web address alone without a Teams app (demo mode)', () => {
    expect(actionLink('https://marac.test')(ACTION)).toBe(
      `https://marac.test/tab/my-marac?action=${ACTION}`,
    );
    expect(tabLinks({ ...live, demo: true }).meeting(MEETING)).toBe(
      `https://marac.example/#/meetings/${MEETING}`,
    );
  });
});

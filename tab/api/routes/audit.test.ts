import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { expectNoPersonalData } from '../../../test/support/personal-data.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

interface AuditPage {
  entries: Array<{
    id: number;
    action: string;
    actor: { kind: string; displayName?: string | null };
    recordType: string;
  }>;
  nextBeforeId: number | null;
}

describe('GET /api/audit: the coordinator audit log viewer (FR-104)', () => {
  it('lists entries newest first with the actor named, pages back, and records the viewing', async () => {
    const meetings = await (await app.as('observer')('/api/meetings')).json();
    const meetingId = meetings.meetings[0].id as string;
    // The observer is refused the case list (twice): each refusal is audited.
    for (let i = 0; i < 2; i++)
      expect((await app.as('observer')(`/api/meetings/${meetingId}/case-list`)).status).toBe(403);

    const first = await app.as('coordinator')('/api/audit?limit=1');
    expect(first.status).toBe(200);
    const page = (await first.json()) as AuditPage;
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({
      action: 'case-list.view-refused',
      actor: { kind: 'person', displayName: 'Oakley Watchfield' },
      recordType: 'meeting',
    });
    expect(page.nextBeforeId).toBe(page.entries[0]?.id);

    const second = (await (
      await app.as('coordinator')(`/api/audit?beforeId=${page.nextBeforeId}&limit=200`)
    ).json()) as AuditPage;
    expect(second.entries.length).toBeGreaterThanOrEqual(1);
    expect(second.entries.every((e) => e.id < (page.nextBeforeId as number))).toBe(true);

    const again = (await (await app.as('coordinator')('/api/audit?limit=5')).json()) as AuditPage;
    expect(again.entries.map((e) => e.action)).toContain('audit.view');
    expectNoPersonalData(JSON.stringify(again.entries.map((e) => e.action)));
  });

  it('is for the coordinator only, and rejects a bad filter with 400', async () => {
    expect((await app.as('chair')('/api/audit')).status).toBe(403);
    expect((await app.as('steering')('/api/audit')).status).toBe(403);
    const bad = await app.as('coordinator')('/api/audit?limit=9999');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('VALIDATION_FAILED');
  });
});

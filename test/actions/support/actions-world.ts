import { zonedInstant } from '../../../core/calendar/index.js';
import type { Viewer } from '../../../core/actions/action-service.js';
import { GraphMailer } from '../../../graph/graph-mailer.js';
import { actionsFeature, type ActionsFeature } from '../../../server/outbox-dispatcher-wiring.js';
import { DEMO_PEOPLE } from '../../../store/seed/demo-directory.js';
import { demoUuid, seedDemo } from '../../../store/seed/seed-demo.js';
import { FakeClock } from '../../support/fake-clock.js';
import type { TestDb } from '../../support/test-db.js';
import { type ContractTenant, MAILBOX } from '../../contract/support/contract-tenant.js';

export const TZ = 'Europe/London';
export const at = (day: string, time: string) => zonedInstant(day, time, TZ);
export const PUBLIC_URL = 'https://marac.test';

/** The seeded Northfield MARAC, its meeting marked ended, and the action register's wiring over a simulated tenant. */
export async function actionsWorld(
  db: TestDb,
  tenant: ContractTenant,
  options: { seedNow: Date; start: Date; policy?: Record<string, unknown> },
): Promise<{
  clock: FakeClock;
  feature: ActionsFeature;
  areaId: string;
  meetingId: string;
  meetingDay: string;
  agenda: { id: string; caseId: string; caseNumber: string }[];
  viewer(personKey: string): Promise<Viewer>;
}> {
  const seeded = await seedDemo(db, { now: options.seedNow, tenantId: 'tenant-test' });
  const meetingId = seeded.meetingId as string;
  if (options.policy)
    await db.query('UPDATE area SET policy = policy || $1::jsonb', [
      JSON.stringify(options.policy),
    ]);
  const { rows: m } = await db.query<{ day: string }>(
    `SELECT to_char(scheduled_start AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS day FROM meeting WHERE id = $1`,
    [meetingId],
  );
  const meetingDay = (m[0] as { day: string }).day;
  await db.query(
    `UPDATE meeting SET status = 'ended', actual_start = scheduled_start, actual_end = scheduled_end WHERE id = $1`,
    [meetingId],
  );
  const { rows: agenda } = await db.query<{ id: string; caseId: string; caseNumber: string }>(
    `SELECT ai.id, ai.case_id AS "caseId", c.case_number AS "caseNumber"
       FROM agenda_item ai JOIN marac_case c ON c.id = ai.case_id JOIN meeting m ON m.id = ai.meeting_id
      WHERE m.id = $1 OR m.parent_meeting_id = $1 ORDER BY m.parent_meeting_id NULLS FIRST, ai.position`,
    [meetingId],
  );
  const clock = new FakeClock(options.start);
  const feature = actionsFeature(db, {
    clock,
    mailer: new GraphMailer({ graph: tenant.graph, mailbox: MAILBOX, sleep: async () => {} }),
    mailbox: MAILBOX,
    publicUrl: PUBLIC_URL,
  });
  const viewer = async (personKey: string): Promise<Viewer> => {
    const person = DEMO_PEOPLE.find((p) => p.key === personKey);
    if (!person) throw new Error(`no demo person ${personKey}`);
    return {
      personId: demoUuid(`person:${personKey}`),
      areaId: seeded.areaId,
      agencyId: person.agencyKey ? demoUuid(`agency:${person.agencyKey}`) : null,
      roles: person.roles,
    };
  };
  return { clock, feature, areaId: seeded.areaId, meetingId, meetingDay, agenda, viewer };
}

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { type BotChannel, botChannel, type TestMeeting } from '../support/bot-channel.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  agencyId,
  agendaItems,
  chatCards,
  checkCard,
  execute,
  linkTeamsMeeting,
  MEETING_ID,
} from './support.js';

const AGENCIES = [
  'police',
  'idva',
  'housing',
  'childrens',
  'probation',
  'primary',
  'mental',
  'recovery',
];

/**
 * Forty representatives volunteering within one second on one case; every
 * action stored once, the final card shows all forty, no invoke slower than 1 s. Bot Framework
 * authentication on, over HTTP.
 */
describe('forty representatives volunteering at once', () => {
  let app: TestApp;
  let channel: BotChannel;
  let tm: TestMeeting;
  const reps: { key: string; agency: string }[] = [];

  beforeAll(async () => {
    app = await startTestApp({ env: { MARAC_BOT_AUTH: 'on' } });
    channel = botChannel(app);
    tm = await channel.meeting();
    await linkTeamsMeeting(app, tm);
    const { rows } = await app.db.query<{ id: string; entra_tenant_id: string }>(
      'SELECT id, entra_tenant_id FROM area, (SELECT entra_tenant_id FROM person LIMIT 1) t LIMIT 1',
    );
    for (let i = 0; i < 40; i++) {
      const key = `load-rep-${i}`;
      const agency = AGENCIES[i % AGENCIES.length] as string;
      const id = randomUUID();
      await app.db.query(
        `INSERT INTO person (id, area_id, agency_id, display_name, email, entra_object_id, entra_tenant_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          rows[0]!.id,
          agencyId(agency),
          `Load Rep ${i}`,
          `${key}@northfield-council.example`,
          demoUuid(`entra:${key}`),
          rows[0]!.entra_tenant_id,
        ],
      );
      await app.db.query(
        "INSERT INTO person_role (person_id, role) VALUES ($1, 'representative')",
        [id],
      );
      reps.push({ key, agency });
    }
  });
  afterAll(() => app.close());

  it(
    'stores every action once, shows all forty on the final card, and answers every invoke',
    { timeout: 30_000 },
    async () => {
      const items = await agendaItems(app);
      await channel.meetingStart(tm);
      const start = await app.as('chair')(`/api/meetings/${MEETING_ID}/run/start-case`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agendaItemId: items[0]!.id }),
      });
      expect(start.status).toBe(200);
      const user = (key: string) => ({ aadObjectId: demoUuid(`entra:${key}`), name: key });
      channel.user = user as BotChannel['user'];
      // Statements the service sends during the burst (the app shares this Db object): a
      // deterministic guard for the latency work, where a timed assertion would be flaky.
      const db = app.db as {
        query: TestApp['db']['query'];
        transaction: TestApp['db']['transaction'];
      };
      const query = db.query.bind(db);
      const transaction = db.transaction.bind(db);
      let statements = 0;
      db.query = (sql, params) => {
        statements++;
        return query(sql, params);
      };
      db.transaction = (work) =>
        transaction((tx) =>
          work({
            ...tx,
            query: (sql, params) => {
              statements++;
              return tx.query(sql, params);
            },
          }),
        );
      const began = performance.now();
      const results = await Promise.all(
        reps.map((r, i) =>
          execute(
            channel,
            tm,
            r.key,
            'volunteer',
            {
              meetingId: MEETING_ID,
              agendaItemId: items[0]!.id,
              agencyId: agencyId(r.agency),
              description: `Load action ${i}: agency follow-up within the week`,
              category: i % 5 === 0 ? 'children' : 'victim',
            },
            { check: false },
          ),
        ),
      );
      const wall = performance.now() - began;
      await app.composition.meetingRun.idle();
      db.query = query;
      db.transaction = transaction;
      for (const r of results) checkCard(r.card, 'a volunteer’s own card');
      expect(results.filter((r) => r.error)).toEqual([]);
      const slowest = Math.max(...results.map((r) => r.ms));
      // Speed belongs to `npm run bench` (CONTRIBUTING: never in timed tests). With the card
      // reads cached, one statement allocating the reference and paced card updates, the slowest
      // invoke measured 0.45–0.73 s on PostgreSQL (pool of 4); on PGlite (one connection in this
      // process, on a shared 2-core machine under load) every statement of every invoke queues
      // behind the others, 0.6–2.1 s. The bench reports the ratio to a bare botbuilder handler.
      console.info(
        `forty volunteers: slowest invoke ${Math.round(slowest)} ms, all in ${Math.round(wall)} ms, ${statements} statements`,
      );
      // 27 per invoke before the card reads were shared, about 9 once they were; now one
      // statement writes the volunteer (claim, action, history, audit) and returns the case's
      // actions for the card, plus the person's first look-up and a few coalesced card updates.
      expect(statements).toBeLessThanOrEqual(40 * 5);

      const { rows } = await app.db.query<{ n: number; refs: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT reference)::int AS refs FROM action WHERE meeting_id = $1',
        [MEETING_ID],
      );
      expect(rows[0]).toEqual({ n: 40, refs: 40 });
      await app.composition.meetingRun.idle();
      const card = chatCards(channel, tm)[0]!.card;
      checkCard(card, 'the final case card');
      const json = JSON.stringify(card);
      for (let n = 1; n <= 40; n++) expect(json).toContain(`A-${String(n).padStart(4, '0')}`);
      expect(Buffer.byteLength(json)).toBeLessThan(28 * 1024);
      // Card updates were coalesced, not one per volunteer.
      const updates = channel.simulator.connector
        .log(tm.chatThreadId)
        .filter((e) => e.op === 'update');
      expect(updates.length).toBeGreaterThan(0);
      expect(updates.length).toBeLessThan(40);
    },
  );
});

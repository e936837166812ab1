import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedTenant } from '../../graph/simulator/simulated-tenant.js';
import { type BotChannel, botChannel, type TestMeeting } from '../support/bot-channel.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  agencyId,
  agendaItems,
  execute,
  linkTeamsMeeting,
  MEETING_ID,
} from '../meeting/support.js';
import { dateVariants, random, wordVariants } from './generate.js';

/**
 * The fuzz test's second half: disguised personal data of the seeded subjects pushed through
 * the fields that leave the service in the running app (card text posted to the meeting chat,
 * meeting titles and reasons that go to Teams and mailboxes). Each is refused with a plain 400
 * and nothing identifying reaches the simulated tenant: its calendar, meetings, chat and
 * outbox are searched, disguises undone, after every attempt.
 */
describe('free text that leaves the service is guarded end to end', () => {
  let app: TestApp;
  let channel: BotChannel;
  let tm: TestMeeting;
  let tenant: SimulatedTenant;
  let items: Awaited<ReturnType<typeof agendaItems>>;
  /** Subjects of the meeting's cases other than the first (the card's) case. */
  let others: { full_name: string; date_of_birth: string; address: string | null }[];
  const rnd = random(7);

  beforeAll(async () => {
    app = await startTestApp({ env: { MARAC_BOT_AUTH: 'on' } });
    channel = botChannel(app);
    tenant = app.composition.microsoft.simulator as SimulatedTenant;
    tm = await channel.meeting();
    await linkTeamsMeeting(app, tm);
    items = await agendaItems(app);
    ({ rows: others } = await app.db.query(
      `SELECT s.full_name, to_char(s.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, s.address
         FROM case_subject s JOIN agenda_item i ON i.case_id = s.case_id
        WHERE i.meeting_id = $1 AND i.id <> $2 ORDER BY s.full_name`,
      [MEETING_ID, items[0]!.id],
    ));
    expect((await channel.meetingStart(tm)).status).toBe(200);
    expect((await channel.join(tm, ['chair', 'idva-rep'])).status).toBe(200);
    const started = await app.as('chair')(`/api/meetings/${MEETING_ID}/run/start-case`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agendaItemId: items[0]!.id }),
    });
    expect(started.status).toBe(200);
  });
  afterAll(() => app.close());

  const nothingLeft = (where: string) => {
    expectNoPersonalData(JSON.stringify(tenant.store.state), `${where}: the tenant`);
    expectNoPersonalData(JSON.stringify(tenant.outbox), `${where}: the outbox`);
    expectNoPersonalData(JSON.stringify(channel.posted(tm.chatThreadId)), `${where}: the chat`);
    expectNoPersonalData(JSON.stringify(tenant.meetingNotifications), `${where}: notifications`);
    expect(JSON.stringify(tenant.store.state)).not.toContain('Newcomer');
  };

  const volunteer = (description: string) =>
    execute(channel, tm, 'idva-rep', 'volunteer', {
      meetingId: MEETING_ID,
      agendaItemId: items[0]!.id,
      agencyId: agencyId('idva'),
      description,
      category: 'victim',
    });

  it('refuses card text naming a subject of another case on the agenda, in any disguise', async () => {
    expect(others.length).toBeGreaterThan(0);
    const texts: string[] = [];
    for (const s of others.slice(0, 3)) {
      const surname = s.full_name.split(' ').at(-1) as string;
      texts.push(
        ...wordVariants(surname, rnd)
          .slice(0, 6)
          .map((v) => `IDVA to call ${v} weekly`),
        `Check on ${s.full_name.toUpperCase()} at school`,
        `Born ${dateVariants(s.date_of_birth)[Math.floor(rnd() * 12)]}: check records`,
      );
      if (s.address)
        texts.push(`Patrol to pass ${s.address.split(',')[0]!.replace(/^\d+\s*/, '')}`);
    }
    for (const text of texts) {
      const res = await volunteer(text);
      expect(res.error, text).toMatch(/word of the description looks like/);
      expect(res.error).not.toMatch(/FR-\d|IS-\d/);
      expectNoPersonalData(JSON.stringify(res.card), 'the refusal card');
    }
    nothingLeft('card text');
  });

  it('accepts ordinary card text', async () => {
    const res = await volunteer('Police will visit the address on file; review in May');
    expect(res.error).toBeNull();
  });

  const call = async (route: string, body: unknown) => {
    const res = await app.as('coordinator')(route, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { error?: { message: string } } };
  };
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

  it('refuses a meeting title naming any subject of the area, before anything reaches Teams', async () => {
    const requests = tenant.requests.length;
    const victim = others[0]!;
    const first = victim.full_name.split(' ')[0] as string;
    for (const name of [
      ...wordVariants(first, rnd).slice(0, 5),
      victim.full_name,
      victim.full_name.split(' ').join('-'),
    ]) {
      const res = await call('/api/meetings', {
        kind: 'emergency',
        title: `Emergency MARAC re ${name}`,
        day: inDays(40),
        startTime: '09:30',
        endTime: '10:30',
      });
      expect(res.status, name).toBe(400);
      expect(res.body.error?.message).toMatch(
        /^The 4th word of the meeting title looks like the .* of (the victim|the perpetrator|a child) in one of this MARAC’s cases/,
      );
    }
    // Someone the area has no record of yet cannot be matched by name: the title's wording can.
    const stranger = await call('/api/meetings', {
      kind: 'emergency',
      title: 'Emergency MARAC re Quentin Newcomer',
      day: inDays(40),
      startTime: '09:30',
      endTime: '10:30',
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error?.message).toMatch(/4th word of the meeting title reads as the name/);
    const series = await call('/api/meetings/series', {
      title: `MARAC for ${victim.full_name}`,
      frequency: 'fortnightly',
      dayOfWeek: 'wednesday',
      startTime: '09:30',
      endTime: '13:00',
      startsOn: inDays(60),
      endsOn: inDays(120),
    });
    expect(series.status).toBe(400);
    expect(tenant.requests.length).toBe(requests);
    const { rows } = await app.db.query(
      `SELECT 1 FROM meeting WHERE title LIKE 'Emergency MARAC re%'`,
    );
    expect(rows).toHaveLength(0);
    nothingLeft('meeting titles');
  });

  it('refuses a cancellation or move reason carrying a date of birth or street', async () => {
    const created = await call('/api/meetings', {
      kind: 'extraordinary',
      title: 'Extraordinary MARAC',
      day: inDays(45),
      startTime: '09:30',
      endTime: '10:30',
    });
    expect(created.status).toBe(201);
    const id = (created.body as unknown as { meetings: { meetingId: string }[] }).meetings[0]!
      .meetingId;
    const victim = others[0]!;
    const street = victim.address?.split(',')[0]?.replace(/^\d+\s*/, '') ?? 'x';
    const cancel = await call(`/api/meetings/${id}/cancel`, {
      reason: `Victim born ${dateVariants(victim.date_of_birth)[1]} is in hospital`,
    });
    expect(cancel.status).toBe(400);
    expect(cancel.body.error?.message).toMatch(/date of birth/);
    const move = await call(`/api/meetings/${id}/reschedule`, {
      day: inDays(50),
      startTime: '09:30',
      endTime: '10:30',
      reason: `Police incident at ${street.toLowerCase()}`,
    });
    expect(move.status).toBe(400);
    expect(move.body.error?.message).toMatch(/street address/);
    const { rows } = await app.db.query(`SELECT status FROM meeting WHERE id = $1`, [id]);
    expect(rows[0]).not.toMatchObject({ status: 'cancelled' });
    expect((await call(`/api/meetings/${id}/cancel`, { reason: 'Chair unwell' })).status).toBe(200);
    nothingLeft('reasons');
  });
});

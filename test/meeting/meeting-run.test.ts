import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../graph/simulator/bot-connector/activities.js';
import { DEMO_CASES } from '../../store/seed/demo-cases.js';
import { type BotChannel, botChannel, type TestMeeting } from '../support/bot-channel.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  actionsOf,
  agencyId,
  agendaItems,
  chatCards,
  checkCard,
  entraId,
  execute,
  linkTeamsMeeting,
  MEETING_ID,
  personId,
  verbsOf,
} from './support.js';

/**
 * A whole meeting driven as Teams would: signed activities to /api/messages (Bot Framework
 * authentication on), the chair console over the tab API, cards read back from the simulated
 * Bot Connector. Three cases with volunteered, assigned,
 * edited, rejected and confirmed actions; the card each role sees; bad input; redaction.
 */
describe('running a meeting: case cards, card actions and the chair console', () => {
  let app: TestApp;
  let channel: BotChannel;
  let tm: TestMeeting;
  let items: Awaited<ReturnType<typeof agendaItems>>;
  const base = (i: number) => ({ meetingId: MEETING_ID, agendaItemId: items[i]!.id });
  const post = (who: string, path: string, body: unknown) =>
    app.as(who)(`/api/meetings/${MEETING_ID}/run${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const people = [
    'chair',
    'police-rep',
    'idva-rep',
    'childrens-rep',
    'probation-rep',
    'housing-rep',
    'harbour-rep',
  ];

  beforeAll(async () => {
    app = await startTestApp({ env: { MARAC_BOT_AUTH: 'on' } });
    channel = botChannel(app);
    tm = await channel.meeting();
    await linkTeamsMeeting(app, tm);
    items = await agendaItems(app);
    // FR-069: the refuge manager is invited for case 2 only.
    await app.db.query(
      'INSERT INTO agenda_item_permitted_person (agenda_item_id, person_id) VALUES ($1, $2)',
      [items[1]!.id, personId('harbour-rep')],
    );
  });
  afterAll(() => app.close());

  it('refuses to start a case before the bot has been in the meeting chat', async () => {
    const res = await post('chair', '/start-case', { agendaItemId: items[0]!.id });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'MEETING_NOT_READY',
    );
    expect((await agendaItems(app)).length).toBe(items.length);
    const { rows } = await app.db.query('SELECT 1 FROM agenda_item WHERE actual_start IS NOT NULL');
    expect(rows).toHaveLength(0);
  });

  it('starts: meeting start and joins (the bot learns the chat and who is who)', async () => {
    expect((await channel.meetingStart(tm)).status).toBe(200);
    expect((await channel.join(tm, people)).status).toBe(200);
    const { rows } = await app.db.query<{ conversation_reference: unknown }>(
      'SELECT conversation_reference FROM meeting WHERE id = $1',
      [MEETING_ID],
    );
    expect(rows[0]?.conversation_reference).toMatchObject({
      conversation: { id: tm.chatThreadId },
    });
  });

  it('only the chair or deputy chair runs the meeting (403), and bad ids are 400', async () => {
    expect((await post('police-rep', '/start-case', { agendaItemId: items[0]!.id })).status).toBe(
      403,
    );
    expect(
      (await post('police-rep', '/checklist', { item: 'introductions', done: true })).status,
    ).toBe(403);
    expect((await app.as('police-rep')(`/api/meetings/${MEETING_ID}/run`)).status).toBe(403);
    expect((await post('chair', '/start-case', { agendaItemId: 'case-1' })).status).toBe(400);
    expect((await app.as('chair')('/api/meetings/not-an-id/run')).status).toBe(400);
    expect((await post('chair', '/checklist', { item: 'snacks', done: true })).status).toBe(400);
  });

  it('opening checklist (FR-045), then case 1: the card is posted with the case reference only, and case 2’s invitee is told theirs is next (FR-069)', async () => {
    const check = await post('chair', '/checklist', { item: 'confidentialityRead', done: true });
    expect(check.status).toBe(200);
    expect(await check.json()).toEqual({
      openingChecklist: {
        confidentialityRead: true,
        introductions: false,
        outstandingActionsReminded: false,
      },
    });
    const res = await post('chair', '/start-case', { agendaItemId: items[0]!.id });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      notified: number;
      run: { currentAgendaItemId: string; status: string };
    };
    expect(body.run).toMatchObject({ currentAgendaItemId: items[0]!.id, status: 'in-progress' });
    const cards = chatCards(channel, tm);
    expect(cards).toHaveLength(1);
    const card = cards[0]!.card;
    checkCard(card, 'posted case card');
    const json = JSON.stringify(card);
    expect(json).toContain(`Case 1 of ${items.length}: ${items[0]!.case_number}`);
    expect(json).toContain('Volunteer an action');
    // The chat copy is everyone's: no chair controls in it; refresh targets the people seen.
    expect(verbsOf(card)).toEqual(new Set(['volunteer', 'refresh']));
    expect((card.refresh as { userIds: string[] }).userIds.length).toBeGreaterThanOrEqual(6);
    expect(body.notified).toBe(1);
    const notice = channel.simulator.meetingNotifications.at(-1);
    expect(notice?.meetingId).toBe(tm.meetingId);
    expectNoPersonalData(JSON.stringify(notice), 'the case-next notification');
    expect(JSON.stringify(notice)).toContain(items[1]!.case_number);
  });

  it('refresh gives each role its own view: the chair Assign/Confirm/Edit/Reject, a representative their agency’s form', async () => {
    const rep = await execute(channel, tm, 'police-rep', 'refresh', base(0));
    expect(verbsOf(rep.card)).toEqual(new Set(['volunteer', 'refresh']));
    const agency = (await import('./support.js')).nodes(rep.card).find((n) => n.id === 'agencyId');
    expect(agency?.value).toBe(agencyId('police'));
  });

  it('case 1: volunteering, the FR-052 warning, refusals, assign, confirm, replay', async () => {
    const v1 = await execute(channel, tm, 'police-rep', 'volunteer', {
      ...base(0),
      agencyId: agencyId('police'),
      description: 'Flag the victim’s address for urgent response; marker for 12 months.',
      category: 'victim',
      partnerAgencyIds: '',
      dueOn: '',
    });
    expect(v1.error).toBeNull();
    // The volunteer's own card now lists the action.
    expect(JSON.stringify(v1.card)).toContain('A-0001');

    // FR-052: perpetrator action without the acknowledgement is refused, nothing stored.
    const perp = {
      ...base(0),
      agencyId: agencyId('probation'),
      description: 'Raise at the next supervision without attributing it to the MARAC.',
      category: 'perpetrator',
    };
    const noAck = await execute(channel, tm, 'probation-rep', 'volunteer', perp);
    expect(noAck.error).toMatch(/acknowledg/i);
    const ack = await execute(channel, tm, 'probation-rep', 'volunteer', {
      ...perp,
      acknowledgePerpetratorWarning: 'true',
    });
    expect(ack.error).toBeNull();

    // Bad input: for another agency; a name in the description; wrong types; unknown verb.
    const other = await execute(channel, tm, 'childrens-rep', 'volunteer', {
      ...base(0),
      agencyId: agencyId('police'),
      description: 'Police to visit.',
      category: 'victim',
    });
    expect(other.error).toMatch(/own agency/);
    const victim = DEMO_CASES[0]!.subjects.find((s) => s.kind === 'victim')!;
    const named = await execute(channel, tm, 'idva-rep', 'volunteer', {
      ...base(0),
      agencyId: agencyId('idva'),
      description: `Call ${victim.fullName.split(' ')[0]} weekly`,
      category: 'victim',
    });
    expect(named.error).toMatch(
      /2nd word of the description looks like the first name of the victim in this case/,
    );
    expect(JSON.stringify(named.card)).not.toContain(victim.fullName.split(' ')[0]);
    const typed = await execute(channel, tm, 'idva-rep', 'volunteer', {
      ...base(0),
      agencyId: 42,
      description: ['x'],
      category: 'snacks',
      dueOn: 'tomorrow',
    });
    expect(typed.error).toMatch(/Check the form: Agency: /);
    expect(typed.error).not.toMatch(/agencyId|dueOn/);
    expect((await execute(channel, tm, 'idva-rep', 'explode', base(0))).error).toMatch(
      /not an action/,
    );
    expect((await execute(channel, tm, 'idva-rep', 'volunteer', { meetingId: 7 })).error).toMatch(
      /incomplete/,
    );
    expect(await actionsOf(app)).toHaveLength(2);

    const [a1, a2] = await actionsOf(app);
    expect(a2).toMatchObject({
      category: 'perpetrator',
      perpetrator_warning_acknowledged_by: personId('probation-rep'),
    });

    // Only the chair assigns and confirms.
    const notChair = await execute(channel, tm, 'police-rep', 'confirm', {
      ...base(0),
      actionId: a1!.id,
      version: a1!.version,
    });
    expect(notChair.error).toMatch(/chair/);

    // The chair's card: the console, per-action Confirm, the people picker.
    const chairView = await execute(channel, tm, 'chair', 'refresh', base(0));
    expect(verbsOf(chairView.card)).toEqual(
      new Set(['refresh', 'volunteer', 'assign', 'confirm', 'edit', 'reject']),
    );
    expect(JSON.stringify(chairView.card)).toContain('users?scope=currentContext');

    const confirm = await execute(channel, tm, 'chair', 'confirm', {
      ...base(0),
      actionId: a1!.id,
      version: a1!.version,
    });
    expect(confirm.error).toBeNull();
    // A replay of the same invoke (Teams retries with the same id) changes nothing.
    const replay = await execute(
      channel,
      tm,
      'chair',
      'confirm',
      {},
      { activity: confirm.activity },
    );
    expect(replay.error).toMatch(/already been applied/);
    // A stale card (old version) is refused.
    const stale = await execute(channel, tm, 'chair', 'edit', {
      ...base(0),
      target: `${a1!.id}@${a1!.version}`,
      editDescription: 'Changed',
    });
    expect(stale.error).toMatch(/changed by someone else/);

    // Assign the perpetrator action with a named owner (people picker value = Entra id).
    const assign = await execute(channel, tm, 'chair', 'assign', {
      ...base(0),
      target: `${a2!.id}@${a2!.version}`,
      assignAgencyId: agencyId('probation'),
      assignOwner: entraId('probation-rep'),
      assignDueOn: '',
    });
    expect(assign.error).toBeNull();
    const badOwner = await execute(channel, tm, 'chair', 'assign', {
      ...base(0),
      target: `${a2!.id}@${a2!.version + 1}`,
      assignAgencyId: agencyId('probation'),
      assignOwner: entraId('police-rep'),
    });
    expect(badOwner.error).toMatch(/owner must belong to the owning agency/);

    const after = await actionsOf(app);
    expect(after.map((a) => [a.reference, a.state, a.version])).toEqual([
      ['A-0001', 'open', 2],
      ['A-0002', 'open', 2],
    ]);
    expect(after[1]!.owner_person_id).toBe(personId('probation-rep'));
    const { rows: history } = await app.db.query<{ event: string }>(
      'SELECT event FROM action_history WHERE action_id = $1 ORDER BY id',
      [a1!.id],
    );
    expect(history.map((h) => h.event)).toEqual(['created', 'confirmed']);

    // Every change updated the chat copy for everyone.
    await app.composition.meetingRun.idle();
    const chat = chatCards(channel, tm)[0]!.card;
    checkCard(chat, 'updated case card');
    expect(JSON.stringify(chat)).toContain('A-0002');
    expect(JSON.stringify(chat)).toContain('Perpetrator warning acknowledged');
  });

  it('“next case” in the chat closes case 1 (summary for the chair to confirm, FR-053) and starts case 2', async () => {
    const res = await channel.message('chair', 'next case', tm);
    expect(res.status).toBe(200);
    const replies = channel.posted(tm.chatThreadId).filter((a) => typeof a.text === 'string');
    expect(replies.at(-1)?.text).toBe(
      `Case 1 (${items[0]!.case_number}) closed; summary posted. Case 2 (${items[1]!.case_number}) started.`,
    );
    const cards = chatCards(channel, tm);
    expect(cards).toHaveLength(3);
    const summary = cards[1]!.card;
    checkCard(summary, 'summary card');
    expect(JSON.stringify(summary)).toMatch(/A-0001\*\* · Northfield Police · due/);
    const repCase1 = await execute(channel, tm, 'police-rep', 'volunteer', {
      ...base(0),
      agencyId: agencyId('police'),
      description: 'Late idea',
      category: 'victim',
    });
    expect(repCase1.error).toMatch(/has been closed/);
    const confirm = await execute(channel, tm, 'chair', 'confirmSummary', base(0));
    expect(confirm.error).toBeNull();
    expect(JSON.stringify(confirm.card)).toContain('Confirmed by the chair');
    const { rows } = await app.db.query<{ actual_end: Date | null; actions_confirmed_by: string }>(
      'SELECT actual_end, actions_confirmed_by FROM agenda_item WHERE id = $1',
      [items[0]!.id],
    );
    expect(rows[0]).toMatchObject({
      actual_end: expect.any(Date),
      actions_confirmed_by: personId('chair'),
    });
    // A representative in the chat cannot run it.
    await channel.message('police-rep', 'next case', tm);
    expect(
      channel
        .posted(tm.chatThreadId)
        .filter((a) => typeof a.text === 'string')
        .at(-1)?.text,
    ).toMatch(/Only the chair/);
  });

  it('case 2: edit and reject from the chair console (the tab API), same rules as the cards', async () => {
    for (const [who, agency, text] of [
      ['housing-rep', 'housing', 'Priority transfer assessment for the victim.'],
      ['mental-rep', 'mental', 'Offer a mental health assessment to the victim.'],
    ] as const) {
      const v = await execute(channel, tm, who, 'volunteer', {
        ...base(1),
        agencyId: agencyId(agency),
        description: text,
        category: 'victim',
      });
      expect(v.error).toBeNull();
    }
    const [h, r] = await actionsOf(app, items[1]!.id);
    const edit = await post('chair', `/actions/${h!.id}/edit`, {
      version: h!.version,
      description: 'Priority transfer assessment and target hardening for the victim.',
      dueOn: '2099-01-15',
    });
    expect(edit.status).toBe(200);
    expect(((await edit.json()) as { action: unknown }).action).toMatchObject({
      reference: h!.reference,
      dueOn: '2099-01-15',
      state: 'volunteered',
      version: 2,
    });
    expect(
      (await post('police-rep', `/actions/${r!.id}/reject`, { version: r!.version })).status,
    ).toBe(403);
    const reject = await post('chair', `/actions/${r!.id}/reject`, {
      version: r!.version,
      reason: 'Covered by A-0003',
    });
    expect(reject.status).toBe(200);
    const past = await post('chair', `/actions/${h!.id}/edit`, { version: 2, dueOn: '2001-01-01' });
    expect(past.status).toBe(422);
    const confirm = await post('chair', `/actions/${h!.id}/confirm`, { version: 2 });
    expect(confirm.status).toBe(200);
    expect((await actionsOf(app, items[1]!.id)).map((a) => a.state)).toEqual(['open', 'rejected']);
    const close = await post('chair', '/close-case', { agendaItemId: items[1]!.id });
    expect(await close.json()).toMatchObject({ closed: true, agreed: 1, awaitingChair: 0 });
  });

  it('case 3: Action.Submit fallback from an old client, then the meeting ends and every card is redacted', async () => {
    expect((await post('chair', '/start-case', { agendaItemId: items[2]!.id })).status).toBe(200);
    const submit = message(channel.ctx, channel.user('idva-rep'), channel.conversation(tm), '');
    submit.value = {
      ...base(2),
      verb: 'volunteer',
      agencyId: agencyId('idva'),
      description: 'Safety planning session with the victim within 5 days.',
      category: 'victim',
    };
    expect((await channel.send(submit)).status).toBe(200);
    const [s] = await actionsOf(app, items[2]!.id);
    expect(s).toMatchObject({ state: 'volunteered', owner_agency_id: agencyId('idva') });
    const view = await app.as('chair')(`/api/meetings/${MEETING_ID}/run`);
    const run = (await view.json()) as { agenda: { state: string }[]; actions: unknown[] };
    expect(run.agenda.slice(0, 4).map((a) => a.state)).toEqual([
      'closed',
      'closed',
      'current',
      'pending',
    ]);
    expect(run.actions).toHaveLength(5);

    // Meeting end: every card the bot posted is rewritten to references only.
    await channel.meetingEnd(tm);
    const result = await app.composition.meetingRun.redactMeetingCards(MEETING_ID);
    expect(result.failed).toBe(0);
    const cards = chatCards(channel, tm);
    expect(cards.length).toBe(5);
    for (const { card } of cards) {
      checkCard(card, 'redacted card');
      expect(verbsOf(card).size).toBe(0);
      const json = JSON.stringify(card);
      expect(json).not.toMatch(/Flag the victim|supervision|transfer|Safety planning/);
      expect(json).toContain('The meeting has ended');
    }
    expect(JSON.stringify(cards[0]!.card)).toMatch(/A-0001 · Northfield Police · due/);
    const { rows } = await app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM posted_card WHERE meeting_id = $1 AND redacted_at IS NULL',
      [MEETING_ID],
    );
    expect(rows[0]!.n).toBe(0);
    expect((await app.composition.meetingRun.redactMeetingCards(MEETING_ID)).redacted).toBe(0);
    expectNoPersonalData(
      JSON.stringify(channel.posted(tm.chatThreadId)),
      'everything the bot posted',
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, localDay } from '../../core/calendar/index.js';
import { closeAction } from '../../core/actions/action-service.js';
import type { ActionRecord } from '../../core/actions/action.js';
import {
  blockedChasers,
  chaseHistory,
  extendDueDate,
  setChasePaused,
} from '../../core/chasing/chase-controls.js';
import { completeFromReply, dismissReply, listReplies } from '../../core/chasing/chase-replies.js';
import { GraphMailbox } from '../../graph/graph-mailbox.js';
import { chaseRepliesFeature } from '../../server/chase-replies.js';
import { PgActionStore } from '../../store/action-store.js';
import { PgAuditLog } from '../../store/audit-log-store.js';
import { PgChaseControlStore } from '../../store/chase-control-store.js';
import type { Queryable } from '../../store/db.js';
import { PgDirectoryStore } from '../../store/directory-store.js';
import { PgUnitOfWork } from '../../store/unit-of-work.js';
import { DEMO_AGENCIES, DEMO_PEOPLE, demoEmail } from '../../store/seed/demo-directory.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import {
  type ContractTenant,
  MAILBOX,
  startContractTenant,
} from '../contract/support/contract-tenant.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { actionsWorld, at, TZ } from './support/actions-world.js';

/**
 * A month of a real-sized MARAC (15 cases, 60 actions, owners who complete
 * early, late, never, or close as not achievable) under a fake clock, with the chase job run
 * three times each working day and at weekends, and the outbox dispatched to the simulated
 * tenant each time. The expected mails are worked out here from hard-coded ladder days (not
 * from the production calendar code) and compared with what the tenant's mailbox sent.
 *
 * Closing the loop: deputies are chased for agency-owned actions too; one agency's escalation
 * contact is outside the allowed domains (never mailed, reported to the coordinator); another
 * has no escalation contact (escalation goes to the coordinator, never back to the owner); one
 * action's chasing is paused for a week; one action's due date is extended (the ladder restarts).
 * And one owner answers a reminder by replying to it: the mailbox poll (run with every chase run,
 * the Inbox answering 503 now and then) matches the reply by conversation to the actions that
 * mail listed, the coordinator reads it in the tab and records completion with one click, and
 * chasing of that action stops; the other actions in the same mail are set aside.
 */
const email = (key: string) => demoEmail(DEMO_PEOPLE.find((p) => p.key === key)!);
const AGENCIES = [
  'police',
  'idva',
  'housing',
  'childrens',
  'probation',
  'primary',
  'mental',
  'recovery',
  'adults',
  'education',
];
/** Its escalation contact is at a domain the area does not allow: never mailed, reported. */
const BLOCKED_AGENCY = 'recovery';
const BLOCKED_CONTACT = 'lead@recovery-private.example';
/** No escalation contact at all: escalation goes to the coordinator. */
const NO_CONTACT_AGENCY = 'education';
const escalationEmail = (agency: string) =>
  agency === NO_CONTACT_AGENCY
    ? email('coordinator')
    : `safeguarding.lead@${DEMO_AGENCIES.find((a) => a.key === agency)!.domain}`;
/** Action 4 (never closed, due 4 Nov): paused on 3 Nov, resumed on 10 Nov. */
const PAUSED = { i: 4, pause: '2026-11-03', resume: '2026-11-10' };
/** Action 12 (never closed, due 28 Oct): on 27 Oct its due date moves to 13 Nov. */
const EXTENDED = { i: 12, on: '2026-10-27', to: '2026-11-13' as const };
/**
 * Action 20 (police, owned by its representative, due 13 Nov, never closed in the tab): its owner
 * replies to the reminder of 11 Nov; the coordinator records completion on 12 Nov at 08:00.
 */
const REPLIED = {
  i: 20,
  replyOn: '2026-11-11',
  completeOn: '2026-11-12',
  text: 'The referral went in on Monday, so this one is done. Thanks',
};

// Meeting Wed 21 Oct 2026. Ladder days (default policy, England and Wales, no bank holidays):
const DUES = {
  // chair override to the next week
  '2026-10-28': {
    reminder: '2026-10-26',
    due: '2026-10-28',
    overdue: '2026-10-29',
    escalation: '2026-11-04',
  },
  // the area's default rule: +14 days
  '2026-11-04': {
    reminder: '2026-11-02',
    due: '2026-11-04',
    overdue: '2026-11-05',
    escalation: '2026-11-11',
  },
  // chair override to a Friday
  '2026-11-13': {
    reminder: '2026-11-11',
    due: '2026-11-13',
    overdue: '2026-11-16',
    escalation: '2026-11-20',
  },
} as const;
type Due = keyof typeof DUES;
const DUE_LIST = Object.keys(DUES) as Due[];
type Behaviour = 'early' | 'late' | 'never' | 'not-achievable';
// The day (at 08:00, before chasers go) each kind of owner closes the action.
const CLOSES: Record<Behaviour, Record<Due, string | null>> = {
  early: { '2026-10-28': '2026-10-27', '2026-11-04': '2026-10-30', '2026-11-13': '2026-11-12' },
  late: { '2026-10-28': '2026-11-02', '2026-11-04': '2026-11-09', '2026-11-13': '2026-11-23' },
  never: { '2026-10-28': null, '2026-11-04': null, '2026-11-13': null },
  'not-achievable': {
    '2026-10-28': '2026-10-28',
    '2026-11-04': '2026-11-04',
    '2026-11-13': '2026-11-13',
  },
};
const BEHAVIOURS: Behaviour[] = ['early', 'late', 'never', 'not-achievable'];

interface Plan {
  i: number;
  agency: string;
  ownerKey: string | null;
  /** Who gets "owner" mail: the owner, or every representative of the agency when unowned. */
  ownerEmails: string[];
  deputyEmails: string[];
  closerKey: string;
  dueOn: Due;
  behaviour: Behaviour;
  action?: ActionRecord;
}

function plans(): Plan[] {
  return Array.from({ length: 60 }, (_, i) => {
    const agency = AGENCIES[i % AGENCIES.length] as string;
    const rep = `${agency}-rep`;
    const deputy = `${agency}-deputy`;
    const ownerKey = i % 7 === 3 ? null : i % 5 === 4 ? deputy : rep;
    return {
      i,
      agency,
      ownerKey,
      ownerEmails: ownerKey
        ? [email(ownerKey)]
        : DEMO_PEOPLE.filter(
            (p) => p.agencyKey === agency && p.roles.includes('representative'),
          ).map(demoEmail),
      // The owner's deputy, or for an action the agency owns, its representatives' deputies.
      deputyEmails: ownerKey === deputy ? [] : [email(deputy)],
      closerKey: ownerKey ?? rep,
      dueOn: DUE_LIST[i % 3] as Due,
      behaviour: BEHAVIOURS[(i >> 1) % 4] as Behaviour,
    };
  });
}

let tenant: ContractTenant;
let db: TestDb;
beforeAll(async () => {
  tenant = await startContractTenant();
  db = await createTestDb();
});
afterAll(async () => {
  await db?.dispose();
  await tenant?.close();
});

describe('a month of chasing (FR-074, FR-075)', () => {
  it('sends exactly the expected mails on the expected days, and escalates', async () => {
    const world = await actionsWorld(db, tenant, {
      seedNow: new Date('2026-10-01T09:00:00Z'),
      start: at('2026-10-21', '13:30'),
      // Victim-feedback actions (FR-081) are tested in victim-feedback.test.ts.
      policy: { victimFeedbackAction: false },
    });
    await db.query(
      `UPDATE agency SET escalation_contact_email = $2, strategic_lead_email = NULL WHERE id = $1`,
      [demoUuid(`agency:${BLOCKED_AGENCY}`), BLOCKED_CONTACT],
    );
    await db.query(
      `UPDATE agency SET escalation_contact_email = NULL, escalation_contact_name = NULL,
              strategic_lead_email = NULL, strategic_lead_name = NULL WHERE id = $1`,
      [demoUuid(`agency:${NO_CONTACT_AGENCY}`)],
    );
    expect(world.meetingDay).toBe('2026-10-21');
    expect(world.agenda).toHaveLength(15);
    const store = new PgActionStore(db);
    const chair = demoUuid('person:chair');
    const controlRepos = (q: Queryable) => ({
      controls: new PgChaseControlStore(q),
      actions: new PgActionStore(q),
      audit: new PgAuditLog(q),
      areas: new PgDirectoryStore(q),
    });
    const controls = {
      clock: world.clock,
      repos: controlRepos(db),
      uow: new PgUnitOfWork(db, controlRepos),
    };
    const coordinator = await world.viewer('coordinator');
    const all = plans();
    for (const p of all) {
      const item = world.agenda[Math.floor(p.i / 4)]!;
      p.action = await store.createAction(
        {
          areaId: world.areaId,
          caseId: item.caseId,
          meetingId: world.meetingId,
          agendaItemId: item.id,
          ownerAgencyId: demoUuid(`agency:${p.agency}`),
          ownerPersonId: p.ownerKey ? demoUuid(`person:${p.ownerKey}`) : null,
          description: `Action ${p.i} agreed for the case`,
          category: 'other',
          dueOn: p.dueOn,
          dueOverridden: p.dueOn !== '2026-11-04',
          state: 'open',
        },
        chair,
        world.clock.now(),
      );
    }

    // Expected mails: key `${day}|${kind}|${email}` → sorted action references.
    const expected = new Map<string, string[]>();
    const expect1 = (day: string, kind: string, to: string, ref: string) => {
      const key = `${day}|${kind}|${to.toLowerCase()}`;
      expected.set(key, [...(expected.get(key) ?? []), ref].sort());
    };
    for (const p of all) {
      const ref = p.action!.reference;
      for (const to of p.ownerEmails) expect1('2026-10-21', 'new-actions', to, ref);
      if (p.i === PAUSED.i) {
        // Reminder before the pause; nothing while paused; on resuming, the step now due
        // (overdue, to owner and deputies), then the escalation on its day.
        const d = DUES[p.dueOn];
        for (const to of p.ownerEmails) expect1(d.reminder, 'chaser', to, ref);
        for (const to of [...p.ownerEmails, ...p.deputyEmails])
          expect1(PAUSED.resume, 'chaser', to, ref);
        expect1(d.escalation, 'escalation', escalationEmail(p.agency), ref);
        continue;
      }
      if (p.i === EXTENDED.i) {
        // The old ladder's reminder, then the whole ladder again for the new date.
        for (const to of p.ownerEmails) expect1(DUES[p.dueOn].reminder, 'chaser', to, ref);
        const d = DUES[EXTENDED.to];
        for (const to of p.ownerEmails) expect1(d.reminder, 'chaser', to, ref);
        for (const to of p.ownerEmails) expect1(d.due, 'chaser', to, ref);
        for (const to of [...p.ownerEmails, ...p.deputyEmails])
          expect1(d.overdue, 'chaser', to, ref);
        expect1(d.escalation, 'escalation', escalationEmail(p.agency), ref);
        continue;
      }
      const closes = p.i === REPLIED.i ? REPLIED.completeOn : CLOSES[p.behaviour][p.dueOn];
      const open = (day: string) => closes === null || day < closes;
      const d = DUES[p.dueOn];
      if (open(d.reminder)) for (const to of p.ownerEmails) expect1(d.reminder, 'chaser', to, ref);
      if (open(d.due)) for (const to of p.ownerEmails) expect1(d.due, 'chaser', to, ref);
      if (open(d.overdue))
        for (const to of [...p.ownerEmails, ...p.deputyEmails])
          expect1(d.overdue, 'chaser', to, ref);
      if (open(d.escalation) && p.agency !== BLOCKED_AGENCY)
        expect1(d.escalation, 'escalation', escalationEmail(p.agency), ref);
    }

    // Graph fails now and then: refusals (503 before acting) and lost answers (Graph sent the
    // mail, then answered 503 or 504). The client never re-POSTs by itself; the mailer checks
    // Sent Items before trying again, so each mail still goes exactly once (checked below).
    tenant.tenant.faults.add({
      call: 'POST /users/{id}/sendMail',
      kind: 'accept-then-fail',
      status: 503,
      times: 3,
    });
    tenant.tenant.faults.add({
      call: 'POST /users/{id}/sendMail',
      kind: 'accept-then-fail',
      status: 504,
      times: 2,
    });
    tenant.tenant.faults.add({
      call: 'POST /users/{id}/sendMail',
      kind: 'unavailable',
      times: 2,
      retryAfterSeconds: 0,
    });

    // Run the month.
    const actual = new Map<string, string[]>();
    const kindOf = (subject: string) =>
      /new action/.test(subject)
        ? 'new-actions'
        : /\(escalation\)/.test(subject)
          ? 'escalation'
          : /due for your update/.test(subject)
            ? 'chaser'
            : `unknown: ${subject}`;
    const replies = chaseRepliesFeature(db, {
      clock: world.clock,
      mailbox: new GraphMailbox({ graph: tenant.graph, mailbox: MAILBOX }),
      mailboxAddress: MAILBOX,
    });
    const replyDeps = replies.deps;
    // The Inbox read is a GET: the Graph client retries its 503s by itself.
    tenant.tenant.faults.add({
      call: 'GET /users/{id}/mailFolders/inbox/messages',
      kind: 'unavailable',
      times: 2,
      retryAfterSeconds: 0,
    });
    let seen = 0;
    const sentIds = new Map<string, string>();
    const run = async (day: string, time: string) => {
      world.clock.set(at(day, time));
      await world.feature.chaseAll();
      await world.feature.dispatch();
      await replies.poll();
      for (const m of tenant.tenant.outbox.slice(seen)) {
        expectNoPersonalData(JSON.stringify(m), `mail "${m.subject}"`);
        expect(m.from).toBe('marac.coordinator@northfield-council.example');
        expect(m.to).toHaveLength(1);
        const key = `${day}|${kindOf(m.subject)}|${m.to[0]!.address.toLowerCase()}`;
        expect(actual.has(key), `two mails for ${key}`).toBe(false);
        actual.set(key, (m.body.match(/>A-\d{4}</g) ?? []).map((r) => r.slice(1, -1)).sort());
        sentIds.set(key, m.id);
      }
      seen = tenant.tenant.outbox.length;
    };
    await run('2026-10-21', '14:00');
    await run('2026-10-21', '16:00');
    for (let day = '2026-10-22'; day <= '2026-11-27'; day = addCalendarDays(day, 1)) {
      if (day === REPLIED.completeOn) {
        // The coordinator sees "reply from the owner of A-00xx" with its text, records completion
        // for the action the reply is about, and sets the others in the same mail aside.
        world.clock.set(at(day, '08:00'));
        const replied = all[REPLIED.i]!;
        const waiting = await listReplies(replyDeps, coordinator, { handled: false });
        expect(
          waiting.map((r) => `${r.reference} ${r.sender} ${r.fromEmail} ${r.text}`).sort(),
        ).toEqual(
          (expected.get(`${REPLIED.replyOn}|chaser|${replied.ownerEmails[0]!.toLowerCase()}`) ?? [])
            .map((ref) => `${ref} owner ${replied.ownerEmails[0]!.toLowerCase()} ${REPLIED.text}`)
            .sort(),
        );
        expect(waiting.length).toBeGreaterThan(1);
        for (const r of waiting)
          if (r.actionId === replied.action!.id)
            expect(
              await completeFromReply(replyDeps, coordinator, r.id, { version: r.actionVersion }),
            ).toEqual({ reference: replied.action!.reference, state: 'done' });
          else await dismissReply(replyDeps, coordinator, r.id);
        expect(await listReplies(replyDeps, coordinator, { handled: false })).toEqual([]);
      }
      for (const p of all) {
        if (p.i === EXTENDED.i && day === EXTENDED.on) {
          world.clock.set(at(day, '08:00'));
          const extended = await extendDueDate(controls, coordinator, p.action!.id, {
            dueOn: EXTENDED.to,
            reason: 'The housing panel meets later this month',
            version: p.action!.version,
          });
          expect(extended).toEqual({ reference: p.action!.reference, dueOn: EXTENDED.to });
        }
        if (p.i === PAUSED.i && (day === PAUSED.pause || day === PAUSED.resume)) {
          world.clock.set(at(day, '08:00'));
          await setChasePaused(controls, coordinator, p.action!.id, day === PAUSED.pause);
        }
        if (CLOSES[p.behaviour][p.dueOn] !== day) continue;
        world.clock.set(at(day, '08:00'));
        await closeAction(world.feature.actions, await world.viewer(p.closerKey), p.action!.id, {
          outcome: p.behaviour === 'not-achievable' ? 'not-achievable' : 'done',
          reason: p.behaviour === 'not-achievable' ? 'The family moved out of area' : null,
          version: p.action!.version,
        });
      }
      for (const time of ['07:30', '09:00', '12:00', '16:00', '18:00']) {
        if (day === REPLIED.replyOn && time === '16:00') {
          // The owner answers the morning's reminder from Outlook.
          const owner = all[REPLIED.i]!.ownerEmails[0]!;
          const reminder = tenant.tenant.outbox.find(
            (m) => m.id === sentIds.get(`${REPLIED.replyOn}|chaser|${owner.toLowerCase()}`),
          );
          expect(reminder?.body).toContain(`>${all[REPLIED.i]!.action!.reference}<`);
          world.clock.set(at(day, '15:40'));
          tenant.tenant.reply({
            to: reminder!.id,
            from: { address: owner, name: 'Sam Testbury' },
            text: REPLIED.text,
            at: world.clock.now(),
          });
        }
        await run(day, time);
      }
    }

    const show = (m: Map<string, string[]>) =>
      [...m.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k} ${v.join(',')}`);
    expect(show(actual)).toEqual(show(expected));
    // Nothing on weekends or outside working hours (the keys' days are all weekdays).
    for (const key of actual.keys()) {
      const day = key.split('|')[0] as string;
      expect(new Date(`${day}T12:00:00Z`).getUTCDay() % 6, key).not.toBe(0);
    }
    expect(tenant.tenant.outbox.length).toBeGreaterThan(100);
    const sendMails = tenant.tenant.requests.filter((r) => r.call === 'POST /users/{id}/sendMail');
    expect(
      sendMails
        .filter((r) => r.status >= 500)
        .map((r) => r.status)
        .sort(),
    ).toEqual([503, 503, 503, 503, 503, 504, 504]);

    // Escalated and never-completed actions carry level 2 and their history says so (FR-075, FR-079).
    const never = all.filter(
      (p) =>
        p.behaviour === 'never' &&
        p.i !== PAUSED.i &&
        p.i !== EXTENDED.i &&
        p.i !== REPLIED.i &&
        p.agency !== BLOCKED_AGENCY,
    );
    // An escalation nobody could receive does not count as escalated: it is on the
    // coordinator's list of blocked chasers instead (below).
    for (const p of all.filter((x) => x.behaviour === 'never' && x.agency === BLOCKED_AGENCY))
      expect(await store.getAction(p.action!.id)).toMatchObject({ escalationLevel: 1 });
    for (const p of never) {
      const a = await store.getAction(p.action!.id);
      expect(a).toMatchObject({ state: 'open', escalationLevel: 2 });
      const events = (await store.history(p.action!.id)).map((h) => h.event);
      expect(events).toEqual([
        'created',
        'owner-notified',
        'chased',
        'chased',
        'chased',
        'escalated',
      ]);
    }
    // The paused and the extended action: their history says what the coordinator did.
    const paused = all[PAUSED.i]!;
    expect((await store.history(paused.action!.id)).map((h) => h.event)).toEqual([
      'created',
      'owner-notified',
      'chased',
      'chasing-paused',
      'chasing-resumed',
      'chased',
      'escalated',
    ]);
    const extended = all[EXTENDED.i]!;
    expect(await store.getAction(extended.action!.id)).toMatchObject({
      dueOn: EXTENDED.to,
      dueOverridden: true,
      escalationLevel: 2,
    });
    const extendedHistory = await store.history(extended.action!.id);
    expect(extendedHistory.find((h) => h.event === 'due-extended')?.changes).toEqual({
      dueOn: { from: '2026-10-28', to: EXTENDED.to },
      reason: 'The housing panel meets later this month',
    });
    const chased = await chaseHistory(controls, coordinator, extended.action!.id);
    expect(chased.chasers.filter((c) => c.step === 'reminder').map((c) => c.dueOn)).toEqual([
      '2026-10-28',
      EXTENDED.to,
    ]);
    expect(new Set(chased.chasers.map((c) => c.state))).toEqual(new Set(['sent']));

    // The blocked escalation contact was never mailed, and the coordinator sees each one.
    expect(tenant.tenant.outbox.some((m) => m.to.some((t) => t.address === BLOCKED_CONTACT))).toBe(
      false,
    );
    const blockedRefs = all
      .filter((p) => p.agency === BLOCKED_AGENCY)
      .filter((p) => {
        const closes = CLOSES[p.behaviour][p.dueOn];
        return closes === null || DUES[p.dueOn].escalation < closes;
      })
      .map((p) => p.action!.reference)
      .sort();
    expect(blockedRefs.length).toBeGreaterThan(0);
    const blocked = await blockedChasers(controls, coordinator);
    expect(blocked.map((b) => b.reference).sort()).toEqual(blockedRefs);
    expect(new Set(blocked.map((b) => `${b.recipientEmail} ${b.reason} ${b.step}`))).toEqual(
      new Set([`${BLOCKED_CONTACT} domain-not-allowed escalation`]),
    );
    // Escalation without a contact never went back to the owner or deputy.
    for (const p of all.filter((x) => x.agency === NO_CONTACT_AGENCY))
      for (const to of [...p.ownerEmails, ...p.deputyEmails])
        expect(actual.has(`${DUES[p.dueOn].escalation}|escalation|${to}`)).toBe(false);

    // The reply became the action's completion, confirmed by email, in its history and audit.
    const replied = all[REPLIED.i]!;
    expect(await store.getAction(replied.action!.id)).toMatchObject({
      state: 'done',
      completedOn: REPLIED.replyOn,
      confirmationSource: 'email',
      escalationLevel: 0,
    });
    expect((await store.history(replied.action!.id)).map((h) => h.event)).toEqual([
      'created',
      'owner-notified',
      'chased',
      'confirmation-recorded',
    ]);
    const { rows: replyRows } = await db.query<{ state: string; n: number }>(
      `SELECT state, count(*)::int AS n FROM chase_reply GROUP BY state ORDER BY state`,
    );
    expect(replyRows.map((r) => r.state)).toEqual(['completed', 'dismissed']);
    expect(replyRows[0]!.n).toBe(1);
    const { rows: audited } = await db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log
        WHERE action IN ('chase-reply.receive', 'chase-reply.view', 'chase-reply.dismiss')
           OR (action = 'action.complete' AND detail->>'source' = 'email')
        GROUP BY action ORDER BY action`,
    );
    expect(audited).toEqual([
      { action: 'action.complete', n: 1 },
      { action: 'chase-reply.dismiss', n: replyRows[1]!.n },
      { action: 'chase-reply.receive', n: 1 },
      { action: 'chase-reply.view', n: 2 },
    ]);
    // Reply text is kept for the area's 30 days, then destroyed (and audited).
    const { rows: texts } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM chase_reply WHERE body_text IS NOT NULL`,
    );
    expect(texts[0]!.n).toBe(replyRows[0]!.n + replyRows[1]!.n);
    world.clock.set(at('2026-12-14', '09:00'));
    expect(await replies.purge()).toBe(texts[0]!.n);
    expect(await replies.purge()).toBe(0);
    const { rows: left } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM chase_reply WHERE body_text IS NOT NULL`,
    );
    expect(left[0]!.n).toBe(0);
    expect(
      tenant.tenant.requests.filter(
        (r) => r.call === 'GET /users/{id}/mailFolders/inbox/messages' && r.status === 503,
      ),
    ).toHaveLength(2);

    const early = all.find((p) => p.behaviour === 'early' && p.dueOn === '2026-11-04')!;
    expect((await store.getAction(early.action!.id))?.escalationLevel).toBe(0);
    // Every outbox row went: none pending, none failed, none twice.
    const { rows } = await db.query<{ state: string; n: number }>(
      'SELECT state, count(*)::int AS n FROM outbox_mail GROUP BY state',
    );
    expect(rows).toEqual([{ state: 'sent', n: tenant.tenant.outbox.length }]);
    expect(localDay(world.clock.now(), TZ)).toBe('2026-12-14');
  }, 600_000);
});

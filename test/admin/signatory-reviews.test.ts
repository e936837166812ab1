import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, localDay } from '../../core/calendar/index.js';
import { remindSignatoryReviews } from '../../core/area-setup/reviews.js';
import { preMeeting, tabLinks } from '../../server/pre-meeting.js';
import { FakeClock } from '../support/fake-clock.js';
import { FakeMeetingScheduler } from '../support/fake-meeting-scheduler.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Information-sharing agreements due for review: the Agencies screen says "review due" from 30
 * days before the review date, and the daily job mails each coordinator once per agency and
 * review date, naming the agency (an organisation) and linking to the Agencies screen only.
 */
let app: TestApp;
const now = new Date();
const today = localDay(now, 'Europe/London');

beforeAll(async () => {
  app = await startTestApp({ now });
});
afterAll(async () => app.close());

async function call(method: string, route: string, body?: unknown) {
  const res = await fetch(`${app.url}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${await app.signIn('coordinator')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const reviews = () =>
  preMeeting(app.db, {
    clock: new FakeClock(now),
    scheduler: new FakeMeetingScheduler(),
    fileShare: null,
    links: tabLinks({
      publicUrl: 'https://marac.example',
      teamsAppId: null,
      demo: true,
    }),
  }).reviews;

async function reminders() {
  const { rows } = await app.db.query<{
    idempotency_key: string;
    subject: string;
    body_html: string;
    to_recipients: { email: string }[];
  }>(
    `SELECT idempotency_key, subject, body_html, to_recipients FROM outbox_mail
      WHERE purpose = 'signatory-review' ORDER BY idempotency_key`,
  );
  return rows;
}

describe('signatory review reminders', () => {
  let soon: { id: string; name: string };
  let later: { id: string; name: string };

  it('shows "review due" on the Agencies screen within 30 days of the review date', async () => {
    const agencies = (await call('GET', '/api/area/agencies')).body.agencies.filter(
      (a: { membershipStatus: string }) => a.membershipStatus === 'approved',
    );
    [soon, later] = agencies;
    for (const [a, days] of [
      [soon, 10],
      [later, 45],
    ] as const) {
      const res = await call('PATCH', `/api/area/agencies/${a.id}`, {
        signatoryReviewDueOn: addCalendarDays(today, days),
      });
      expect(res.status).toBe(200);
    }
    const after = (await call('GET', '/api/area/agencies')).body.agencies;
    const due = (id: string) =>
      after.find((a: { id: string }) => a.id === id).signatoryReviewDue as boolean;
    expect(due(soon.id)).toBe(true);
    expect(due(later.id)).toBe(false);
  });

  it('mails every coordinator once, with the agency name and a link only', async () => {
    const before = (await reminders()).length;
    const dueAgencies = (await call('GET', '/api/area/agencies')).body.agencies.filter(
      (a: { signatoryReviewDue: boolean }) => a.signatoryReviewDue,
    ).length;
    const { rows: coordinators } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM person p JOIN person_role r ON r.person_id = p.id
        WHERE r.role = 'coordinator' AND p.is_active`,
    );
    const first = await remindSignatoryReviews(reviews(), [
      (await call('GET', '/api/area')).body.area.id,
    ]);
    expect(first.queued).toBe(dueAgencies * (coordinators[0]?.n ?? 0));
    expect(first.queued).toBeGreaterThan(0);
    const mails = await reminders();
    expect(mails).toHaveLength(before + first.queued);
    const mine = mails.filter((m) => m.subject.endsWith(soon.name));
    expect(mine).toHaveLength(coordinators[0]?.n ?? 0);
    for (const m of mine) {
      expect(m.subject).toBe(`Information-sharing agreement review due: ${soon.name}`);
      expect(m.body_html).toContain('https://marac.example/#/coordinator/area');
      expectNoPersonalData(`${m.subject}\n${m.body_html}`, 'signatory review mail');
    }
    expect(mails.some((m) => m.subject.endsWith(later.name))).toBe(false);

    // Idempotent: a rerun sends nothing; a new review date reminds again.
    const id = (await call('GET', '/api/area')).body.area.id;
    expect((await remindSignatoryReviews(reviews(), [id])).queued).toBe(0);
    await call('PATCH', `/api/area/agencies/${soon.id}`, {
      signatoryReviewDueOn: addCalendarDays(today, 20),
    });
    expect((await remindSignatoryReviews(reviews(), [id])).queued).toBe(coordinators[0]?.n);
    const { rows: audit } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log
        WHERE action = 'agency.signatory-review-reminder' AND record_id = $1`,
      [soon.id],
    );
    expect(audit[0]?.n).toBe(2);
  });
});

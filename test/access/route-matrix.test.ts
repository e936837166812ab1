import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgActionStore } from '../../store/action-store.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { ACCESS_POLICY, OTHER_ENTRY_POINTS, type PolicyKey } from '../../tab/api/access-policy.js';
import { addCaseSpecificInvitee, addOtherArea } from '../support/extra-people.js';
import {
  agencyId,
  personId,
  SEEDED_MEETING,
  startPreMeetingApp,
  type PreMeetingApp,
} from '../pre-meeting/support.js';

/**
 * Default deny, over every route of the running service: each registered route carries its
 * row of ACCESS_POLICY (tab/api/access-policy.ts), every other entry point is one of the
 * declared OTHER_ENTRY_POINTS, and each tab route called as each kind of person answers as
 * MATRIX below says.
 *
 * The state: the seeded Northfield meeting, scheduled and not yet started (so observers see
 * nothing); every invited person and the case-specific attendee has accepted its declaration;
 * the area allows minutes download. Cells:
 *   ok   GET: 200. Write: 2xx.
 *   in   a write that passed the access gate (role, area) and was then refused for its body,
 *        which is deliberately invalid so nothing changes: 400, 409 or 422. Relationship rules
 *        behind a write's body (own agency's action, ...) are tested with the use cases.
 *   403  refused for the role or relationship; 404 the record is another area's (or hidden).
 * Signed out is 401 on every route (not a column: it is the same everywhere).
 */
const WHO = {
  coord: 'coordinator',
  chair: 'chair',
  dchair: 'deputy-chair',
  rep: 'housing-rep',
  dep: 'housing-deputy',
  idva: 'idva-2',
  obs: 'observer',
  steer: 'steering',
  nonsig: 'harbour-rep', // representative of an agency that has not signed (FR-107)
  case: 'keyworker', // listed on the closed-session case alone (FR-007, R7)
  other: 'other-coordinator', // another area's coordinator
} as const;
const COLUMNS = Object.keys(WHO) as (keyof typeof WHO)[];

// prettier-ignore
const MATRIX: [PolicyKey, string][] = [
  //                                                              coord chair dchair rep  dep  idva obs  steer nonsig case other
  ['GET /api/me',                                                 'ok   ok    ok     ok   ok   ok   ok   ok    ok     ok   ok'],
  ['GET /api/area',                                               'ok   ok    ok     ok   ok   ok   ok   ok    ok     ok   ok'],
  ['GET /api/area/agencies',                                      'ok   ok    ok     ok   ok   ok   ok   ok    ok     ok   ok'],
  ['GET /api/area/people',                                        'ok   403   403    403  403  403  403  403   403    403  ok'],
  ['GET /api/meetings',                                           'ok   ok    ok     ok   ok   ok   ok   ok    ok     ok   ok'],
  ['GET /api/meetings/:meetingId',                                'ok   ok    ok     ok   ok   ok   ok   ok    ok     ok   404'],
  ['GET /api/meetings/:meetingId/agenda',                         'ok   ok    ok     403  403  403  403  403   403    403  404'],
  ['GET /api/meetings/:meetingId/move-requests',                  'ok   ok    ok     403  403  403  403  403   403    403  404'],
  ['GET /api/meetings/:meetingId/declaration',                    'ok   ok    ok     ok   ok   ok   403  403   403    ok   404'],
  ['GET /api/meetings/:meetingId/case-list',                      'ok   ok    ok     ok   ok   ok   403  403   403    ok   404'],
  ['GET /api/meetings/:meetingId/circulation',                    'ok   ok    ok     403  403  403  403  403   403    403  404'],
  ['GET /api/meetings/:meetingId/research',                       'ok   ok    ok     ok   ok   ok   403  403   403    ok   404'],
  ['GET /api/meetings/:meetingId/research/mine',                  '403  403   403    ok   ok   ok   403  403   403    403  403'],
  ['GET /api/meetings/:meetingId/research/grid',                  'ok   ok    ok     403  403  403  403  403   403    403  404'],
  ['GET /api/meetings/:meetingId/research/cases/:itemId',         'ok   ok    ok     403  403  403  403  403   403    403  404'],
  ['GET /api/meetings/:meetingId/attendance',                     'ok   ok    ok     403  403  403  403  403   403    403  404'],
  ['GET /api/meetings/:meetingId/run',                            'ok   ok    ok     403  403  403  403  403   403    403  404'],
  ['GET /api/meetings/:id/minutes',                               'ok   ok    ok     ok   ok   ok   403  403   403    403  404'],
  // Members who are not leads read minutes once circulated (the JSON says so; the file is 409).
  ['GET /api/meetings/:id/minutes.docx',                          'ok   ok    ok     in   in   in   403  403   403    403  404'],
  ['GET /api/agencies/:id/extract',                               'ok   ok    ok     ok   ok   403  403  403   403    403  404'],
  ['GET /api/actions',                                            'ok   ok    ok     ok   ok   ok   403  403   ok     403  ok'],
  ['GET /api/actions/:id',                                        'ok   ok    ok     ok   ok   ok   403  403   404    403  404'],
  ['GET /api/reports/attendance',                                 'ok   ok    ok     403  403  403  403  ok    403    403  ok'],
  ['GET /api/reports/governance',                                 'ok   ok    ok     403  403  403  403  ok    403    403  ok'],
  ['GET /api/reports/steering-pack',                              'ok   ok    ok     403  403  403  403  ok    403    403  ok'],
  ['GET /api/reports/steering-pack.docx',                         'ok   ok    ok     403  403  403  403  ok    403    403  ok'],
  ['GET /api/reports/steering-pack.xlsx',                         'ok   ok    ok     403  403  403  403  ok    403    403  ok'],
  ['GET /api/reports/population',                                 'ok   403   403    403  403  403  403  403   403    403  ok'],
  ['PUT /api/reports/population',                                 'in   403   403    403  403  403  403  403   403    403  in'],
  ['GET /api/audit',                                              'ok   403   403    403  403  403  403  403   403    403  ok'],
  ['GET /api/outbox/attention',                                   'ok   403   403    403  403  403  403  403   403    403  ok'],
  ['POST /api/outbox/:outboxId/resend',                           'in   403   403    403  403  403  403  403   403    403  404'],
  ['PATCH /api/area/policy',                                      'in   403   403    403  403  403  403  403   403    403  in'],
  ['POST /api/area/agencies',                                     'in   403   403    403  403  403  403  403   403    403  in'],
  ['PATCH /api/area/agencies/:agencyId',                          'in   403   403    403  403  403  403  403   403    403  404'],
  ['PUT /api/area/agencies/:agencyId/nominations',                'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/area/people',                                       'in   403   403    403  403  403  403  403   403    403  in'],
  ['PATCH /api/area/people/:personId',                            'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/series',                                   'in   403   403    403  403  403  403  403   403    403  in'],
  ['POST /api/meetings',                                          'in   403   403    403  403  403  403  403   403    403  in'],
  ['POST /api/meetings/:meetingId/closed-sessions',               'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:meetingId/reschedule',                    'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:meetingId/agenda',                        'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:meetingId/agenda/import',                 'in   403   403    403  403  403  403  403   403    403  404'],
  ['PATCH /api/meetings/:meetingId/agenda/:itemId',               'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:meetingId/agenda/:itemId/move',           '403  in    in     403  403  403  403  403   403    403  403'],
  ['POST /api/meetings/:meetingId/agenda/:itemId/move-requests',  '403  403   403    in   in   in   403  403   403    403  403'],
  ['POST /api/meetings/:meetingId/move-requests/:moveId/decision','403  in    in     403  403  403  403  403   403    403  403'],
  ['POST /api/meetings/:meetingId/declaration',                   'ok   ok    ok     ok   ok   ok   403  403   403    ok   404'],
  ['POST /api/meetings/:meetingId/case-list/export',              'in   403   403    403  403  403  403  403   403    403  404'],
  // Housing is not involved in the first case, so its rep and deputy are refused before the body.
  ['PUT /api/meetings/:meetingId/research/cases/:itemId',         '403  403   403    403  403  in   403  403   403    403  403'],
  ['POST /api/meetings/:meetingId/attendance/attest',             '403  in    in     403  403  403  403  403   403    403  403'],
  ['POST /api/meetings/:meetingId/apologies',                     'in   in    in     403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:meetingId/run/checklist',                 '403  in    in     403  403  403  403  403   403    403  403'],
  ['POST /api/meetings/:meetingId/run/start-case',                '403  in    in     403  403  403  403  403   403    403  403'],
  ['POST /api/meetings/:meetingId/run/close-case',                '403  in    in     403  403  403  403  403   403    403  403'],
  ['POST /api/meetings/:meetingId/run/end',                       '403  in    in     403  403  403  403  403   403    403  403'],
  ['POST /api/meetings/:meetingId/run/actions/:actionId/:verb',   '403  in    in     403  403  403  403  403   403    403  403'],
  ['POST /api/actions/chase',                                     'in   403   403    403  403  403  403  403   403    403  in'],
  ['POST /api/actions/:id/complete',                              '403  403   403    in   in   in   403  403   in     403  403'],
  ['POST /api/actions/:id/not-achievable',                        '403  403   403    in   in   in   403  403   in     403  403'],
  ['POST /api/actions/:id/record-confirmation',                   'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:meetingId/circulation',                   'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:meetingId/retry-setup',                   'ok   403   403    403  403  403  403  403   403    403  404'],
  ['GET /api/meetings/:meetingId/agenda/template',                'ok   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/series/preview',                           'in   403   403    403  403  403  403  403   403    403  in'],
  ['PUT /api/meetings/:meetingId/leads',                          'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:meetingId/agenda/:itemId/position',       'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:meetingId/agenda/:itemId/defer',          'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:meetingId/agenda/:itemId/remove',         'in   403   403    403  403  403  403  403   403    403  404'],
  ['PUT /api/meetings/:id/minutes/cases/:itemId',                  'in   in    in     403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:id/minutes/submit',                        'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:id/minutes/decision',                      '403  in    in     403  403  403  403  403   403    403  403'],
  ['POST /api/meetings/:id/minutes/circulate',                     'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:id/minutes/addenda',                       'in   in    in     403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:meetingId/attendance/unmatched/:unmatchedId/match', 'in 403 403 403 403 403 403 403 403 403 404'],
  // People for one case (the keyworker is invited for the first case), apologies, move decisions.
  ['GET /api/meetings/:meetingId/case-people',                    'ok   ok    ok     403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:meetingId/agenda/:itemId/case-people',    'in   403   403    403  403  403  403  403   403    403  404'],
  ['GET /api/meetings/:meetingId/my-cases',                       'ok   ok    ok     ok   ok   ok   ok   403   ok     ok   404'],
  ['GET /api/meetings/:meetingId/my-cases/:itemId',               '404  404   404    404  404  404  404  403   404    ok   404'],
  ['POST /api/meetings/:meetingId/my-cases/:itemId/declaration',  '404  404   404    404  404  404  404  403   404    ok   404'],
  ['GET /api/meetings/:meetingId/apologies',                      'ok   ok    ok     403  403  403  403  403   403    403  404'],
  ['GET /api/meetings/:meetingId/my-apology',                     '403  403   403    ok   ok   ok   403  403   403    403  403'],
  ['POST /api/meetings/:meetingId/my-apology',                    '403  403   403    in   in   in   403  403   403    403  403'],
  ['GET /api/meetings/:meetingId/my-move-requests',               '403  403   403    ok   ok   ok   403  403   403    403  403'],
  ['GET /api/meetings/:meetingId/move-decisions',                 'ok   ok    ok     403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:meetingId/move-requests/:moveId/accept',  'in   in    in     403  403  403  403  403   403    403  404'],
  ['POST /api/meetings/:meetingId/move-requests/:moveId/decline', 'in   in    in     403  403  403  403  403   403    403  404'],
  // Last: a coordinator's cancel would change what every row above sees.
  ['POST /api/meetings/:meetingId/cancel',                        'in   403   403    403  403  403  403  403   403    403  404'],
  ['GET /api/area/directory',                                     'in   403   403    403  403  403  403  403   403    403  in'],
  ['GET /api/area/sign-in-refusals',                              'ok   403   403    403  403  403  403  403   403    403  ok'],
  ['GET /api/area/case-reviews',                                  'ok   403   403    403  403  403  403  403   403    403  ok'],
  ['GET /api/area/directory/groups',                              'in   403   403    403  403  403  403  403   403    403  in'],
  ['GET /api/area/directory/groups/:groupId/members',             'in   403   403    403  403  403  403  403   403    403  in'],
  ['POST /api/area/people/from-group',                            'in   403   403    403  403  403  403  403   403    403  in'],
  ['PUT /api/area/confidentiality-statement',                     'in   403   403    403  403  403  403  403   403    403  in'],
  ['POST /api/area/agencies/:agencyId/withdraw',                  'in   403   403    403  403  403  403  403   403    403  404'],
  // The SafeLives data return (coordinator only; unaffected by the cancel above).
  ['GET /api/meetings/:meetingId/case-return',                    'ok   403   403    403  403  403  403  403   403    403  404'],
  ['PUT /api/meetings/:meetingId/case-return/:itemId',            'in   403   403    403  403  403  403  403   403    403  404'],
  ['GET /api/reports/safelives-return',                           'ok   403   403    403  403  403  403  403   403    403  ok'],
  ['GET /api/reports/safelives-return.xlsx',                      'ok   403   403    403  403  403  403  403   403    403  ok'],
  // Spreadsheet and CSV exports (after cancel is harmless: they read what is there).
  ['GET /api/exports/actions',                                    'ok   ok    ok     ok   ok   ok   403  403   ok     403  ok'],
  ['GET /api/exports/meetings/:meetingId/attendance',             'ok   ok    ok     403  403  403  403  403   403    403  404'],
  ['GET /api/exports/attendance',                                 'ok   ok    ok     403  403  403  403  403   403    403  ok'],
  ['GET /api/exports/audit',                                      'ok   403   403    403  403  403  403  403   403    403  ok'],
  ['GET /api/chasing/blocked',                                    'ok   403   403    403  403  403  403  403   403    403  ok'],
  ['GET /api/chasing/actions/:id',                                'ok   ok    ok     403  403  403  403  403   403    403  404'],
  ['POST /api/chasing/actions/:id/pause',                         'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/chasing/actions/:id/resume',                        'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/chasing/actions/:id/extend',                        'in   403   403    403  403  403  403  403   403    403  404'],
  ['GET /api/chasing/volunteered',                                'ok   ok    ok     403  403  403  403  403   403    403  ok'],
  ['POST /api/chasing/actions/:id/decide',                        '403  in    in     403  403  403  403  403   403    403  403'],
  ['GET /api/chasing/replies',                                    'ok   403   403    403  403  403  403  403   403    403  ok'],
  ['POST /api/chasing/replies/:replyId/complete',                 'in   403   403    403  403  403  403  403   403    403  404'],
  ['POST /api/chasing/replies/:replyId/dismiss',                  'in   403   403    403  403  403  403  403   403    403  404'],
];

let app: PreMeetingApp;
const ids: Record<string, string> = {};
const INVALID_BODY = { unexpected: true };

beforeAll(async () => {
  app = await startPreMeetingApp('2027-03-01T09:00:00Z', { minutesDownload: 'download-allowed' });
  const tenant = app.config.microsoft.tenantId as string;
  await addOtherArea(app.db, tenant);
  await addCaseSpecificInvitee(app.db, demoUuid('area'), tenant);
  const { rows } = await app.db.query<{ id: string; case_id: string }>(
    `SELECT id, case_id FROM agenda_item WHERE meeting_id = $1 AND NOT is_closed_session
      ORDER BY position LIMIT 1`,
    [SEEDED_MEETING],
  );
  const action = await new PgActionStore(app.db).createAction(
    {
      areaId: demoUuid('area'),
      caseId: rows[0]!.case_id,
      meetingId: SEEDED_MEETING,
      description: 'Visit the address with the housing officer',
      category: 'victim',
      dueOn: '2027-04-01',
      state: 'open',
      ownerAgencyId: agencyId('housing'),
      ownerPersonId: personId('housing-rep'),
    },
    personId('chair'),
    app.clock.now(),
  );
  for (const who of ['coordinator', 'chair', 'deputy-chair', 'housing-rep', 'housing-deputy'])
    await app.call(who, 'POST', `/api/meetings/${SEEDED_MEETING}/declaration`);
  for (const who of ['idva-2', 'keyworker'])
    await app.call(who, 'POST', `/api/meetings/${SEEDED_MEETING}/declaration`);
  // The keyworker is also invited for the first open case alone, and accepted its declaration.
  await app.db.query(
    `INSERT INTO case_person (meeting_id, agenda_item_id, person_id, kind, invited_by, invited_at)
     VALUES ($1, $2, $3, 'keyworker', $4, $5)`,
    [SEEDED_MEETING, rows[0]!.id, personId('keyworker'), personId('coordinator'), app.clock.now()],
  );
  await app.call(
    'keyworker',
    'POST',
    `/api/meetings/${SEEDED_MEETING}/my-cases/${rows[0]!.id}/declaration`,
  );
  const move = await app.call(
    'housing-rep',
    'POST',
    `/api/meetings/${SEEDED_MEETING}/agenda/${rows[0]!.id}/move-requests`,
    { toPosition: 2 },
  );
  const mail = await app.db.query<{ id: string }>(
    `INSERT INTO outbox_mail (idempotency_key, purpose, to_recipients, subject, body_html, area_id)
     VALUES ('route-matrix', 'test', '[]'::jsonb, 'Test', '<p>Test</p>', $1) RETURNING id`,
    [demoUuid('area')],
  );
  const reply = await app.db.query<{ id: string }>(
    `INSERT INTO chase_reply (area_id, action_id, outbox_id, graph_message_id, from_email, sender,
                              received_at, body_text, created_at)
     VALUES ($1, $2, $3, 'AAMkAGroute-matrix', 'housing.rep@example.test', 'owner', $4, 'Done.', $4)
     RETURNING id`,
    [demoUuid('area'), action.id, mail.rows[0]!.id, app.clock.now()],
  );
  Object.assign(ids, {
    replyId: reply.rows[0]!.id,
    outboxId: mail.rows[0]!.id,
    meetingId: SEEDED_MEETING,
    itemId: rows[0]!.id,
    agencyId: agencyId('housing'),
    personId: personId('police-rep'),
    moveId: move.body.move.id,
    actionId: action.id,
    verb: 'confirm',
    unmatchedId: '00000000-0000-4000-8000-000000000000',
    // A directory group the tenant does not have: the coordinator is told so (400).
    groupId: '0b7e5f1a-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
  });
});
afterAll(async () => app.close());

/** The concrete URL for a policy key: its parameters filled, and any query a route needs. */
function urlOf(key: PolicyKey): { method: string; url: string } {
  const [method, path] = key.split(' ') as [string, string];
  // `:id` is the action, agency or meeting its route is about.
  const idOf = /^\/api\/(actions|chasing)/.test(path)
    ? ids.actionId
    : path.startsWith('/api/agencies')
      ? ids.agencyId
      : ids.meetingId;
  let url = path.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' ? idOf : ids[name]) ?? '');
  if (path.startsWith('/api/reports/') || path === '/api/exports/attendance')
    url += '?from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z';
  return { method, url };
}

function expected(cell: string, method: string): (status: number) => boolean {
  if (cell === 'ok') return method === 'GET' ? (s) => s === 200 : (s) => s >= 200 && s < 300;
  if (cell === 'in') return (s) => [400, 409, 422].includes(s);
  return (s) => s === Number(cell);
}

/** Every route of the running app: method and full path, with the handlers on it. */
function registeredRoutes(): { method: string; path: string; gated: string | null }[] {
  const found: { method: string; path: string; gated: string | null }[] = [];
  const walk = (stack: RouterLayer[], prefix: string) => {
    for (const layer of stack) {
      const raw = typeof layer.rawPath === 'string' ? layer.rawPath : '';
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          const first = layer.route.stack[0]?.handle as { accessPolicy?: string } | undefined;
          found.push({
            method: method.toUpperCase(),
            path: `${prefix}${layer.route.path === '/' && prefix ? '' : layer.route.path}`,
            gated: first?.accessPolicy ?? null,
          });
        }
      } else if ((layer.handle as Partial<Router>).stack) {
        walk(
          (layer.handle as unknown as { stack: RouterLayer[] }).stack,
          prefix + (raw === '/' ? '' : raw),
        );
      }
    }
  };
  walk((app.app as unknown as { router: { stack: RouterLayer[] } }).router.stack, '');
  return found;
}

interface RouterLayer {
  rawPath?: unknown;
  handle: unknown;
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: unknown }[] };
}

describe('every route declares its access policy (default deny)', () => {
  it('each tab API route carries its own row of the policy table; nothing else is unaccounted for', () => {
    const routes = registeredRoutes();
    expect(routes.length).toBeGreaterThan(50);
    const unguarded: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      if (r.gated) {
        expect(r.gated, `the gate on ${key} names another route`).toBe(key);
        continue;
      }
      const other = OTHER_ENTRY_POINTS.find((e) => r.path.startsWith(e.prefix));
      if (!other) unguarded.push(key);
    }
    expect(unguarded, 'routes without an access policy').toEqual([]);
    const gated = new Set(routes.filter((r) => r.gated).map((r) => r.gated));
    expect(Object.keys(ACCESS_POLICY).filter((k) => !gated.has(k))).toEqual([]);
  });

  it('the matrix below covers every tab API route', () => {
    expect(MATRIX.map(([k]) => k).sort()).toEqual(Object.keys(ACCESS_POLICY).sort());
  });
});

describe('each route as each person (REQUIREMENTS.md §1.2)', () => {
  it.each(MATRIX)('%s', async (key, row) => {
    const cells = row.trim().split(/\s+/);
    expect(cells).toHaveLength(COLUMNS.length);
    const { method, url } = urlOf(key);
    const init = (): RequestInit =>
      method === 'GET'
        ? {}
        : {
            method,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(INVALID_BODY),
          };
    const signedOut = await fetch(`${app.url}${url}`, init());
    const problems: string[] = [];
    if (signedOut.status !== 401) problems.push(`signed out: ${signedOut.status}, expected 401`);
    for (const [i, column] of COLUMNS.entries()) {
      const cell = cells[i] as string;
      const res = await app.as(WHO[column])(url, init());
      const text = await res.text();
      if (!expected(cell, method)(res.status))
        problems.push(`${column}: ${res.status}, expected ${cell} (${text.slice(0, 160)})`);
      // Another area's coordinator never sees a trace of this area, even where it may call.
      if (column === 'other')
        for (const id of [SEEDED_MEETING, demoUuid('area'), ids.itemId, ids.actionId])
          if (text.includes(id as string)) problems.push(`other area's response names ${id}`);
    }
    expect(problems).toEqual([]);
  });
});

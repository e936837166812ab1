import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AREA_POLICY, parseAreaPolicy, type AreaPolicy } from '../../core/area-policy.js';
import { attendanceReport } from '../../core/attendance/attendance-report.js';
import { casesDueForReview } from '../../core/area-setup/reviews.js';
import { capacityOf } from '../../core/agenda/agenda-schedule.js';
import { opening } from '../../core/agenda/agenda-service.js';
import { planClose, resolveDueOn } from '../../core/actions/action.js';
import { insideWorkingHours } from '../../core/chasing/chase-run.js';
import { lookAheadWorkingDays } from '../../core/chasing/chase-plan.js';
import { breakPrompt } from '../../core/meeting-run/break-prompt.js';
import type { Area } from '../../core/model.js';
import { disallowedRecipients } from '../../core/recipient-policy.js';
import { purgeDueMaterial } from '../../core/retention/retention.js';
import { caseMaterialClosed } from '../../core/research/research-rules.js';
import { purgeReplyText } from '../../core/chasing/chase-replies.js';
import { ensureVictimFeedbackActions } from '../../core/actions/victim-feedback.js';
import { exportCaseList } from '../../core/circulation/export-case-list.js';
import { meetingStarted } from '../../core/attendance/live-attendance.js';
import { reconcileMeeting } from '../../core/attendance/reconcile-meeting.js';
import { insideNoticePeriod } from '../../core/scheduling/notice-period.js';
import { PgAreaSetupStore } from '../../store/area-setup-store.js';
import { PgAttendanceStore } from '../../store/attendance-store.js';
import { PgDirectoryStore } from '../../store/directory-store.js';
import { addCase, agendaView } from '../../core/agenda/agenda-service.js';
import { moveCase } from '../../core/agenda/reorder.js';
import type { NewCase } from '../../core/agenda/agenda-repository.js';
import { preMeetingRepos } from '../../store/repositories.js';
import { PgUnitOfWork } from '../../store/unit-of-work.js';
import { aCase, aMeeting, anArea, anInvitee, type World } from '../support/builders.js';
import { FakeClock } from '../support/fake-clock.js';
import { FakeFileShare } from '../support/fake-file-share.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * No policy setting is inert: each one is changed and the change is seen where it acts (a
 * screen's data, a mail, a job, a rule, a call to Teams or SharePoint through a fake). EFFECTS must name every setting of the policy, so a
 * setting added without anything that reads it fails here; and every setting must be read by
 * product code outside the policy's own definition and its form.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
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
  return { status: res.status, body: (await res.json().catch(() => null)) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The demo area's policy, changed through the coordinator's own route. */
async function setPolicy(changes: Record<string, unknown>) {
  const res = await call('PATCH', '/api/area/policy', changes);
  expect(res.status).toBe(200);
}

function leafPaths(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value))
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

function withValue(policy: AreaPolicy, path: string, value: unknown): AreaPolicy {
  const copy = structuredClone(policy) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let at = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys.at(-1) as string] = value;
  return parseAreaPolicy(copy);
}

const area = (policy: AreaPolicy): Area => ({
  id: 'area',
  name: 'Effects MARAC',
  nation: 'england-and-wales',
  timeZone: 'Europe/London',
  policy,
  confidentialityStatement: 'Confidential.',
  organiserMailbox: null,
});

/** Nested-object patch for a dotted path, as the policy route takes it. */
function patchFor(path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  let out: unknown = value;
  for (const k of [...keys].reverse()) out = { [k]: out };
  const top = keys[0] as string;
  const base = (DEFAULT_AREA_POLICY as Record<string, unknown>)[top];
  if (keys.length > 1 && base && typeof base === 'object')
    return { [top]: { ...base, ...(out as Record<string, Record<string, unknown>>)[top] } };
  return out as Record<string, unknown>;
}

/** A setting, a changed value, and what it acts on under a given policy. */
interface Effect {
  change: unknown;
  observe(policy: AreaPolicy): unknown;
}

const MEETING_START = new Date('2026-03-11T10:00:00Z');

const EFFECTS: Record<string, Effect> = {
  agendaOpeningMinutes: {
    change: 25,
    observe: (p) => opening(area(p), { kind: 'scheduled' } as never),
  },
  'capacity.maxCases': {
    change: 2,
    observe: (p) =>
      capacityOf(slots(3), meeting(), p, 0).warnings.filter((w) => w.includes('cases')),
  },
  'capacity.maxSessionMinutes': {
    change: 30,
    observe: (p) => capacityOf(slots(3), meeting(), p, 10).warnings.length,
  },
  noticePeriodWorkingDays: {
    change: 2,
    observe: (p) => insideNoticePeriod(new Date('2026-03-04T09:00:00Z'), MEETING_START, area(p)),
  },
  actionDueRule: {
    change: 'end-of-marac-week',
    observe: (p) =>
      resolveDueOn({
        policy: p,
        meetingDay: '2026-03-11',
        today: '2026-03-11',
        nation: 'england-and-wales',
      }).dueOn,
  },
  completionEvidence: {
    change: 'required',
    observe: (p) => {
      try {
        planClose({
          action: {
            state: 'open',
            ownerAgencyId: 'a',
            ownerPersonId: null,
            createdAt: MEETING_START,
          },
          actor: { personId: 'c', areaId: 'area', agencyId: null, roles: ['coordinator'] },
          request: {
            outcome: 'done',
            source: 'recorded-by-coordinator',
            confirmedBy: 'Housing officer',
          },
          policy: p,
          today: '2026-03-20',
        } as never);
        return 'closed';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    },
  },
  chaseLadder: {
    change: [{ step: 'late', offsetWorkingDays: 10, recipients: 'owner' }],
    observe: (p) => lookAheadWorkingDays(p.chaseLadder),
  },
  'workingHours.start': {
    change: '11:00',
    observe: (p) => insideWorkingHours(area(p), new Date('2026-03-11T10:00:00Z')),
  },
  'workingHours.end': {
    change: '10:00',
    observe: (p) => insideWorkingHours(area(p), new Date('2026-03-11T10:30:00Z')),
  },
  allowedRecipientDomains: {
    change: ['northfield-police.example'],
    observe: (p) => disallowedRecipients(p, ['someone@elsewhere.example']),
  },
  breakPromptMinutes: {
    change: 120,
    observe: (p) =>
      breakPrompt(
        { status: 'in-progress', actualStart: MEETING_START },
        [{ actualStart: new Date(MEETING_START.getTime() + 5 * 60_000), actualEnd: null }],
        p.breakPromptMinutes,
        new Date(MEETING_START.getTime() + 100 * 60_000),
      ),
  },
  'retention.researchHoursAfterMeeting': {
    change: 48,
    observe: async (p) => {
      const hours: number[] = [];
      await purgeDueMaterial(
        {
          clock: new FakeClock('2026-03-12T10:00:00Z'),
          areas: { getArea: async () => area(p) },
          audit: { record: async () => undefined },
          fileShare: null,
          retention: {
            purgeResearch: async (_a: string, h: number) => {
              hours.push(h);
              return [];
            },
            purgeCasePersonalData: async () => [],
            dueExports: async () => [],
          },
        } as never,
        ['area'],
      );
      return hours;
    },
  },
  'retention.caseListAccessHoursAfterMeeting': {
    change: 2,
    observe: (p) =>
      caseMaterialClosed(
        {
          status: 'ended',
          scheduledStart: MEETING_START,
          scheduledEnd: new Date('2026-03-11T14:00:00Z'),
        } as never,
        p,
        new Date('2026-03-11T17:00:00Z'),
      ),
  },
  'retention.replyTextDays': {
    change: 7,
    observe: async (p) => {
      const before: string[] = [];
      await purgeReplyText(
        {
          clock: new FakeClock('2026-03-20T10:00:00Z'),
          repos: {
            areas: { getArea: async () => area(p) },
            replies: {
              purgeBodies: async (_a: string, b: Date) => {
                before.push(b.toISOString());
                return 0;
              },
            },
            audit: { record: async () => undefined },
          },
        } as never,
        ['area'],
      );
      return before;
    },
  },
  victimFeedbackAction: {
    change: false,
    observe: async (p) => {
      const created: string[] = [];
      const repos = {
        areas: { getArea: async () => area(p) },
        feedback: {
          feedbackOwner: async () => ({ agencyId: 'idva', personId: null }),
          endedAgendaItems: async () => [
            {
              agendaItemId: 'item',
              caseId: 'case',
              meetingId: 'meeting',
              meetingEnd: new Date('2026-03-11T14:00:00Z'),
              victimAwareOfReferral: true,
              hasFeedback: false,
              hasInform: false,
            },
          ],
        },
        actions: {
          createAction: async (a: { actionType: string }) => {
            created.push(a.actionType);
            return 'action';
          },
        },
      };
      const count = await ensureVictimFeedbackActions(
        {
          clock: new FakeClock('2026-03-12T10:00:00Z'),
          uow: { run: (fn: (r: typeof repos) => Promise<number>) => fn(repos) },
        } as never,
        'area',
      );
      return { count, created };
    },
  },
  'caseListExport.uploadToSharePoint': {
    change: true,
    observe: async (p) => {
      const { outcome, share } = await exportWith(p);
      return { outcome, uploads: share.uploads.length };
    },
  },
  'caseListExport.linkType': {
    change: 'view',
    observe: async (p) =>
      (await exportWith(withValue(p, 'caseListExport.uploadToSharePoint', true))).share.shares.map(
        (s) => s.type,
      ),
  },
  'retention.caseListExportHoursAfterMeeting': {
    change: 12,
    observe: async (p) =>
      (await exportWith(withValue(p, 'caseListExport.uploadToSharePoint', true))).purgeDueAt,
  },
  'cameraEvidence.callingBot': {
    change: true,
    observe: async (p) => {
      const joins: string[] = [];
      const repos = {
        findMeetingForTeams: async () => ({
          id: 'meeting',
          areaId: 'area',
          joinUrl: 'https://teams.example/join',
          chatThreadId: '19:meeting_thread@thread.v2',
          callingCallId: null,
        }),
        markStarted: async () => undefined,
        areaPolicy: async () => p,
        setCall: async () => undefined,
      };
      await meetingStarted(
        {
          clock: new FakeClock('2026-03-11T10:00:00Z'),
          repos,
          uow: { run: (fn: (r: typeof repos) => Promise<unknown>) => fn(repos) },
          callingBot: {
            join: async (j: { joinUrl: string }) => {
              joins.push(j.joinUrl);
              return { callId: 'call', callChainId: 'chain' };
            },
          },
          tenantId: 'tenant',
          jobs: null,
          lifecycle: {},
          log: { info: () => undefined, warn: () => undefined },
        } as never,
        {
          activityId: null,
          teamsMeetingId: 'teams-meeting',
          chatThreadId: '19:meeting_thread@thread.v2',
          at: MEETING_START,
          conversationReference: {},
        },
      );
      return joins;
    },
  },
  'cameraEvidence.callRecords': {
    change: true,
    observe: async (p) => {
      const asked: string[] = [];
      const stop = new Error('stopped after the call-record read');
      const repos = {
        getMeeting: async () => ({
          id: 'meeting',
          areaId: 'area',
          scheduledStart: MEETING_START,
          scheduledEnd: new Date('2026-03-11T14:00:00Z'),
          actualStart: MEETING_START,
          actualEnd: new Date('2026-03-11T13:00:00Z'),
          onlineMeetingId: null,
          callingCallChainId: 'chain',
        }),
        areaPolicy: async () => p,
      };
      await expect(
        reconcileMeeting(
          {
            clock: new FakeClock('2026-03-13T10:00:00Z'),
            repos,
            uow: {
              run: async () => {
                throw stop;
              },
            },
            reports: { list: async () => [] },
            callRecords: {
              videoEvidence: async (chain: string) => {
                asked.push(chain);
                return [];
              },
            },
            log: { info: () => undefined, warn: () => undefined },
          } as never,
          'meeting',
        ),
      ).rejects.toBe(stop);
      return asked;
    },
  },
};

/** Exports a case list through fakes: what the file share was asked and when it is purged. */
async function exportWith(p: AreaPolicy) {
  const share = new FakeFileShare();
  let purgeDueAt: Date | null = null;
  const repos = {
    meetings: {
      getMeeting: async () => ({
        id: 'meeting',
        areaId: 'area',
        kind: 'scheduled',
        title: 'MARAC',
        scheduledStart: MEETING_START,
        scheduledEnd: new Date('2026-03-11T14:00:00Z'),
      }),
      listInvitees: async () => [{ agencyId: null, email: 'rep@northfield-police.example' }],
    },
    directory: { getArea: async () => area(p), listAgencies: async () => [] },
    circulation: {
      caseListItems: async () => [],
      insertExport: async (e: { purgeDueAt: Date }) => {
        purgeDueAt = e.purgeDueAt;
        return 'export';
      },
    },
    audit: { record: async () => undefined },
  };
  let outcome: string;
  try {
    await exportCaseList(
      {
        clock: new FakeClock('2026-03-10T10:00:00Z'),
        repos,
        uow: { run: (fn: (r: typeof repos) => Promise<unknown>) => fn(repos) },
        fileShare: share,
        renderer: {
          render: async () => ({
            fileName: 'case-list.docx',
            contentType: 'application/octet-stream',
            content: new Uint8Array([1]),
          }),
        },
      } as never,
      { personId: 'coordinator', areaId: 'area' },
      'meeting',
    );
    outcome = 'exported';
  } catch (error) {
    outcome = (error as { code?: string }).code ?? 'failed';
  }
  return { outcome, share, purgeDueAt: purgeDueAt as Date | null };
}

function slots(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `i${i}`,
    riskLevel: 'high' as const,
    plannedMinutes: 10,
  }));
}
function meeting() {
  return { scheduledStart: MEETING_START, scheduledEnd: new Date('2026-03-11T14:00:00Z') };
}

/**
 * Settings seen through the running service (the demo area): the coordinator changes the
 * setting with PATCH /api/area/policy and reads what it acts on.
 */
const SERVICE_EFFECTS: Record<string, { change: unknown; observe(): Promise<unknown> }> = {
  caseListLeadWorkingDays: {
    change: 3,
    observe: async () =>
      (await call('GET', '/api/meetings')).body.meetings
        .filter((m: { kind: string }) => m.kind !== 'closed')
        .map((m: { circulationDueOn: string | null }) => m.circulationDueOn),
  },
  writtenSubmissionDaysBefore: {
    change: 7,
    observe: async () => (await research()).writtenSubmissionsDueOn,
  },
  meetingFrequency: {
    change: 'monthly',
    observe: async () => (await preview()).pattern,
  },
  meetingDay: {
    change: 'tuesday',
    observe: async () => (await preview()).pattern,
  },
  meetingWeekOfMonth: {
    change: 3,
    observe: async () => {
      await setPolicy({ meetingFrequency: 'monthly' });
      return (await preview()).days;
    },
  },
  minutesDownload: {
    change: 'download-allowed',
    observe: async () => {
      endedMeeting ??= await aMeeting({
        db: app.db,
        areaId: (await call('GET', '/api/area')).body.area.id,
        agency: {} as never,
      });
      return (await fetchStatus(`/api/meetings/${endedMeeting}/minutes.docx`)) === 403;
    },
  },
};

let endedMeeting: string | undefined;

async function fetchStatus(route: string) {
  const res = await fetch(`${app.url}${route}`, {
    headers: { authorization: `Bearer ${await app.signIn('coordinator')}` },
  });
  await res.arrayBuffer();
  return res.status;
}

async function research() {
  const upcoming = (await call('GET', '/api/meetings')).body.meetings.find(
    (m: { kind: string }) => m.kind !== 'closed',
  );
  const res = await call('GET', `/api/meetings/${upcoming.id}/research`);
  expect(res.status).toBe(200);
  return res.body;
}

const daysAhead = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
};
async function preview(days = 120) {
  const res = await call('POST', '/api/meetings/series/preview', {
    startTime: '09:30',
    endTime: '13:00',
    startsOn: daysAhead(30),
    endsOn: daysAhead(30 + days),
  });
  expect(res.status).toBe(200);
  return res.body;
}

/**
 * Settings whose effect needs stored meetings, cases and attendance: built with the builders in
 * an area of their own, the policy set on that area, and read back through the use cases on the
 * real stores (the agenda's listing and moves, attendance, case reviews).
 */
const STORED_EFFECTS: Record<
  string,
  { change: unknown; observe(areaId: string, build: Built): Promise<unknown> }
> = {
  attendancePolicy: {
    change: 'leave-after-own-case',
    observe: async (areaId, built) => {
      const r = await attendanceReport(
        { repos: new PgAttendanceStore(app.db) },
        { areaId, roles: ['coordinator'] },
        { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-02-01T00:00:00Z') },
      );
      return r.perCase
        .find((c) => c.agendaItemId === built.laterCase)
        ?.agencies.find((a) => a.agencyId === built.housing)?.status;
    },
  },
  'retention.caseReviewMonths': {
    change: [1],
    observe: async (areaId) =>
      (
        await casesDueForReview(
          {
            clock: new FakeClock('2025-02-15T12:00:00Z'),
            repos: { setup: new PgAreaSetupStore(app.db), directory: new PgDirectoryStore(app.db) },
          },
          { areaId },
        )
      ).map((r) => `${r.caseReference}:${r.months}`),
  },
  minutesPerCase: {
    change: 25,
    observe: async (_areaId, built) => {
      const meetingId = await aMeeting(built.world, { start: nextDay(), status: 'scheduled' });
      const added = await addCase(
        agendaDeps(),
        built.actor,
        meetingId,
        newCase('MC-EFFECT-NEW', built.world.agency.police),
      );
      return added.items.find((i) => i.id === added.itemId)?.plannedMinutes;
    },
  },
  repeatWindowMonths: {
    change: 24,
    observe: async (_areaId, built) => {
      // Listed again 17 months after the meeting it was heard at.
      const meetingId = await aMeeting(built.world, {
        start: '2026-06-17T10:00:00Z',
        status: 'scheduled',
      });
      const added = await addCase(
        agendaDeps(),
        built.actor,
        meetingId,
        newCase('MC-EFFECT-1', built.world.agency.police),
      );
      return added.items.find((i) => i.id === added.itemId)?.isRepeat;
    },
  },
  maxReordersPerAgencyPerDay: {
    change: 3,
    observe: async (_areaId, built) => {
      const meetingId = await aMeeting(built.world, { start: nextDay(), status: 'scheduled' });
      for (let n = 0; n < 5; n += 1) await aCase(built.world, meetingId, { heard: false });
      const outcomes: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const { items } = await agendaView(agendaDeps(), built.actor, meetingId);
        try {
          await moveCase(
            agendaDeps(),
            built.actor,
            meetingId,
            (items.at(-1) as { id: string }).id,
            {
              toPosition: 1,
              agencyId: built.world.agency.housing,
            },
          );
          outcomes.push('moved');
        } catch (error) {
          outcomes.push((error as { code?: string }).code ?? 'failed');
        }
      }
      return outcomes;
    },
  },
};

/** The agenda use cases on the real stores, before the meetings they change. */
function agendaDeps() {
  return {
    clock: new FakeClock('2026-01-05T09:00:00Z'),
    repos: preMeetingRepos(app.db),
    uow: new PgUnitOfWork(app.db, preMeetingRepos),
    onClosedSessionChanged: async () => undefined,
  };
}

let meetingDays = 0;
/** A weekday meeting start of its own, so case moves counted per day do not carry over. */
function nextDay() {
  meetingDays += 1;
  const d = new Date(Date.UTC(2026, 2, 2 + meetingDays * 7, 10));
  return d.toISOString();
}

function newCase(caseNumber: string, referringAgencyId: string): NewCase {
  return {
    caseNumber,
    riskLevel: 'high',
    riskScore: 15,
    referringAgencyId,
    agenciesInvolved: [],
    referredOn: null,
    incidentOn: null,
    summary: 'Threats after separation',
    subjects: [],
    markedRepeat: false,
    plannedMinutes: null,
    permittedPersonIds: [],
  };
}

interface Built {
  laterCase: string;
  housing: string;
  world: World;
  actor: { personId: string; areaId: string };
}

async function buildArea(): Promise<{ areaId: string; built: Built }> {
  const w = await anArea(app.db, `Effects ${Math.random()}`);
  const m = await aMeeting(w, { start: '2025-01-15T10:00:00Z' });
  const police = await anInvitee(w, m, 'police');
  await anInvitee(w, m, 'housing');
  await aCase(w, m, { involved: ['police', 'housing'], reference: 'MC-EFFECT-1' });
  const later = await aCase(w, m, { involved: ['police'], reference: 'MC-EFFECT-2' });
  return {
    areaId: w.areaId,
    built: {
      laterCase: later.agendaItemId,
      housing: w.agency.housing,
      world: w,
      actor: { personId: police, areaId: w.areaId },
    },
  };
}

async function setStoredPolicy(areaId: string, policy: AreaPolicy) {
  await app.db.query('UPDATE area SET policy = $2 WHERE id = $1', [areaId, policy]);
}

describe('every policy setting has an effect', () => {
  it('names every setting of the policy exactly once', () => {
    const named = [
      ...Object.keys(EFFECTS),
      ...Object.keys(SERVICE_EFFECTS),
      ...Object.keys(STORED_EFFECTS),
    ];
    expect(new Set(named).size).toBe(named.length);
    expect([...named].sort()).toEqual(leafPaths(DEFAULT_AREA_POLICY).sort());
  });

  it('is read by product code outside the policy definition and its form', () => {
    const sources = productSources().join('\n');
    for (const path of leafPaths(DEFAULT_AREA_POLICY)) {
      const last = path.split('.').at(-1) as string;
      expect(sources, `nothing reads ${path}`).toMatch(new RegExp(`\\.${last}\\b`));
    }
  });

  for (const [path, effect] of Object.entries(EFFECTS))
    it(`${path}: changing it changes what it acts on`, async () => {
      const before = await effect.observe(DEFAULT_AREA_POLICY);
      const after = await effect.observe(withValue(DEFAULT_AREA_POLICY, path, effect.change));
      expect(after).not.toEqual(before);
    });

  for (const [path, effect] of Object.entries(SERVICE_EFFECTS))
    it(`${path}: changed by the coordinator, the service acts on the new value`, async () => {
      await setPolicy(patchFor(path, (DEFAULT_AREA_POLICY as never)[path] ?? undefined));
      const before = await effect.observe();
      await setPolicy(patchFor(path, effect.change));
      const after = await effect.observe();
      expect(after).not.toEqual(before);
      await setPolicy({
        meetingFrequency: DEFAULT_AREA_POLICY.meetingFrequency,
        meetingDay: DEFAULT_AREA_POLICY.meetingDay,
        meetingWeekOfMonth: DEFAULT_AREA_POLICY.meetingWeekOfMonth,
        [path.split('.')[0] as string]: (DEFAULT_AREA_POLICY as never)[
          path.split('.')[0] as string
        ],
      });
    });

  for (const [path, effect] of Object.entries(STORED_EFFECTS))
    it(`${path}: changed on an area, its stored meetings and cases show it`, async () => {
      const { areaId, built } = await buildArea();
      await setStoredPolicy(areaId, DEFAULT_AREA_POLICY);
      const before = await effect.observe(areaId, built);
      await setStoredPolicy(areaId, withValue(DEFAULT_AREA_POLICY, path, effect.change));
      const after = await effect.observe(areaId, built);
      expect(after).not.toEqual(before);
    });
});

describe('what the formerly inert settings now do', () => {
  it('written submissions: due the set number of days before, on a working day', async () => {
    await setPolicy({ writtenSubmissionDaysBefore: 2 });
    const two = (await research()).writtenSubmissionsDueOn as string;
    await setPolicy({ writtenSubmissionDaysBefore: 9 });
    const nine = (await research()).writtenSubmissionsDueOn as string;
    expect(new Date(two).getTime() - new Date(nine).getTime()).toBeGreaterThanOrEqual(
      7 * 86_400_000,
    );
    expect([0, 6]).not.toContain(new Date(`${nine}T12:00:00Z`).getUTCDay());
    await setPolicy({ writtenSubmissionDaysBefore: 2 });
  });

  it('meeting frequency: a series left without a pattern follows the area (2nd Tuesday)', async () => {
    await setPolicy({ meetingFrequency: 'monthly', meetingDay: 'tuesday', meetingWeekOfMonth: 2 });
    const p = await preview();
    expect(p.pattern).toBe('2nd Tuesday of each month');
    for (const day of p.days as string[]) {
      const d = new Date(`${day}T12:00:00Z`);
      expect(d.getUTCDay()).toBe(2);
      expect(Math.ceil(d.getUTCDate() / 7)).toBe(2);
    }
    await setPolicy({ meetingFrequency: 'daily' });
    const daily = await preview(21);
    expect(daily.pattern).toBe('Every weekday, Monday to Friday');
    expect(
      (daily.days as string[]).every(
        (d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()),
      ),
    ).toBe(true);
    await setPolicy({ meetingFrequency: 'fortnightly', meetingDay: 'wednesday' });
    expect((await preview()).pattern).toBe('Every other Wednesday');
  });

  it('attendance: all cases marks an invited agency absent from a later case; leave-after-own-case does not', async () => {
    const { areaId, built } = await buildArea();
    const status = STORED_EFFECTS.attendancePolicy as (typeof STORED_EFFECTS)[string];
    await setStoredPolicy(areaId, DEFAULT_AREA_POLICY);
    expect(await status.observe(areaId, built)).toBe('absent');
    await setStoredPolicy(
      areaId,
      withValue(DEFAULT_AREA_POLICY, 'attendancePolicy', 'leave-after-own-case'),
    );
    expect(await status.observe(areaId, built)).toBe('not-involved');
  });

  it('case reviews: a case heard a month ago is due at 1 month, not at 6 and 12', async () => {
    const { areaId } = await buildArea();
    const reviews = STORED_EFFECTS['retention.caseReviewMonths'] as (typeof STORED_EFFECTS)[string];
    await setStoredPolicy(areaId, DEFAULT_AREA_POLICY);
    expect(await reviews.observe(areaId, null as never)).toEqual([]);
    await setStoredPolicy(
      areaId,
      withValue(DEFAULT_AREA_POLICY, 'retention.caseReviewMonths', [1]),
    );
    expect(await reviews.observe(areaId, null as never)).toEqual([
      'MC-EFFECT-1:1',
      'MC-EFFECT-2:1',
    ]);
  });

  it('break prompt: after the set minutes without a break, and not after a break', () => {
    const at = (min: number) => new Date(MEETING_START.getTime() + min * 60_000);
    const agenda = [
      { actualStart: at(5), actualEnd: at(50) },
      { actualStart: at(50), actualEnd: null },
    ];
    const run = { status: 'in-progress', actualStart: MEETING_START };
    expect(breakPrompt(run, agenda, 90, at(89))).toBeNull();
    expect(breakPrompt(run, agenda, 90, at(95))).toEqual({ since: MEETING_START, minutes: 95 });
    expect(breakPrompt(run, agenda, 60, at(61))?.minutes).toBe(61);
    // A ten-minute pause between cases is a break: the count starts again after it.
    const paused = [
      { actualStart: at(5), actualEnd: at(50) },
      { actualStart: at(60), actualEnd: null },
    ];
    expect(breakPrompt(run, paused, 90, at(95))).toBeNull();
    expect(
      breakPrompt({ status: 'ended', actualStart: MEETING_START }, agenda, 90, at(200)),
    ).toBeNull();
  });
});

/** Product source files (not tests, not the policy itself, not its form). */
function productSources(): string[] {
  const out: string[] = [];
  const skip = /(\.test\.ts$|area-policy\.ts$|policy-fields\.ts$|policy-group\.tsx$)/;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !skip.test(name)) out.push(readFileSync(path, 'utf8'));
    }
  };
  for (const dir of ['core', 'store', 'server', 'tab/api', 'bot', 'tab/web/src/surfaces'])
    walk(join(process.cwd(), dir));
  return out;
}

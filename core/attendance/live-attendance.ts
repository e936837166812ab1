import { DomainError } from '../errors.js';
import { inArea } from '../same-area.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { CallingBot, ParticipantMediaState } from '../ports/calling-bot.js';
import type { Clock } from '../ports/clock.js';
import type { Jobs } from '../ports/jobs.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import { hasAnyRole, type Role } from '../roles.js';
import type {
  AttendanceMeeting,
  AttendanceRepository,
  CameraRow,
  TeamsIdentity,
} from './attendance-repository.js';
import type { MeetingLifecycle } from './meeting-lifecycle.js';

/**
 * Live attendance (A-04, A-05, A-10, FR-060..FR-064): meeting start and end from the
 * bot's meeting events, participant join/leave intervals at the activity timestamp, camera
 * evidence from the calling bot's roster and the chair's attestation, and the live view the
 * chair console reads. Every bot activity is handled once (replays are ignored by id).
 */
export const RECONCILE_JOB = 'attendance-reconcile';

export interface LiveAttendanceDeps {
  clock: Clock;
  repos: AttendanceRepository;
  uow: UnitOfWork<AttendanceRepository>;
  /** The calling bot (camera evidence) when the service can join calls. */
  callingBot: CallingBot | null;
  tenantId: string;
  jobs: Pick<Jobs, 'send'> | null;
  lifecycle: MeetingLifecycle;
  audit?: AuditLog;
  log: {
    info(details: object, message: string): void;
    warn(details: object, message: string): void;
  };
  /** Delay before the first reconciliation attempt (Teams generates the report after the end). */
  reconcileDelaySeconds?: number;
}

export interface Actor {
  personId: string;
  areaId: string;
  agencyId: string | null;
  roles: Role[];
}

/** What a bot meeting event tells us, independent of how Teams spelled it. */
export interface TeamsMeetingEvent {
  activityId: string | null;
  teamsMeetingId: string;
  chatThreadId: string | null;
  at: Date;
}

export type EventOutcome = 'stored' | 'replayed' | 'unknown-meeting';

async function claimAndFind(
  repos: AttendanceRepository,
  event: TeamsMeetingEvent,
  name: string,
  now: Date,
): Promise<{ outcome: EventOutcome; meeting: AttendanceMeeting | null }> {
  const meeting = await repos.findMeetingForTeams(
    event.teamsMeetingId,
    event.chatThreadId,
    event.at,
  );
  if (
    event.activityId &&
    !(await repos.claimActivity(event.activityId, meeting?.id ?? null, name, now))
  )
    return { outcome: 'replayed', meeting: null };
  return { outcome: meeting ? 'stored' : 'unknown-meeting', meeting };
}

/** meetingStart: actual start, the Teams meeting id, the conversation reference; the calling bot joins. */
export async function meetingStarted(
  deps: LiveAttendanceDeps,
  event: TeamsMeetingEvent & { conversationReference: unknown },
): Promise<{ outcome: EventOutcome; meetingId: string | null }> {
  const now = deps.clock.now();
  const { outcome, meeting } = await deps.uow.run(async (repos) => {
    const found = await claimAndFind(repos, event, 'meetingStart', now);
    if (found.meeting)
      await repos.markStarted(
        found.meeting.id,
        {
          teamsMeetingId: event.teamsMeetingId,
          conversationReference: event.conversationReference,
          startedAt: event.at,
        },
        now,
      );
    return found;
  });
  if (outcome === 'stored' && meeting) await joinCallingBot(deps, meeting);
  if (outcome === 'unknown-meeting')
    deps.log.warn(
      { event: 'meetingStart' },
      'meeting event for a meeting this service did not schedule',
    );
  return { outcome, meetingId: meeting?.id ?? null };
}

/** DESIGN.md §7: the calling bot joins only where the area's policy switches it on. */
async function joinCallingBot(deps: LiveAttendanceDeps, meeting: AttendanceMeeting): Promise<void> {
  if (!deps.callingBot || meeting.callingCallId || !meeting.joinUrl || !meeting.chatThreadId)
    return;
  const policy = await deps.repos.areaPolicy(meeting.areaId);
  if (!policy?.cameraEvidence.callingBot) return;
  try {
    const call = await deps.callingBot.join({
      joinUrl: meeting.joinUrl,
      chatThreadId: meeting.chatThreadId,
      tenantId: deps.tenantId,
    });
    await deps.repos.setCall(meeting.id, call.callId, call.callChainId);
    deps.log.info({ meetingId: meeting.id, callId: call.callId }, 'calling bot joined the meeting');
  } catch (error) {
    // Camera evidence falls back to attestation (DESIGN.md §7); attendance is unaffected.
    deps.log.warn({ err: error, meetingId: meeting.id }, 'calling bot could not join the meeting');
  }
}

/** meetingEnd: actual end, every open interval closed, the call left, reconciliation scheduled. */
export async function meetingEnded(
  deps: LiveAttendanceDeps,
  event: TeamsMeetingEvent,
): Promise<{ outcome: EventOutcome; meetingId: string | null }> {
  const now = deps.clock.now();
  const { outcome, meeting } = await deps.uow.run(async (repos) => {
    const found = await claimAndFind(repos, event, 'meetingEnd', now);
    if (found.meeting) {
      await repos.markEnded(found.meeting.id, event.at, now);
      await repos.closeAllOpen(found.meeting.id, event.at);
    }
    return found;
  });
  if (outcome !== 'stored' || !meeting) return { outcome, meetingId: null };
  await afterMeetingEnd(deps, meeting, event.at);
  return { outcome, meetingId: meeting.id };
}

/**
 * The chair ends the meeting from the chair console (the Teams meeting may run on): the same
 * end as Teams' meetingEnd, by meeting id. Open intervals close at `endedAt`, the calling bot
 * leaves, reconciliation is scheduled and the meeting-ended listeners run. False (and nothing
 * done) when the meeting had already ended; Teams' own end later only moves nothing back.
 */
export async function endMeetingById(
  deps: LiveAttendanceDeps,
  meetingId: string,
  endedAt: Date,
): Promise<boolean> {
  const now = deps.clock.now();
  const meeting = await deps.uow.run(async (repos) => {
    const found = await repos.getMeeting(meetingId);
    if (!found) return null;
    await repos.markEnded(found.id, endedAt, now);
    await repos.closeAllOpen(found.id, endedAt);
    return found;
  });
  if (!meeting) return false;
  await afterMeetingEnd(deps, meeting, endedAt);
  return true;
}

async function afterMeetingEnd(
  deps: LiveAttendanceDeps,
  meeting: AttendanceMeeting,
  endedAt: Date,
) {
  if (meeting.callingCallId && deps.callingBot)
    await deps.callingBot
      .hangUp(meeting.callingCallId)
      .catch((error: unknown) =>
        deps.log.warn({ err: error, meetingId: meeting.id }, 'calling bot hang-up failed'),
      );
  await scheduleReconciliation(deps, meeting.id, endedAt);
  await deps.lifecycle.meetingEnded({ meetingId: meeting.id, endedAt });
}

export async function scheduleReconciliation(
  deps: Pick<LiveAttendanceDeps, 'jobs' | 'clock' | 'log' | 'reconcileDelaySeconds'>,
  meetingId: string,
  endedAt: Date,
): Promise<void> {
  if (!deps.jobs) return;
  const delay = (deps.reconcileDelaySeconds ?? 120) * 1000;
  const startAfter = new Date(Math.max(endedAt.getTime(), deps.clock.now().getTime()) + delay);
  try {
    await deps.jobs.send(
      RECONCILE_JOB,
      { meetingId },
      {
        startAfter,
        singletonKey: `reconcile:${meetingId}`,
        singletonSeconds: 60,
        // The attendance report can take a while: retry with backoff (pg-boss doubles the delay).
        retryLimit: 12,
        retryDelaySeconds: 60,
      },
    );
  } catch (error) {
    deps.log.warn({ err: error, meetingId }, 'could not schedule the attendance reconciliation');
  }
}

export interface ParticipantChange {
  identity: TeamsIdentity;
  role: string | null;
}

/** meetingParticipantJoin/Leave: open or close bot-event intervals at the activity timestamp. */
export async function participantsChanged(
  deps: LiveAttendanceDeps,
  event: TeamsMeetingEvent & { kind: 'join' | 'leave'; members: ParticipantChange[] },
): Promise<{ outcome: EventOutcome; changed: number }> {
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    const name = event.kind === 'join' ? 'meetingParticipantJoin' : 'meetingParticipantLeave';
    const { outcome, meeting } = await claimAndFind(repos, event, name, now);
    if (!meeting) return { outcome, changed: 0 };
    let changed = 0;
    for (const member of event.members) {
      const who = await repos.resolve(meeting, member.identity);
      const done =
        event.kind === 'join'
          ? await repos.openInterval(meeting.id, who, event.at, 'bot-event', member.role)
          : await repos.closeInterval(meeting.id, who, event.at, 'bot-event');
      if (done) changed++;
    }
    return { outcome, changed };
  });
}

/**
 * A roster notification from the calling bot's call: presence (source calling-roster) and
 * camera-on intervals from each participant's main-video direction, at the time it arrived.
 */
export async function rosterUpdated(
  deps: LiveAttendanceDeps,
  input: { callId: string; participants: ParticipantMediaState[] },
): Promise<{ outcome: 'stored' | 'unknown-call'; changed: number }> {
  const at = deps.clock.now();
  return deps.uow.run(async (repos) => {
    const meeting = await repos.findMeetingByCall(input.callId);
    if (!meeting) return { outcome: 'unknown-call', changed: 0 };
    if (meeting.actualEnd && meeting.actualEnd.getTime() <= at.getTime())
      return { outcome: 'stored', changed: 0 };
    let changed = 0;
    for (const p of input.participants) {
      const who = await repos.resolve(meeting, {
        entraObjectId: p.entraObjectId,
        tenantId: null,
        displayName: p.displayName,
      });
      if (p.inMeeting) {
        if (await repos.openInterval(meeting.id, who, at, 'calling-roster', null)) changed++;
      } else if (await repos.closeInterval(meeting.id, who, at, 'calling-roster')) changed++;
      const camera =
        p.inMeeting && p.cameraOn
          ? await repos.openCamera(meeting.id, who, at)
          : await repos.closeCamera(meeting.id, who, at);
      if (camera) changed++;
    }
    return { outcome: 'stored', changed };
  });
}

/** The call ended (Graph's `deleted` on the call): close what the roster left open. */
export async function callEnded(deps: LiveAttendanceDeps, callId: string): Promise<void> {
  const at = deps.clock.now();
  await deps.uow.run(async (repos) => {
    const meeting = await repos.findMeetingByCall(callId);
    if (!meeting) return;
    const end = meeting.actualEnd && meeting.actualEnd < at ? meeting.actualEnd : at;
    for (const row of (await repos.cameras(meeting.id)).filter(
      (c) => c.source === 'calling-roster' && !c.offAt,
    ))
      await repos.closeCamera(meeting.id, attendantOf(row), end);
    for (const row of (await repos.intervals(meeting.id)).filter(
      (i) => i.source === 'calling-roster' && !i.leftAt,
    ))
      await repos.closeInterval(meeting.id, attendantOf(row), end, 'calling-roster');
  });
}

const attendantOf = (row: { personId: string | null; unmatchedId: string | null }) =>
  row.personId ? { personId: row.personId } : { unmatchedId: row.unmatchedId as string };

const LEADS: Role[] = ['coordinator', 'chair', 'deputy-chair'];

async function meetingFor(deps: LiveAttendanceDeps, actor: Actor, meetingId: string) {
  const meeting = inArea(await deps.repos.getMeeting(meetingId), actor);
  return meeting;
}

/** FR-062: the chair or deputy chair attests or corrects a person's camera (source attestation). */
export async function attestCamera(
  deps: LiveAttendanceDeps,
  actor: Actor,
  meetingId: string,
  input: {
    personId: string;
    cameraOn: boolean;
    from?: Date;
    to?: Date | null;
    note?: string | null;
  },
): Promise<{ personId: string; cameraOn: boolean; from: Date; to: Date | null }> {
  if (!hasAnyRole(actor.roles, ['chair', 'deputy-chair']))
    throw new DomainError('FORBIDDEN', 'Only the chair or deputy chair can attest cameras.');
  const meeting = await meetingFor(deps, actor, meetingId);
  const person = (await deps.repos.people(actor.areaId)).find((p) => p.personId === input.personId);
  if (!person) throw new DomainError('VALIDATION_FAILED', 'personId is not a person of this area.');
  const from = input.from ?? meeting.actualStart ?? meeting.scheduledStart;
  const to = input.to === undefined ? meeting.actualEnd : input.to;
  if (to && to.getTime() <= from.getTime())
    throw new DomainError('VALIDATION_FAILED', '`to` must be after `from`.');
  await deps.uow.run(async (repos) => {
    await repos.insertAttestation(meeting.id, person.personId, {
      cameraOn: input.cameraOn,
      from,
      to,
      note: input.note ?? null,
      by: actor.personId,
    });
  });
  await deps.audit?.record({
    at: deps.clock.now(),
    areaId: actor.areaId,
    actor: { kind: 'person', personId: actor.personId },
    action: 'attendance.attest-camera',
    recordType: 'meeting',
    recordId: meeting.id,
    meetingId: meeting.id,
    detail: { personId: person.personId, cameraOn: input.cameraOn },
  });
  return { personId: person.personId, cameraOn: input.cameraOn, from, to };
}

/** A-07, FR-064: an agency's apology, with or without a written submission. */
export async function recordApology(
  deps: LiveAttendanceDeps,
  actor: Actor,
  meetingId: string,
  input: { agencyId: string; personId?: string | null; writtenSubmission: boolean },
): Promise<{ agencyId: string; personId: string | null; writtenSubmission: boolean }> {
  if (!hasAnyRole(actor.roles, LEADS)) throw new DomainError('FORBIDDEN');
  const meeting = await meetingFor(deps, actor, meetingId);
  const agency = (await deps.repos.agencies(actor.areaId)).find(
    (a) => a.agencyId === input.agencyId,
  );
  if (!agency)
    throw new DomainError('VALIDATION_FAILED', 'agencyId is not an agency of this area.');
  if (input.personId) {
    const person = (await deps.repos.people(actor.areaId)).find(
      (p) => p.personId === input.personId,
    );
    if (!person || person.agencyId !== agency.agencyId)
      throw new DomainError('VALIDATION_FAILED', 'personId is not a member of that agency.');
  }
  const now = deps.clock.now();
  await deps.uow.run((repos) =>
    repos.upsertApology(
      meeting.id,
      {
        agencyId: agency.agencyId,
        personId: input.personId ?? null,
        writtenSubmissionAt: input.writtenSubmission ? now : null,
      },
      now,
    ),
  );
  return {
    agencyId: agency.agencyId,
    personId: input.personId ?? null,
    writtenSubmission: input.writtenSubmission,
  };
}

export type CameraApiSource = 'attestation' | 'roster' | 'call-record';

export interface LivePerson {
  personId: string;
  displayName: string;
  role: string;
  inMeeting: boolean;
  joinedAt: Date | null;
  leftAt: Date | null;
  camera: { on: boolean | null; source: CameraApiSource | null };
}

export interface LiveAttendanceView {
  meetingId: string;
  status: string;
  agencies: {
    agencyId: string;
    name: string;
    core: boolean;
    present: boolean;
    people: LivePerson[];
  }[];
  coreAgenciesMissing: { agencyId: string; name: string }[];
  unmatched: { id: string; displayName: string | null }[];
}

/** Roles that speak for an agency: their presence makes the agency present. */
const AGENCY_VOICES = new Set(['representative', 'deputy', 'idva', 'keyworker', 'referrer']);

/** The chair console's live attendance: per agency, per person, cameras. */
export async function liveAttendance(
  deps: LiveAttendanceDeps,
  actor: Actor,
  meetingId: string,
): Promise<LiveAttendanceView> {
  if (!hasAnyRole(actor.roles, LEADS))
    throw new DomainError(
      'FORBIDDEN',
      'Live attendance is for the chair, deputy chair and coordinator.',
    );
  const meeting = await meetingFor(deps, actor, meetingId);
  const now = deps.clock.now();
  const [intervals, cameras, people, agencies, invitees, unmatched] = await Promise.all([
    deps.repos.intervals(meeting.id),
    deps.repos.cameras(meeting.id),
    deps.repos.people(actor.areaId),
    deps.repos.agencies(actor.areaId),
    deps.repos.invitees(meeting.id),
    deps.repos.unmatched(meeting.id),
  ]);
  const byPerson = new Map(people.map((p) => [p.personId, p]));
  const kindOf = new Map(invitees.map((i) => [i.personId, i.kind]));
  const shown = new Set<string>(invitees.map((i) => i.personId));
  for (const i of intervals) if (i.personId) shown.add(i.personId);
  const livePeople: (LivePerson & { agencyId: string | null })[] = [];
  for (const personId of shown) {
    const person = byPerson.get(personId);
    if (!person) continue;
    const mine = intervals.filter((i) => i.personId === personId);
    const inMeeting = mine.some((i) => !i.leftAt) && meeting.status !== 'ended';
    const joins = mine.map((i) => i.joinedAt.getTime());
    const leaves = mine.filter((i) => i.leftAt).map((i) => (i.leftAt as Date).getTime());
    livePeople.push({
      personId,
      agencyId: invitees.find((i) => i.personId === personId)?.agencyId ?? person.agencyId,
      displayName: person.displayName,
      role: kindOf.get(personId) ?? roleOf(person.roles),
      inMeeting,
      joinedAt: joins.length ? new Date(Math.min(...joins)) : null,
      leftAt: !inMeeting && leaves.length ? new Date(Math.max(...leaves)) : null,
      camera: cameraNow(
        cameras.filter((c) => c.personId === personId),
        inMeeting,
        meeting.callingCallId !== null,
        now,
      ),
    });
  }
  const involved = new Set(livePeople.map((p) => p.agencyId).filter((a): a is string => !!a));
  const rows = agencies
    .filter((a) => a.core || involved.has(a.agencyId))
    .map((a) => {
      const mine = livePeople
        .filter((p) => p.agencyId === a.agencyId)
        .map(({ agencyId: _agency, ...p }) => p);
      return {
        agencyId: a.agencyId,
        name: a.name,
        core: a.core,
        present: mine.some((p) => p.inMeeting && AGENCY_VOICES.has(p.role)),
        people: mine,
      };
    });
  return {
    meetingId: meeting.id,
    status: meeting.status,
    agencies: rows,
    coreAgenciesMissing: rows
      .filter((a) => a.core && !a.present)
      .map((a) => ({ agencyId: a.agencyId, name: a.name })),
    unmatched,
  };
}

function roleOf(roles: string[]): string {
  for (const r of ['chair', 'deputy-chair', 'coordinator', 'representative', 'deputy', 'idva'])
    if (roles.includes(r)) return r;
  return roles[0] ?? 'other';
}

/** Camera state now, by precedence: attestation, then the calling roster, then call records. */
function cameraNow(
  rows: CameraRow[],
  inMeeting: boolean,
  rosterRunning: boolean,
  now: Date,
): LivePerson['camera'] {
  const covers = (c: CameraRow) => c.onAt <= now && (!c.offAt || c.offAt > now);
  const latest = (source: CameraRow['source']) =>
    rows
      .filter((c) => c.source === source && covers(c))
      .sort((a, b) => b.onAt.getTime() - a.onAt.getTime())[0];
  const attested = latest('attestation');
  if (attested) return { on: attested.cameraOn, source: 'attestation' };
  if (rosterRunning && inMeeting)
    return { on: latest('calling-roster') !== undefined, source: 'roster' };
  const recorded = latest('call-record');
  if (recorded) return { on: recorded.cameraOn, source: 'call-record' };
  return { on: null, source: null };
}

import type { MeetingEngine } from '../meeting-engine.js';
import { type SimContext, organizerOr404 } from '../sim-context.js';
import { notFound, page, type SimRequest, type SimRoute } from '../sim-route.js';
import type { SessionParticipant, SimMeetingSession } from '../tenant-state.js';

/**
 * Attendance reports of an organiser's online meeting (PLATFORM.md §3): one per ended session,
 * visible once Teams has generated it; records page like Graph's, may lack an e-mail address
 * (guests, phone) and keep intervals exactly as joined (which can fall outside the meeting's
 * start and end, as in Microsoft's own samples). The `not-ready` fault hides reports that
 * exist, as a slow generation would.
 */
const PERMISSIONS = ['OnlineMeetingArtifact.Read.All'];

export function attendanceRoutes(ctx: SimContext, engine: MeetingEngine): SimRoute[] {
  const base = '/users/{id}/onlineMeetings/{meetingId}/attendanceReports';
  return [
    {
      call: `GET ${base}`,
      permissions: PERMISSIONS,
      handle: async (req) => {
        const sessions = await reports(ctx, engine, req);
        if (ctx.faults.take(req.call, ['not-ready'])) return { status: 200, body: { value: [] } };
        return {
          status: 200,
          body: page(
            sessions.map((s) => summary(s)),
            req,
            pathOf(req),
            ctx.pageSize,
          ),
        };
      },
    },
    {
      call: `GET ${base}/{reportId}`,
      permissions: PERMISSIONS,
      handle: async (req) => {
        const session = await report(ctx, engine, req);
        const expand = /attendanceRecords/i.test(req.query.get('$expand') ?? '');
        return {
          status: 200,
          body: {
            ...summary(session),
            ...(expand ? { attendanceRecords: session.participants.map(toRecord) } : {}),
          },
        };
      },
    },
    {
      call: `GET ${base}/{reportId}/attendanceRecords`,
      permissions: PERMISSIONS,
      handle: async (req) => {
        const session = await report(ctx, engine, req);
        return {
          status: 200,
          body: page(
            session.participants.map(toRecord),
            req,
            `${pathOf(req)}/${session.id}/attendanceRecords`,
            ctx.pageSize,
          ),
        };
      },
    },
  ];
}

async function reports(
  ctx: SimContext,
  engine: MeetingEngine,
  req: SimRequest,
): Promise<SimMeetingSession[]> {
  const organizer = await organizerOr404(ctx, req.params.id as string);
  const meeting = ctx.store.state.onlineMeetings[req.params.meetingId as string];
  if (!meeting || meeting.organizerId !== organizer.id)
    throw notFound(
      'The online meeting was not found, or the caller is not its organizer.',
      'NotFound',
    );
  return engine.reportable(meeting.id, req.now);
}

async function report(
  ctx: SimContext,
  engine: MeetingEngine,
  req: SimRequest,
): Promise<SimMeetingSession> {
  const found = (await reports(ctx, engine, req)).find((s) => s.id === req.params.reportId);
  if (!found)
    throw notFound(`The attendance report '${req.params.reportId}' was not found.`, 'NotFound');
  return found;
}

function pathOf(req: SimRequest): string {
  return `/users/${encodeURIComponent(req.params.id as string)}/onlineMeetings/${encodeURIComponent(req.params.meetingId as string)}/attendanceReports`;
}

function summary(s: SimMeetingSession) {
  return {
    id: s.id,
    totalParticipantCount: s.participants.length,
    meetingStartDateTime: s.startedAt,
    meetingEndDateTime: s.endedAt,
  };
}

function toRecord(p: SessionParticipant, index: number) {
  const intervals = p.intervals.map((i) => {
    const seconds = Math.round((Date.parse(i.leave as string) - Date.parse(i.join)) / 1000);
    return { joinDateTime: i.join, leaveDateTime: i.leave, durationInSeconds: seconds };
  });
  return {
    id: p.userId ?? `anonymous-${index}`,
    emailAddress: p.email,
    role: p.role,
    totalAttendanceInSeconds: intervals.reduce((sum, i) => sum + i.durationInSeconds, 0),
    identity: { id: p.userId ?? '', displayName: p.displayName, tenantId: p.tenantId },
    attendanceIntervals: intervals,
  };
}

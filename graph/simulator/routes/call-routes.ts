import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { MeetingEngine } from '../meeting-engine.js';
import { parseBody, type SimContext } from '../sim-context.js';
import { badRequest, notFound, page, type SimRequest, type SimRoute } from '../sim-route.js';
import type { SessionParticipant, SimCall, SimMeetingSession } from '../tenant-state.js';

/**
 * Cloud communications: a calling bot joins a meeting with service-hosted media and hangs up
 * (PLATFORM.md §4), and after the meeting its call record, whose id is the call's
 * `callChainId`, shows per session and segment whether each participant sent main video.
 */
const joinCall = z.object({
  '@odata.type': z.literal('#microsoft.graph.call').optional(),
  callbackUri: z.url(),
  requestedModalities: z
    .array(z.enum(['audio', 'video', 'videoBasedScreenSharing', 'data']))
    .min(1),
  mediaConfig: z
    .object({ '@odata.type': z.literal('#microsoft.graph.serviceHostedMediaConfig') })
    .loose(),
  chatInfo: z.object({ threadId: z.string().min(1), messageId: z.string().default('0') }).loose(),
  meetingInfo: z
    .object({
      '@odata.type': z.literal('#microsoft.graph.organizerMeetingInfo'),
      organizer: z
        .object({ user: z.object({ id: z.string(), tenantId: z.string().optional() }).loose() })
        .loose(),
    })
    .loose(),
  // Microsoft's own join sample has no top-level tenantId; the organiser's identity carries it.
  tenantId: z.string().optional(),
});

export function callRoutes(ctx: SimContext, engine: MeetingEngine): SimRoute[] {
  const sessionPage = Math.min(60, ctx.pageSize); // Graph pages call record sessions by 60
  return [
    {
      call: 'POST /communications/calls',
      permissions: ['Calls.JoinGroupCall.All', 'Calls.JoinGroupCallAsGuest.All'],
      handle: (req) => {
        const body = parseBody(joinCall, req.body);
        const callback = new URL(body.callbackUri);
        if (
          callback.protocol !== 'https:' &&
          !['127.0.0.1', 'localhost', '[::1]'].includes(callback.hostname)
        )
          throw badRequest('callbackUri must use https.', 'InvalidCallbackUri');
        const meeting = Object.values(ctx.store.state.onlineMeetings).find(
          (m) => m.threadId === body.chatInfo.threadId,
        );
        if (!meeting || meeting.organizerId !== body.meetingInfo.organizer.user.id)
          throw notFound(
            'The meeting to join was not found (check chatInfo.threadId and the organizer).',
            'NotFound',
          );
        const call: SimCall = {
          id: randomUUID(),
          appId: String(req.token.appid),
          onlineMeetingId: meeting.id,
          threadId: meeting.threadId,
          callbackUri: body.callbackUri,
          tenantId: body.tenantId ?? body.meetingInfo.organizer.user.tenantId ?? ctx.tenantId,
          state: 'establishing',
          createdDateTime: req.now.toISOString(),
        };
        ctx.store.state.calls[call.id] = call;
        const session = engine.session(meeting.id, req.now); // a bot joining starts the call
        setImmediate(() => void engine.established(call)); // notifications follow the 201
        return {
          status: 201,
          body: {
            ...body,
            id: call.id,
            state: call.state,
            callChainId: session.id,
            myParticipantId: randomUUID(),
          },
        };
      },
    },
    {
      call: 'DELETE /communications/calls/{callId}',
      permissions: ['Calls.JoinGroupCall.All', 'Calls.JoinGroupCallAsGuest.All'],
      handle: async (req) => {
        const call = ctx.store.state.calls[req.params.callId as string];
        if (!call || call.state === 'terminated') throw notFound('Call not found.', 'NotFound');
        call.state = 'terminated';
        ctx.store.changed();
        await engine.deliver(call, {
          '@odata.type': '#microsoft.graph.commsNotifications',
          value: [
            {
              changeType: 'deleted',
              resourceUrl: `/communications/calls/${call.id}`,
              resourceData: { id: call.id, state: 'terminated' },
            },
          ],
        });
        return { status: 204 };
      },
    },
    {
      call: 'GET /communications/callRecords/{callRecordId}',
      permissions: ['CallRecords.Read.All'],
      handle: (req) => {
        const session = recorded(ctx, engine, req);
        const meeting = ctx.store.state.onlineMeetings[session.onlineMeetingId];
        const expand = /sessions/i.test(req.query.get('$expand') ?? '');
        const sessions = expand
          ? page(
              sessionsOf(session),
              sessionsRequest(req),
              `/communications/callRecords/${session.id}/sessions`,
              sessionPage,
            )
          : null;
        return {
          status: 200,
          body: {
            '@odata.type': '#microsoft.graph.callRecords.callRecord',
            id: session.id,
            version: 1,
            type: 'groupCall',
            modalities: ['audio', 'video'],
            startDateTime: session.startedAt,
            endDateTime: session.endedAt,
            lastModifiedDateTime: session.endedAt,
            joinWebUrl: meeting?.joinWebUrl ?? null,
            organizer: { user: { id: meeting?.organizerId, tenantId: ctx.tenantId } },
            participants: session.participants.map(identity),
            ...(sessions
              ? {
                  sessions: sessions.value,
                  ...(sessions['@odata.nextLink']
                    ? { 'sessions@odata.nextLink': sessions['@odata.nextLink'] }
                    : {}),
                }
              : {}),
          },
        };
      },
    },
    {
      call: 'GET /communications/callRecords/{callRecordId}/sessions',
      permissions: ['CallRecords.Read.All'],
      handle: (req) => {
        const session = recorded(ctx, engine, req);
        return {
          status: 200,
          body: page(
            sessionsOf(session),
            req,
            `/communications/callRecords/${session.id}/sessions`,
            sessionPage,
          ),
        };
      },
    },
  ];
}

/** The first page of sessions inline; the nextLink continues at `/sessions?$expand=segments`. */
function sessionsRequest(req: SimRequest): SimRequest {
  return { ...req, query: new URLSearchParams({ $expand: 'segments' }) };
}

function recorded(ctx: SimContext, engine: MeetingEngine, req: SimRequest): SimMeetingSession {
  const session = ctx.store.state.sessions[req.params.callRecordId as string];
  if (!session || !engine.reportable(session.onlineMeetingId, req.now).includes(session))
    throw notFound(`The call record '${req.params.callRecordId}' was not found.`, 'NotFound');
  return session;
}

function identity(p: SessionParticipant) {
  return p.userId
    ? { user: { id: p.userId, displayName: p.displayName, tenantId: p.tenantId } }
    : { guest: { id: null, displayName: p.displayName } };
}

/** One session per join of each participant; one segment each, with its media streams. */
function sessionsOf(session: SimMeetingSession) {
  return session.participants.flatMap((p, pi) =>
    p.intervals.map((interval, ii) => {
      const start = interval.join;
      const end = interval.leave ?? session.endedAt ?? start;
      // The current shape: `associatedIdentity`. The deprecated `identity` stopped carrying
      // data on 30 June 2026, so the simulator no longer sends it.
      const caller = {
        '@odata.type': '#microsoft.graph.callRecords.participantEndpoint',
        name: `machine-${pi}`,
        userAgent: {
          '@odata.type': '#microsoft.graph.callRecords.clientUserAgent',
          headerValue: 'Teams',
          platform: 'windows',
          productFamily: 'teams',
        },
        associatedIdentity: {
          id: p.userId ?? null,
          displayName: p.displayName,
          tenantId: p.userId ? p.tenantId : null,
        },
      };
      const callee = {
        '@odata.type': '#microsoft.graph.callRecords.serviceEndpoint',
        userAgent: { role: 'skypeForBusinessConferencing' },
      };
      const sent = p.video
        .map((v) => ({
          start: v.start > start ? v.start : start,
          end: (v.end ?? end) < end ? (v.end ?? end) : end,
        }))
        .filter((v) => v.start < v.end);
      const stream = (direction: string, from: string, to: string, n: number) => ({
        streamId: String(1000 + n),
        streamDirection: direction,
        startDateTime: from,
        endDateTime: to,
        averageVideoFrameRate: direction === 'callerToCallee' ? 29.7 : null,
      });
      return {
        id: `${session.id.slice(0, 8)}-${pi}-${ii}`,
        modalities: sent.length ? ['audio', 'video'] : ['audio'],
        startDateTime: start,
        endDateTime: end,
        caller,
        callee,
        segments: [
          {
            id: `${session.id.slice(0, 8)}-${pi}-${ii}-0`,
            startDateTime: start,
            endDateTime: end,
            caller,
            callee,
            media: [
              {
                label: 'main-audio',
                streams: [
                  stream('callerToCallee', start, end, 1),
                  stream('calleeToCaller', start, end, 2),
                ],
              },
              {
                label: 'main-video',
                streams: [
                  ...sent.map((v, i) => stream('callerToCallee', v.start, v.end, 10 + i)),
                  stream('calleeToCaller', start, end, 3),
                ],
              },
            ],
          },
        ],
      };
    }),
  );
}

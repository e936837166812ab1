import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, Router } from 'express';
import type { SimulatedEntraIssuer } from '../entra-issuer.js';
import type { MeetingEngine } from '../meeting-engine.js';
import type { SimContext } from '../sim-context.js';
import type { ConnectorActivity } from '../tenant-state.js';
import { aadObjectIdOf, meetingTypeOf, teamsUserId, threadIdOfMeeting } from './teams-ids.js';

/**
 * The Bot Connector service as the bot sees it at `activity.serviceUrl` (PLATFORM.md §2, §9):
 * it records what the bot sends, replies and updates (`/v3/conversations/...`), answers the
 * Teams meeting endpoints (`/v1/meetings/{id}`, participants, targeted notifications), and
 * checks the bot's outbound token (issued by the simulated Entra for the Bot Connector scope)
 * unless anonymous calls are allowed, as with bot authentication off in demo mode.
 */
export interface ConnectorDeps {
  ctx: SimContext;
  engine: MeetingEngine;
  entra: SimulatedEntraIssuer;
  /** Audience of the bot's outbound token (ToChannelFromBotOAuthScope). */
  scope: string;
  allowAnonymous: () => boolean;
}

export interface MeetingNotificationRecord {
  meetingId: string;
  at: string;
  body: unknown;
}

export function connectorRoutes(
  deps: ConnectorDeps,
  notifications: MeetingNotificationRecord[],
): Router {
  const { ctx } = deps;
  const router = Router();
  router.use(async (req, res, next) => {
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (!token)
      return deps.allowAnonymous()
        ? next()
        : fail(res, 401, 'Unauthorized', 'Authorization header is missing.');
    try {
      await deps.entra.verify(token, { tenantId: ctx.tenantId, audience: deps.scope });
      next();
    } catch {
      fail(res, 401, 'Unauthorized', 'The bot token is not valid for the Bot Connector.');
    }
  });
  router.use(express.json({ limit: '256kb' }));

  const record = (
    req: Request,
    res: Response,
    op: ConnectorActivity['op'],
    activityId: string,
    replyToId: string | null,
  ) => {
    const activity = req.body as Record<string, unknown> | undefined;
    if (
      op !== 'delete' &&
      (typeof activity !== 'object' || activity === null || typeof activity.type !== 'string')
    )
      return fail(res, 400, 'BadArgument', 'The activity must be a JSON object with a type.');
    ctx.store.state.connector.push({
      op,
      conversationId: String(req.params.conversationId),
      activityId,
      replyToId,
      at: ctx.clock.now().toISOString(),
      activity: { ...(activity ?? {}), id: activityId },
    });
    ctx.store.changed();
    res.status(op === 'delete' ? 200 : 201).json(op === 'delete' ? {} : { id: activityId });
  };
  router.post('/v3/conversations/:conversationId/activities', (req, res) =>
    record(req, res, 'send', newActivityId(), null),
  );
  router.post('/v3/conversations/:conversationId/activities/:activityId', (req, res) =>
    record(req, res, 'reply', newActivityId(), String(req.params.activityId)),
  );
  router.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    if (!known(ctx, String(req.params.conversationId), String(req.params.activityId)))
      return fail(
        res,
        404,
        'ActivityNotFoundInConversation',
        'The activity was not found in this conversation.',
      );
    record(req, res, 'update', String(req.params.activityId), null);
  });
  router.delete('/v3/conversations/:conversationId/activities/:activityId', (req, res) =>
    record(req, res, 'delete', String(req.params.activityId), null),
  );
  router.post('/v3/conversations', (req, res) => {
    const member = (req.body as { members?: { id?: string }[] })?.members?.[0]?.id;
    if (!member) return fail(res, 400, 'BadArgument', 'A conversation needs members.');
    res.status(201).json({ id: `a:1${Buffer.from(member).toString('base64url')}` });
  });

  router.get('/v1/meetings/:meetingId', (req, res) => {
    const meeting = meetingOf(ctx, String(req.params.meetingId));
    if (!meeting) return fail(res, 404, 'NotFound', 'The meeting was not found or has expired.');
    res.json({
      details: {
        id: req.params.meetingId,
        msGraphResourceId: meeting.id,
        scheduledStartTime: meeting.startDateTime,
        scheduledEndTime: meeting.endDateTime,
        joinUrl: meeting.joinWebUrl,
        title: meeting.subject,
        type: meetingTypeOf(ctx.store.state.events, meeting.id),
      },
      conversation: { isGroup: true, conversationType: 'groupChat', id: meeting.threadId },
      organizer: {
        id: teamsUserId(meeting.organizerId),
        aadObjectId: meeting.organizerId,
        tenantId: ctx.tenantId,
      },
    });
  });
  router.get('/v1/meetings/:meetingId/participants/:participantId', async (req, res) => {
    const meeting = meetingOf(ctx, String(req.params.meetingId));
    if (!meeting) return fail(res, 404, 'NotFound', 'The meeting was not found or has expired.');
    const participant = String(req.params.participantId);
    const oid = aadObjectIdOf(participant) ?? participant;
    const user = await ctx.directory.find(oid);
    if (!user) return fail(res, 404, 'NotFound', 'The participant was not found.');
    const session = deps.engine.running(meeting.id);
    const present = session?.participants.find((p) => p.userId === user.id);
    const presenters =
      (
        meeting.options.participants as {
          attendees?: { role: string; identity?: { user?: { id?: string } }; upn?: string }[];
        }
      )?.attendees ?? [];
    const presenter = presenters.some(
      (a) =>
        a.role === 'presenter' &&
        (a.identity?.user?.id === user.id || a.upn?.toLowerCase() === user.mail.toLowerCase()),
    );
    const role =
      meeting.organizerId === user.id ? 'Organizer' : presenter ? 'Presenter' : 'Attendee';
    res.json({
      user: {
        id: teamsUserId(user.id),
        aadObjectId: user.id,
        name: user.displayName,
        userPrincipalName: user.userPrincipalName,
        tenantId: ctx.tenantId,
        userRole: 'user',
      },
      meeting: { role, inMeeting: Boolean(present?.intervals.some((i) => i.leave === null)) },
      conversation: { id: meeting.threadId, isGroup: true },
    });
  });
  router.post('/v1/meetings/:meetingId/notification', (req, res) => {
    // (validated below as Teams does: a typed notification, surfaces, and 29: recipients)
    const meeting = meetingOf(ctx, String(req.params.meetingId));
    if (!meeting) return fail(res, 404, 'NotFound', 'The meeting was not found or has expired.');
    const body = req.body as {
      type?: string;
      value?: { recipients?: string[]; surfaces?: unknown[] };
    };
    const recipients = body?.value?.recipients ?? [];
    if (
      body?.type !== 'targetedMeetingNotification' ||
      !Array.isArray(body.value?.surfaces) ||
      body.value.surfaces.length === 0
    )
      return fail(
        res,
        400,
        'BadArgument',
        'A targetedMeetingNotification with surfaces is required.',
      );
    if (recipients.length === 0 || recipients.some((r) => !/^29:/.test(r)))
      return fail(res, 400, 'BadArgument', 'Recipients must be a non-empty list of 29: user ids.');
    notifications.push({
      meetingId: String(req.params.meetingId),
      at: ctx.clock.now().toISOString(),
      body,
    });
    res.status(202).end();
  });
  router.use(((error, _req, res, next) => {
    const type = (error as { type?: string }).type;
    if (type === 'entity.parse.failed')
      return fail(res, 400, 'BadArgument', 'The body is not valid JSON.');
    if (type === 'entity.too.large')
      return fail(res, 413, 'MessageSizeTooBig', 'The activity is too large.');
    next(error);
  }) as express.ErrorRequestHandler);
  return router;
}

function meetingOf(ctx: SimContext, meetingId: string) {
  const thread = threadIdOfMeeting(meetingId);
  return Object.values(ctx.store.state.onlineMeetings).find((m) => m.threadId === thread);
}

function known(ctx: SimContext, conversationId: string, activityId: string): boolean {
  return ctx.store.state.connector.some(
    (a) => a.conversationId === conversationId && a.activityId === activityId,
  );
}

function newActivityId(): string {
  return `1:${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

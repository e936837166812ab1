import express, { Router } from 'express';
import { z } from 'zod';
import { DemoApiError, demoApiErrors } from './demo-api-errors.js';
import { invoke, type ChannelContext } from './bot-connector/activities.js';
import { ChannelClient } from './bot-connector/channel-client.js';
import { teamsMeetingId, teamsUserId } from './bot-connector/teams-ids.js';
import type { SimulatedTenant } from './simulated-tenant.js';

/**
 * The demo meeting room's chat (demo mode only, under /sim/api/meeting-chat): what a
 * person sees in a Teams meeting chat. Reads the bot's activities in the meeting's chat as the
 * simulated Bot Connector recorded them (latest version of each card), and plays Teams' side of
 * Universal Actions: an `adaptiveCard/action` invoke sent AS a chosen participant (their Entra
 * identity, a 29: id, signed by the simulated channel when bot authentication is on) to the
 * bot's /api/messages, returning the bot's invoke response. Card refreshes for user-specific
 * views are the same invoke with the `refresh` verb and trigger `automatic`.
 */
export interface ChatMeeting {
  id: string;
  title: string;
  status: string;
  scheduledStart: string;
  chatThreadId: string | null;
}

export interface ChatPerson {
  personId: string;
  aadObjectId: string;
  displayName: string;
  agencyName: string | null;
  kind: string;
}

export interface MeetingChatDeps {
  tenant: SimulatedTenant;
  botEndpoint: string;
  appId: string;
  botAuthEnabled: boolean;
  meetings(): Promise<ChatMeeting[]>;
  meeting(meetingId: string): Promise<ChatMeeting | null>;
  /** The people invited to the meeting who have a Teams (Entra) identity. */
  invitees(meetingId: string): Promise<ChatPerson[]>;
}

const InvokeBody = z
  .object({
    personId: z.uuid(),
    /** The chat message (card) the action was clicked on: Teams sends it as replyToId. */
    activityId: z.string().min(1).max(200).optional(),
    value: z
      .object({
        action: z
          .object({
            type: z.literal('Action.Execute'),
            id: z.string().max(200).optional(),
            verb: z.string().min(1).max(100),
            data: z.record(z.string(), z.unknown()).optional(),
          })
          .loose(),
        trigger: z.enum(['manual', 'automatic']).optional(),
      })
      .loose(),
  })
  .strict();

export function meetingChatRoutes(deps: MeetingChatDeps): Router {
  const router = Router();
  router.use(express.json({ limit: '64kb' }));
  const ctx: ChannelContext = {
    serviceUrl: deps.tenant.serviceUrl,
    appId: deps.appId,
    tenantId: deps.tenant.tenantId,
  };
  const channel = new ChannelClient({
    endpoint: deps.botEndpoint,
    appId: deps.appId,
    issuer: deps.botAuthEnabled ? deps.tenant.channel : null,
  });
  const meetingOf = async (meetingId: string) => {
    const meeting = z.uuid().safeParse(meetingId).success ? await deps.meeting(meetingId) : null;
    if (!meeting) throw new DemoApiError(404, 'NOT_FOUND', 'No such meeting.');
    return meeting;
  };

  router.get('/', async (_req, res) => {
    res.json({ meetings: await deps.meetings() });
  });

  router.get('/:meetingId', async (req, res) => {
    const meeting = await meetingOf(req.params.meetingId);
    const people = await deps.invitees(meeting.id);
    const activities = meeting.chatThreadId
      ? deps.tenant.connector.current(meeting.chatThreadId)
      : [];
    res.json({
      meeting,
      people: people.map((p) => ({ ...p, teamsUserId: teamsUserId(p.aadObjectId) })),
      activities,
    });
  });

  router.post('/:meetingId/invoke', async (req, res) => {
    const meeting = await meetingOf(req.params.meetingId);
    const body = InvokeBody.parse(req.body);
    if (!meeting.chatThreadId)
      throw new DemoApiError(409, 'NO_CHAT', 'The meeting has no Teams chat yet: start it first.');
    const person = (await deps.invitees(meeting.id)).find((p) => p.personId === body.personId);
    if (!person)
      throw new DemoApiError(404, 'NOT_FOUND', 'That person is not invited to the meeting.');
    const activity = invoke(
      ctx,
      { aadObjectId: person.aadObjectId, name: person.displayName },
      { id: meeting.chatThreadId, meetingId: teamsMeetingId(meeting.chatThreadId) },
      'adaptiveCard/action',
      body.value,
    );
    if (body.activityId) activity.replyToId = body.activityId;
    const answer = await channel.send(activity);
    res.status(200).json({ status: answer.status, body: answer.body });
  });

  router.use(demoApiErrors);
  return router;
}

import express, { Router } from 'express';
import { z } from 'zod';
import { DemoApiError, demoApiErrors } from './demo-api-errors.js';
import {
  type ChannelContext,
  meetingEvent,
  participantsEvent,
  type TeamsUser,
} from './bot-connector/activities.js';
import { ChannelClient } from './bot-connector/channel-client.js';
import { botId, meetingTypeOf, teamsMeetingId } from './bot-connector/teams-ids.js';
import type { SimulatedTenant } from './simulated-tenant.js';

/**
 * The demo meeting room's backend (demo mode only, under /sim/api/meeting-room): plays
 * a MARAC meeting as Teams would. Simulated people join, leave and switch cameras in the
 * simulated tenant's meeting engine (so the calling bot gets REAL signed roster notifications
 * on /api/calling, and the attendance report and call record follow the end), and the bot gets
 * the REAL Teams activities (meeting start and end, participant join and leave) on
 * /api/messages through the simulated channel, signed when bot authentication is on.
 */
export interface RoomMeeting {
  chatThreadId: string;
  onlineMeetingId: string;
  joinUrl: string;
  title: string;
}

export interface RoomPerson {
  personId: string;
  aadObjectId: string;
  displayName: string;
  email: string | null;
}

export interface MeetingRoomDeps {
  tenant: SimulatedTenant;
  /** The bot's endpoint, e.g. `http://127.0.0.1:3978/api/messages`. */
  botEndpoint: string;
  appId: string;
  botAuthEnabled: boolean;
  /** Our meeting's Teams meeting, set up in the simulated tenant first when it has none. */
  meeting(meetingId: string): Promise<RoomMeeting | null>;
  person(personId: string): Promise<RoomPerson | null>;
  /** Who starts and ends the meeting (the organiser's Teams identity). */
  organizer(meetingId: string): Promise<RoomPerson | null>;
}

const when = z.object({ at: z.iso.datetime({ offset: true }).optional() }).loose();
const JoinBody = z.union([
  z
    .object({
      personId: z.uuid(),
      camera: z.boolean().optional(),
      at: z.iso.datetime({ offset: true }).optional(),
    })
    .strict(),
  z
    .object({
      displayName: z.string().trim().min(1).max(120),
      camera: z.boolean().optional(),
      at: z.iso.datetime({ offset: true }).optional(),
    })
    .strict(),
]);
const CameraBody = z
  .object({ on: z.boolean(), at: z.iso.datetime({ offset: true }).optional() })
  .strict();

export function meetingRoomRoutes(deps: MeetingRoomDeps): Router {
  const router = Router();
  router.use(express.json({ limit: '16kb' }));
  const tenant = deps.tenant;
  const ctx: ChannelContext = {
    serviceUrl: tenant.serviceUrl,
    appId: deps.appId,
    tenantId: tenant.tenantId,
  };
  const channel = new ChannelClient({
    endpoint: deps.botEndpoint,
    appId: deps.appId,
    issuer: deps.botAuthEnabled ? tenant.channel : null,
  });
  const time = (body: unknown) => {
    const parsed = when.parse(body ?? {});
    return parsed.at ? new Date(parsed.at) : tenant.clock.now();
  };
  const meetingOf = async (meetingId: string) => {
    if (!z.uuid().safeParse(meetingId).success)
      throw new DemoApiError(404, 'NOT_FOUND', 'No such meeting.');
    const meeting = await deps.meeting(meetingId);
    if (!meeting) throw new DemoApiError(404, 'NOT_FOUND', 'No such meeting.');
    return {
      ...meeting,
      meetingId: teamsMeetingId(meeting.chatThreadId),
      meetingType: meetingTypeOf(tenant.store.state.events, meeting.onlineMeetingId),
    };
  };
  const userOf = (p: RoomPerson): TeamsUser => ({
    aadObjectId: p.aadObjectId,
    name: p.displayName,
  });
  const toBot = async (activity: Record<string, unknown> & { type: string }) => {
    const res = await channel.send(activity);
    if (res.status >= 300)
      throw new DemoApiError(
        502,
        'BOT_REFUSED',
        `The bot answered ${res.status} to ${String(activity.name)}.`,
      );
    return res.status;
  };
  const running = (onlineMeetingId: string) => tenant.engine.running(onlineMeetingId);
  // Teams lists bots in the meeting among the participants (role bot): the calling bot is
  // announced with the first join after its call is established.
  const announced = new Set<string>();
  const botsJoined = (onlineMeetingId: string) =>
    Object.values(tenant.store.state.calls)
      .filter(
        (c) =>
          c.onlineMeetingId === onlineMeetingId &&
          c.state === 'established' &&
          !announced.has(c.id),
      )
      .map((c) => {
        announced.add(c.id);
        return { botId: botId(c.appId), name: 'Calling bot' };
      });
  const state = async (meetingId: string) => {
    const m = await meetingOf(meetingId);
    const session =
      running(m.onlineMeetingId) ??
      Object.values(tenant.store.state.sessions)
        .filter((s) => s.onlineMeetingId === m.onlineMeetingId)
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
    const inCall = (p: { intervals: { leave: string | null }[] }) =>
      p.intervals.some((i) => i.leave === null);
    const cameraOn = (p: { video: { end: string | null }[] }) =>
      p.video.some((v) => v.end === null);
    return {
      meetingId,
      running: Boolean(session && !session.endedAt),
      startedAt: session?.startedAt ?? null,
      endedAt: session?.endedAt ?? null,
      callingBotInCall: Object.values(tenant.store.state.calls).some(
        (c) => c.onlineMeetingId === m.onlineMeetingId && c.state === 'established',
      ),
      participants: (session?.participants ?? []).map((p) => ({
        aadObjectId: p.userId,
        displayName: p.displayName,
        inMeeting: inCall(p),
        camera: inCall(p) && cameraOn(p),
      })),
    };
  };

  router.get('/:meetingId/state', async (req, res) => {
    res.json(await state(req.params.meetingId));
  });

  router.post('/:meetingId/start', async (req, res) => {
    const m = await meetingOf(req.params.meetingId);
    const at = time(req.body);
    if (running(m.onlineMeetingId))
      throw new DemoApiError(409, 'ALREADY_RUNNING', 'The meeting is already running.');
    const organizer = await deps.organizer(req.params.meetingId);
    if (!organizer)
      throw new DemoApiError(409, 'NO_ORGANIZER', 'The meeting has no chair to start it.');
    tenant.engine.session(m.onlineMeetingId, at);
    await toBot(meetingEvent(ctx, 'start', userOf(organizer), m, { at }));
    res.status(201).json(await state(req.params.meetingId));
  });

  router.post('/:meetingId/end', async (req, res) => {
    const m = await meetingOf(req.params.meetingId);
    const at = time(req.body);
    if (!running(m.onlineMeetingId))
      throw new DemoApiError(409, 'NOT_RUNNING', 'The meeting is not running.');
    const organizer = await deps.organizer(req.params.meetingId);
    await tenant.engine.end(m.onlineMeetingId, at);
    if (organizer) await toBot(meetingEvent(ctx, 'end', userOf(organizer), m, { at }));
    res.json(await state(req.params.meetingId));
  });

  router.post('/:meetingId/participants', async (req, res) => {
    const m = await meetingOf(req.params.meetingId);
    const body = JoinBody.parse(req.body);
    const at = time(req.body);
    if (!running(m.onlineMeetingId))
      throw new DemoApiError(409, 'NOT_RUNNING', 'Start the meeting first.');
    if ('personId' in body) {
      const person = await deps.person(body.personId);
      if (!person) throw new DemoApiError(404, 'NOT_FOUND', 'No such person.');
      await tenant.engine.join(
        m.onlineMeetingId,
        {
          userId: person.aadObjectId,
          displayName: person.displayName,
          email: person.email,
          camera: body.camera ?? false,
        },
        at,
      );
      await toBot(
        participantsEvent(
          ctx,
          'join',
          m,
          [{ user: userOf(person) }, ...botsJoined(m.onlineMeetingId)],
          { at },
        ),
      );
    } else {
      // A guest or phone caller: in the roster and the report, but Teams sends the bot nothing
      // it could match (no Entra identity).
      await tenant.engine.join(
        m.onlineMeetingId,
        { displayName: body.displayName, camera: body.camera ?? false },
        at,
      );
    }
    res.status(201).json(await state(req.params.meetingId));
  });

  router.delete('/:meetingId/participants/:personId', async (req, res) => {
    const m = await meetingOf(req.params.meetingId);
    const person = await deps.person(req.params.personId);
    if (!person) throw new DemoApiError(404, 'NOT_FOUND', 'No such person.');
    const at = time(req.body);
    if (!running(m.onlineMeetingId))
      throw new DemoApiError(409, 'NOT_RUNNING', 'The meeting is not running.');
    await tenant.engine.leave(m.onlineMeetingId, person.aadObjectId, at);
    await toBot(participantsEvent(ctx, 'leave', m, [{ user: userOf(person) }], { at }));
    res.json(await state(req.params.meetingId));
  });

  router.post('/:meetingId/participants/:personId/camera', async (req, res) => {
    const m = await meetingOf(req.params.meetingId);
    const body = CameraBody.parse(req.body);
    const person = await deps.person(req.params.personId);
    if (!person) throw new DemoApiError(404, 'NOT_FOUND', 'No such person.');
    if (!running(m.onlineMeetingId))
      throw new DemoApiError(409, 'NOT_RUNNING', 'The meeting is not running.');
    try {
      await tenant.engine.camera(m.onlineMeetingId, person.aadObjectId, body.on, time(req.body));
    } catch {
      throw new DemoApiError(409, 'NOT_IN_MEETING', 'That person is not in the meeting.');
    }
    res.json(await state(req.params.meetingId));
  });

  router.use(demoApiErrors);
  return router;
}

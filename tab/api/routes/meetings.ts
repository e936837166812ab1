import type { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import {
  cancelMeeting,
  rescheduleMeeting,
  retryTeamsSetUp,
} from '../../../core/scheduling/change-meeting.js';
import type { MeetingRecord } from '../../../core/scheduling/meeting-repository.js';
import {
  createClosedSession,
  createMeeting,
  createSeries,
} from '../../../core/scheduling/schedule-meetings.js';
import type { SchedulingDeps } from '../../../core/scheduling/scheduling-deps.js';
import { setMeetingLeads } from '../../../core/scheduling/meeting-leads.js';
import { previewSeries } from '../../../core/scheduling/series-preview.js';
import { policyRouter } from '../policy-router.js';
import { actorOf, param } from './route-helpers.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM');
const reason = z.string().trim().max(1000).optional();
const weekday = z.enum([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

const SeriesBody = z
  .object({
    title: z.string().trim().min(3).max(120),
    // Left out, the area's usual pattern applies (policy meetingFrequency and meetingDay).
    frequency: z.enum(['daily', 'weekly', 'fortnightly', 'monthly']).optional(),
    dayOfWeek: weekday.optional(),
    startTime: time,
    endTime: time,
    startsOn: day,
    endsOn: day,
    weekOfMonth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
    chairPersonId: z.uuid().optional(),
    deputyChairPersonId: z.uuid().optional(),
    reason,
  })
  .strict();
const PreviewBody = SeriesBody.omit({ title: true, reason: true });
const LeadsBody = z
  .object({ chairPersonId: z.uuid(), deputyChairPersonId: z.uuid().nullable() })
  .strict();
const MeetingBody = z
  .object({
    kind: z.enum(['extraordinary', 'emergency']),
    title: z.string().trim().min(3).max(120),
    day,
    startTime: time,
    endTime: time,
    chairPersonId: z.uuid().optional(),
    deputyChairPersonId: z.uuid().optional(),
    reason,
  })
  .strict();
const ClosedBody = z
  .object({ day: day.optional(), startTime: time, endTime: time, reason })
  .strict();
const RescheduleBody = z.object({ day, startTime: time, endTime: time, reason }).strict();

const LEAD_ROLES = ['coordinator', 'chair', 'deputy-chair'] as const;

/**
 * /api/meetings: the MARAC schedule (FR-001..FR-009). Every member sees the published schedule
 * (FR-001); closed sessions only their invitees and the leads; only the coordinator schedules,
 * moves and cancels.
 */
export function meetingRoutes(deps: { scheduling: SchedulingDeps }): Router {
  const { router, get, post, put } = policyRouter('/meetings');
  const { meetings } = deps.scheduling.repos;

  get('/', async (req, res) => {
    const actor = actorOf(res);
    const q = z
      .object({
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
      })
      .parse(req.query);
    const now = deps.scheduling.clock.now();
    const from = q.from ? new Date(q.from) : new Date(now.getTime() - 31 * 86_400_000);
    const to = q.to ? new Date(q.to) : new Date(now.getTime() + 366 * 86_400_000);
    const lead = actor.roles.some((r) => (LEAD_ROLES as readonly string[]).includes(r));
    const rows = await meetings.listMeetings(actor.areaId, from, to);
    const out = [];
    for (const m of rows) {
      const invited = (await meetings.listInvitees(m.id)).some(
        (i) => i.personId === actor.personId,
      );
      if (m.kind === 'closed' && !lead && !invited) continue;
      out.push(summary(m, { lead, invited }));
    }
    res.json({ meetings: out });
  });

  get('/:meetingId', async (req, res) => {
    const actor = actorOf(res);
    const m = await meetings.getMeeting(param(req, 'meetingId'));
    if (!m || m.areaId !== actor.areaId) throw new DomainError('NOT_FOUND');
    const invitees = await meetings.listInvitees(m.id);
    const invited = invitees.some((i) => i.personId === actor.personId);
    const lead = actor.roles.some((r) => (LEAD_ROLES as readonly string[]).includes(r));
    if (m.kind === 'closed' && !lead && !invited) throw new DomainError('NOT_FOUND');
    res.json({
      meeting: summary(m, { lead, invited }),
      ...(lead
        ? {
            invitees: invitees.map(({ personId, agencyId, kind, displayName }) => ({
              personId,
              agencyId,
              kind,
              displayName,
            })),
            changes: await meetings.listChanges(m.id),
            closedSessions: (await meetings.listClosedSessions(m.id)).map((c) =>
              summary(c, { lead, invited: true }),
            ),
          }
        : {}),
    });
  });

  post('/series', async (req, res) => {
    res
      .status(201)
      .json(await createSeries(deps.scheduling, actorOf(res), SeriesBody.parse(req.body)));
  });

  post('/series/preview', async (req, res) => {
    res.json(await previewSeries(deps.scheduling, actorOf(res), PreviewBody.parse(req.body)));
  });

  put('/:meetingId/leads', async (req, res) => {
    res.json({
      meetings: await setMeetingLeads(
        deps.scheduling,
        actorOf(res),
        param(req, 'meetingId'),
        LeadsBody.parse(req.body),
      ),
    });
  });

  post('/', async (req, res) => {
    res
      .status(201)
      .json(await createMeeting(deps.scheduling, actorOf(res), MeetingBody.parse(req.body)));
  });

  post('/:meetingId/closed-sessions', async (req, res) => {
    const result = await createClosedSession(
      deps.scheduling,
      actorOf(res),
      param(req, 'meetingId'),
      ClosedBody.parse(req.body),
    );
    res.status(201).json(result);
  });

  post('/:meetingId/reschedule', async (req, res) => {
    res.json({
      meeting: await rescheduleMeeting(
        deps.scheduling,
        actorOf(res),
        param(req, 'meetingId'),
        RescheduleBody.parse(req.body),
      ),
    });
  });

  post('/:meetingId/cancel', async (req, res) => {
    const body = z
      .object({ reason })
      .strict()
      .parse(req.body ?? {});
    res.json({
      meetings: await cancelMeeting(deps.scheduling, actorOf(res), param(req, 'meetingId'), body),
    });
  });

  post('/:meetingId/retry-setup', async (req, res) => {
    res.json({
      meeting: await retryTeamsSetUp(deps.scheduling, actorOf(res), param(req, 'meetingId')),
    });
  });

  return router;
}

function summary(m: MeetingRecord, who: { lead: boolean; invited: boolean }) {
  return {
    id: m.id,
    seriesId: m.seriesId,
    parentMeetingId: m.parentMeetingId,
    kind: m.kind,
    title: m.title,
    scheduledStart: m.scheduledStart,
    scheduledEnd: m.scheduledEnd,
    status: m.status,
    circulationDueOn: m.circulationDueOn,
    circulatedAt: m.circulatedAt,
    invited: who.invited,
    ...(who.lead
      ? {
          statusReason: m.statusReason,
          chairPersonId: m.chairPersonId,
          deputyChairPersonId: m.deputyChairPersonId,
        }
      : {}),
    ...(who.lead || who.invited ? { joinUrl: m.joinUrl } : {}),
  };
}

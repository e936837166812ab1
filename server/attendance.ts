import { registerMeetingEvents } from '../bot/meeting-events.js';
import type { MaracBot } from '../bot/marac-bot.js';
import { type LiveAttendanceDeps, RECONCILE_JOB } from '../core/attendance/live-attendance.js';
import type { ReconcileDeps } from '../core/attendance/reconcile-meeting.js';
import { MeetingLifecycle } from '../core/attendance/meeting-lifecycle.js';
import type { Clock } from '../core/ports/clock.js';
import type { Jobs } from '../core/ports/jobs.js';
import { PgAttendanceStore } from '../store/attendance-store.js';
import { PgAuditLog } from '../store/audit-log-store.js';
import type { Db } from '../store/db.js';
import { PgUnitOfWork } from '../store/unit-of-work.js';
import type { HttpFeature } from './app.js';
import { meetingRoomRoutes, type RoomPerson } from '../graph/simulator/meeting-room.js';
import { callingRoute } from './calling-route.js';
import { reconcileAttendanceJob } from './jobs/reconcile-attendance.js';
import type { Config } from './config.js';
import type { MicrosoftAdapters } from './compose-microsoft.js';
import type { Logger } from './logger.js';

export interface Attendance {
  live: LiveAttendanceDeps;
  reconcile: ReconcileDeps;
  /** Meeting end and other lifecycle events, for other features (5B: card redaction). */
  lifecycle: MeetingLifecycle;
  /** `/api/calling`; mount before the tab API. */
  features: HttpFeature[];
  /**
   * Demo mode: the meeting room's backend under /sim/api/meeting-room (null without the
   * in-process simulated tenant). `setUp` makes a meeting real in the simulated Teams first.
   */
  meetingRoom(setUp: (meetingId: string) => Promise<unknown>): HttpFeature | null;
  /** Called by startJobs: registers the reconciliation job and schedules through `jobs`. */
  startJobs(jobs: Jobs): Promise<void>;
}

/**
 * Wires attendance: the bot's meeting events, the calling webhook and the live
 * attendance use cases, on the PostgreSQL store and the Graph adapters of the mode.
 */
export function composeAttendance(input: {
  config: Config;
  log: Logger;
  db: Db;
  clock: Clock;
  bot: MaracBot;
  microsoft: MicrosoftAdapters;
}): Attendance {
  const { config, db } = input;
  const log = input.log.child({ component: 'attendance' });
  const lifecycle = new MeetingLifecycle(log);
  let jobs: Jobs | null = null;
  const live: LiveAttendanceDeps = {
    clock: input.clock,
    repos: new PgAttendanceStore(db),
    uow: new PgUnitOfWork(db, (tx) => new PgAttendanceStore(tx)),
    callingBot: input.microsoft.callingBot,
    tenantId: config.microsoft.tenantId as string,
    // Until the job system has started there is nothing to schedule with (tests without jobs).
    jobs: {
      send: (name, data, options) =>
        jobs ? jobs.send(name, data, options) : Promise.resolve(null),
    },
    lifecycle,
    audit: new PgAuditLog(db),
    log,
    reconcileDelaySeconds: config.attendance.reconcileDelaySeconds,
  };
  registerMeetingEvents(input.bot, live);
  const features: HttpFeature[] = [
    {
      path: '/api/calling',
      handler: callingRoute({
        attendance: live,
        auth: {
          enabled: config.bot.authEnabled,
          appId: config.microsoft.appId,
          openIdMetadataUrl: config.callingAuth.openIdMetadataUrl,
          issuers: config.callingAuth.issuers,
        },
        log,
      }),
    },
  ];
  const reconcile: ReconcileDeps = {
    clock: input.clock,
    repos: live.repos,
    uow: live.uow,
    reports: input.microsoft.attendance,
    callRecords: input.microsoft.callRecords,
    log,
  };
  const meetingRoom = (setUp: (meetingId: string) => Promise<unknown>): HttpFeature | null => {
    const tenant = input.microsoft.simulator;
    if (!tenant) return null;
    const roomMeeting = async (meetingId: string) => {
      const { rows } = await db.query<{
        chat_thread_id: string | null;
        online_meeting_id: string | null;
        join_url: string | null;
        title: string;
      }>('SELECT chat_thread_id, online_meeting_id, join_url, title FROM meeting WHERE id = $1', [
        meetingId,
      ]);
      return rows[0] ?? null;
    };
    const person = async (personId: string) => {
      const { rows } = await db.query<RoomPerson>(
        `SELECT id AS "personId", entra_object_id AS "aadObjectId", display_name AS "displayName", email
           FROM person WHERE id = $1 AND entra_object_id IS NOT NULL`,
        [personId],
      );
      return rows[0] ?? null;
    };
    return {
      path: '/sim/api/meeting-room',
      handler: meetingRoomRoutes({
        tenant,
        botEndpoint: `${config.http.publicUrl}/api/messages`,
        appId: config.microsoft.appId as string,
        botAuthEnabled: config.bot.authEnabled,
        meeting: async (meetingId) => {
          let row = await roomMeeting(meetingId);
          if (row && !(row.chat_thread_id && row.online_meeting_id && row.join_url)) {
            await setUp(meetingId);
            row = await roomMeeting(meetingId);
          }
          if (!row?.chat_thread_id || !row.online_meeting_id || !row.join_url) return null;
          return {
            chatThreadId: row.chat_thread_id,
            onlineMeetingId: row.online_meeting_id,
            joinUrl: row.join_url,
            title: row.title,
          };
        },
        person,
        organizer: async (meetingId) => {
          const { rows } = await db.query<{ id: string | null }>(
            'SELECT coalesce(chair_person_id, coordinator_person_id) AS id FROM meeting WHERE id = $1',
            [meetingId],
          );
          return rows[0]?.id ? person(rows[0].id) : null;
        },
      }),
    };
  };
  return {
    live,
    reconcile,
    meetingRoom,
    lifecycle,
    features,
    startJobs: async (j) => {
      jobs = j;
      await j.work(RECONCILE_JOB, reconcileAttendanceJob(reconcile));
    },
  };
}

import type { ActionDeps, ActionRepos } from '../core/actions/action-service.js';
import {
  ensureVictimFeedbackActions,
  type FeedbackRepos,
} from '../core/actions/victim-feedback.js';
import {
  chaseNow,
  notifyNewActions,
  runChase,
  type ChaseDeps,
  type ChaseRepos,
} from '../core/chasing/chase-run.js';
import type { Clock } from '../core/ports/clock.js';
import type { Mailer } from '../core/ports/mailer.js';
import { PgActionStore } from '../store/action-store.js';
import { PgAuditLog } from '../store/audit-log-store.js';
import { PgChaseStore } from '../store/chase-store.js';
import type { Db, Queryable } from '../store/db.js';
import { PgDirectoryStore } from '../store/directory-store.js';
import { PgOutboxStore } from '../store/outbox-store.js';
import { PgUnitOfWork } from '../store/unit-of-work.js';
import type { TabApiFeature } from '../tab/api/tab-api.js';
import { actionRoutes } from '../tab/api/routes/actions.js';
import { agencyExtractRoutes, minutesRoutes } from '../tab/api/routes/minutes.js';
import { preMeetingRepos } from '../store/repositories.js';
import { PgMinutesStore } from '../store/minutes-store.js';
import { dispatchOutbox } from './outbox-dispatcher.js';
import { KeyedLimiter } from '../graph/keyed-limiter.js';
import { outboxRoutes } from '../tab/api/routes/outbox.js';
import type { Jobs } from '../core/ports/jobs.js';
import { actionAppLink } from './deep-links.js';

/** Deep link for mail (two clicks to complete, FR-073): the personal tab, which also runs in Outlook. */
export function actionLink(publicUrl: string, teamsAppId: string | null = null) {
  return (actionId: string) =>
    actionAppLink({ publicUrl, teamsAppId, demo: teamsAppId === null }, actionId);
}

/** The minutes in the tab (a notice links here; the page itself decides what each reader sees). */
export function minutesLink(publicUrl: string) {
  return (meetingId: string) =>
    `${publicUrl}/tab/minutes?meetingId=${encodeURIComponent(meetingId)}`;
}

export function actionRepos(q: Queryable): ActionRepos & ChaseRepos & FeedbackRepos {
  return {
    actions: new PgActionStore(q),
    chase: new PgChaseStore(q),
    feedback: new PgChaseStore(q),
    outbox: new PgOutboxStore(q),
    audit: new PgAuditLog(q),
    areas: new PgDirectoryStore(q),
  };
}

export interface ActionsFeature {
  actions: ActionDeps;
  chase: ChaseDeps;
  tabFeatures: TabApiFeature[];
  /** Every area: new-action mails, then the chase ladder (inside working hours only). */
  chaseAll(): Promise<void>;
  /** A meeting ended: its area's new-action mails now (idempotent, as the hourly run). */
  notifyAfterMeeting(meetingId: string): Promise<void>;
  dispatch(): ReturnType<typeof dispatchOutbox>;
  startJobs(jobs: Jobs): Promise<void>;
}

/**
 * Wiring of the action register's use cases, the chase ladder and the outbox dispatcher
 * over PostgreSQL and the Mailer (Graph, or the simulated tenant in demo mode).
 */
export function actionsFeature(
  db: Db,
  adapters: {
    clock: Clock;
    mailer: Mailer;
    mailbox: string;
    publicUrl: string;
    /** The Teams app id for deep links in mail; null for web addresses only (demo mode). */
    teamsAppId?: string | null;
    log?: { warn(obj: object, msg: string): void };
  },
): ActionsFeature {
  const repos = actionRepos(db);
  const uow = new PgUnitOfWork(db, actionRepos);
  const actions: ActionDeps = { clock: adapters.clock, repos, uow };
  const chase: ChaseDeps = {
    clock: adapters.clock,
    repos,
    uow,
    actionLink: actionLink(adapters.publicUrl, adapters.teamsAppId ?? null),
  };
  const areaIds = async () =>
    (await db.query<{ id: string }>('SELECT id FROM area ORDER BY id')).rows.map((r) => r.id);
  const chaseAll = async () => {
    for (const areaId of await areaIds()) {
      await ensureVictimFeedbackActions({ clock: adapters.clock, uow }, areaId);
      await notifyNewActions(chase, areaId);
      await runChase(chase, areaId);
    }
  };
  // One limiter for every dispatch in this process: at most 4 sends in flight per mailbox.
  const limiter = new KeyedLimiter(4);
  const dispatch = () =>
    dispatchOutbox(db, {
      clock: adapters.clock,
      mailer: adapters.mailer,
      mailbox: adapters.mailbox,
      limiter,
      log: adapters.log,
    });
  const notifyAfterMeeting = async (meetingId: string) => {
    const { rows } = await db.query<{ area_id: string }>(
      'SELECT area_id FROM meeting WHERE id = $1',
      [meetingId],
    );
    if (rows[0]) await notifyNewActions(chase, rows[0].area_id);
  };
  return {
    actions,
    chase,
    chaseAll,
    notifyAfterMeeting,
    dispatch,
    tabFeatures: [
      {
        path: '/actions',
        router: actionRoutes({ actions, chaseNow: (viewer, ids) => chaseNow(chase, viewer, ids) }),
      },
      {
        path: '/meetings',
        router: minutesRoutes({
          actions,
          minutes: new PgMinutesStore(db),
          circulation: preMeetingRepos(db),
          directory: new PgDirectoryStore(db),
          audit: new PgAuditLog(db),
          workflow: {
            clock: adapters.clock,
            uow: new PgUnitOfWork(db, (q) => ({
              minutes: new PgMinutesStore(q),
              outbox: new PgOutboxStore(q),
              audit: new PgAuditLog(q),
              directory: new PgDirectoryStore(q),
            })),
            minutesLink: minutesLink(adapters.publicUrl),
          },
        }),
      },
      {
        path: '/agencies',
        router: agencyExtractRoutes({ actions, directory: new PgDirectoryStore(db) }),
      },
      {
        path: '/outbox',
        router: outboxRoutes({
          clock: adapters.clock,
          outbox: new PgOutboxStore(db),
          audit: new PgAuditLog(db),
        }),
      },
    ],
    startJobs: async (jobs) => {
      // Hourly on the hour; runChase itself does nothing outside working days and hours, and
      // chase_step keeps every step once however often it runs (FR-074).
      await jobs.work('action-chase', async () => {
        await chaseAll();
        await jobs.send('outbox-dispatch', {}, { singletonKey: 'outbox', singletonSeconds: 10 });
      });
      await jobs.schedule('action-chase', '0 * * * *');
      await jobs.work('outbox-dispatch', async () => {
        await dispatch();
      });
      await jobs.schedule('outbox-dispatch', '* * * * *');
    },
  };
}

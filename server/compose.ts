import { circulateDueMeetings } from '../core/circulation/circulate.js';
import { remindSignatoryReviews, SIGNATORY_REVIEW_JOB } from '../core/area-setup/reviews.js';
import type { Clock } from '../core/ports/clock.js';
import type { FileShare } from '../core/ports/file-share.js';
import type { MeetingScheduler } from '../core/ports/meeting-scheduler.js';
import { purgeDueMaterial } from '../core/retention/retention.js';
import type { Db, Queryable } from '../store/db.js';
import { preMeetingRepos } from '../store/repositories.js';
import { agendaRoutes } from '../tab/api/routes/agenda.js';
import { areaRoutes } from '../tab/api/routes/area.js';
import { auditRoutes } from '../tab/api/routes/audit.js';
import { caseListRoutes } from '../tab/api/routes/case-list.js';
import { meetingRoutes } from '../tab/api/routes/meetings.js';
import { chaseRepliesFeature } from './chase-replies.js';
import { casePeopleFeature } from './case-people.js';
import { preMeeting, tabLinks } from './pre-meeting.js';
import { composeResearch } from './research.js';
import { actionsFeature } from './outbox-dispatcher-wiring.js';
import { type Attendance, composeAttendance } from './attendance.js';
import { endMeetingById } from '../core/attendance/live-attendance.js';
import { attendanceRoutes } from '../tab/api/routes/attendance.js';
import { reportRoutes } from '../tab/api/routes/reports.js';
import { governanceRoutes } from '../tab/api/routes/governance.js';
import { PgGovernanceStore } from '../store/governance-store.js';
import { PgPopulationStore } from '../store/population-store.js';
import { PgCaseReturnStore } from '../store/case-return-store.js';
import { dataReturnFeatures } from '../tab/api/routes/data-return.js';
import { PgAuditLog } from '../store/audit-log-store.js';
import { demoMeetingChat } from './demo-meeting-chat.js';
import { setUpTeamsMeeting } from '../core/scheduling/teams-setup.js';
import { composeMeetingRun } from './meeting-run.js';
import type { MeetingRun } from '../core/meeting-run/meeting-run.js';
import { PgDirectoryStore } from '../store/directory-store.js';
import { PgExportStore } from '../store/export-store.js';
import { PgChaseControlStore } from '../store/chase-control-store.js';
import { PgActionStore } from '../store/action-store.js';
import { PgUnitOfWork } from '../store/unit-of-work.js';
import { chasingRoutes } from '../tab/api/routes/chasing.js';
import { exportRoutes } from '../tab/api/routes/exports.js';
import { createTokenVerifier } from '../tab/api/auth/token-verifier.js';
import { demoSignInRoutes } from '../tab/api/demo-sign-in.js';
import { clientConfigRoutes } from '../tab/api/client-config.js';
import { createTabApi, type TabApiFeature } from '../tab/api/tab-api.js';
import { PgAreaScope } from '../store/area-scope-store.js';
import type { HttpFeature } from './app.js';
import { composeMicrosoft, type MicrosoftAdapters } from './compose-microsoft.js';
import type { Config } from './config.js';
import type { PgBossJobs } from './jobs/pg-boss-jobs.js';
import type { Logger } from './logger.js';

export interface Runtime {
  config: Config;
  log: Logger;
  db: Db;
  jobs: PgBossJobs;
  /** Replacements for adapters (tests: a fake clock, a recording scheduler or file share). */
  adapters?: { clock?: Clock; scheduler?: MeetingScheduler; fileShare?: FileShare | null };
}

export interface Composition {
  features: HttpFeature[];
  /** Registers job handlers and schedules once the job system has started. */
  startJobs(jobs: PgBossJobs): Promise<void>;
  /** Stops what the features started (calls, timers), before jobs and the database close. */
  stop(): Promise<void>;
  /** Graph adapters behind core ports, and the simulated tenant in demo mode. */
  microsoft: MicrosoftAdapters;
  /** Attendance: live use cases and `lifecycle.onMeetingEnded` for other features. */
  attendance: Attendance;
  /** Cards: the meeting run (tests await `idle()` for card updates; redaction). */
  meetingRun: MeetingRun;
}

/**
 * The composition root (STYLE.md: "server/ is the only place that knows every concrete
 * class"): builds the adapters for the mode (simulated tenant in demo, Microsoft 365 in
 * production), the use cases, and the HTTP features that expose them.
 *
 * Order matters: /sim and the routes that authenticate themselves (/api/messages, /api/calling,
 * /api/demo) come before the tab API, which requires a signed-in user for everything under /api.
 */
export async function compose(runtime: Runtime): Promise<Composition> {
  const { config, db } = runtime;
  const directory = new PgDirectoryStore(db);
  const features: HttpFeature[] = [];
  const tabFeatures: TabApiFeature[] = [];
  // The simulated tenant under /sim (demo mode) and the bot's /api/messages come first.
  const microsoft = await composeMicrosoft(runtime);
  features.push(...microsoft.features);

  const simulator = microsoft.adapters.simulator;
  if (simulator) {
    const issuer = simulator.entra;
    features.push({
      path: '/api/demo',
      handler: demoSignInRoutes({
        issuer,
        directory,
        areaId: async () =>
          (await db.query<{ id: string }>('SELECT id FROM area ORDER BY created_at LIMIT 1'))
            .rows[0]?.id ?? '',
        audience: config.microsoft.appId as string,
      }),
    });
  }

  // Area set-up, scheduling, agenda, circulation and retention, on the Graph adapters
  // (the simulated tenant in demo mode) unless a test replaces them.
  const pre = preMeeting(db, {
    clock: runtime.adapters?.clock ?? { now: () => new Date() },
    scheduler: runtime.adapters?.scheduler ?? microsoft.adapters.meetings,
    fileShare:
      runtime.adapters?.fileShare === undefined
        ? microsoft.adapters.files
        : runtime.adapters.fileShare,
    links: tabLinks({
      publicUrl: config.http.publicUrl,
      teamsAppId: config.microsoft.teamsAppId,
      demo: config.mode === 'demo',
    }),
  });
  // Attendance: meeting events on the bot, /api/calling, live attendance.
  const attendance = composeAttendance({
    config,
    log: runtime.log,
    db,
    clock: runtime.adapters?.clock ?? { now: () => new Date() },
    bot: microsoft.bot,
    microsoft: microsoft.adapters,
  });
  features.push(...attendance.features);
  // Demo mode: the meeting room's chat (bot cards, card actions as any participant).
  const meetingChat = demoMeetingChat(db, config, simulator);
  if (meetingChat) features.push(meetingChat);
  tabFeatures.push(
    {
      path: '/meetings',
      router: attendanceRoutes({ attendance: attendance.live, reconcile: attendance.reconcile }),
    },
    { path: '/reports', router: reportRoutes({ repos: attendance.live.repos }) },
  );
  // The steering/governance report (volumes, action completion, escalations, attendance).
  tabFeatures.push({
    path: '/reports',
    router: governanceRoutes({
      repos: new PgGovernanceStore(db),
      attendance: attendance.live.repos,
      population: new PgPopulationStore(db),
      audit: new PgAuditLog(db),
      clock: runtime.adapters?.clock ?? { now: () => new Date() },
      populationDeps: {
        repos: { population: new PgPopulationStore(db) },
        uow: new PgUnitOfWork(db, (tx) => ({
          population: new PgPopulationStore(tx),
          audit: new PgAuditLog(tx),
        })),
        audit: new PgAuditLog(db),
        clock: runtime.adapters?.clock ?? { now: () => new Date() },
      },
    }),
  });

  // The SafeLives data return: per-case data on the agenda, the per-meeting return.
  tabFeatures.push(
    ...dataReturnFeatures({
      repos: new PgCaseReturnStore(db),
      audit: new PgAuditLog(db),
      clock: runtime.adapters?.clock ?? { now: () => new Date() },
    }),
  );

  // Demo mode: the meeting room plays meetings into the bot and the calling webhook.
  const room = attendance.meetingRoom((meetingId) => setUpTeamsMeeting(pre.scheduling, meetingId));
  if (room) features.push(room);

  tabFeatures.push(
    {
      path: '/area',
      router: areaRoutes({
        setup: pre.areaSetup,
        repos: preMeetingRepos(db),
        directory,
        entra: microsoft.adapters.directory,
        tenantId: config.microsoft.tenantId as string,
      }),
    },
    { path: '/meetings', router: meetingRoutes({ scheduling: pre.scheduling }) },
    {
      path: '/meetings',
      router: agendaRoutes({ agenda: pre.agenda, circulation: pre.circulation }),
    },
    { path: '/meetings', router: caseListRoutes({ circulation: pre.circulation }) },
    casePeopleFeature(db, pre, {
      entra: microsoft.adapters.directory,
      tenantId: config.microsoft.tenantId as string,
    }),
  );
  // Research returns, the grid and the status counts (FR-038..FR-041), and their reminders.
  const research = composeResearch({
    db,
    clock: pre.circulation.clock,
    links: pre.circulation.links,
    areaIds: pre.areaIds,
  });
  tabFeatures.push(...research.tabFeatures);
  tabFeatures.push({
    path: '/audit',
    router: auditRoutes({
      audit: new PgAuditLog(db),
      directory,
      clock: runtime.adapters?.clock ?? { now: () => new Date() },
    }),
  });

  // What the tab client needs to sign in (public, no secret), before the tab API.
  features.push({
    path: '/api/client-config',
    handler: clientConfigRoutes({
      mode: config.mode,
      appId: config.microsoft.appId,
      tenantId: config.microsoft.tenantId,
      authorityHost: config.microsoft.authorityHost,
      tabAudiences: config.microsoft.tabAudiences,
    }),
  });

  // The action register, chasing and the outbox dispatcher.
  const actions = actionsFeature(db, {
    clock: runtime.adapters?.clock ?? { now: () => new Date() },
    mailer: microsoft.adapters.mailer,
    mailbox: config.mailbox,
    publicUrl: config.http.publicUrl,
    teamsAppId: config.mode === 'demo' ? null : config.microsoft.teamsAppId,
    log: runtime.log.child({ component: 'outbox' }),
  });
  tabFeatures.push(...actions.tabFeatures);
  // The coordinator's controls over chasing: pause, extend a due date, history, blocked chasers.
  const chaseControlRepos = (q: Queryable) => ({
    controls: new PgChaseControlStore(q),
    actions: new PgActionStore(q),
    audit: new PgAuditLog(q),
    areas: new PgDirectoryStore(q),
  });
  // Replies to chasers in the MARAC mailbox, polled by a job; the coordinator turns them into completion.
  const replies = chaseRepliesFeature(db, {
    clock: runtime.adapters?.clock ?? { now: () => new Date() },
    mailbox: microsoft.adapters.mailbox,
    mailboxAddress: config.mailbox,
  });
  tabFeatures.push({
    path: '/chasing',
    router: chasingRoutes(
      {
        clock: runtime.adapters?.clock ?? { now: () => new Date() },
        repos: chaseControlRepos(db),
        uow: new PgUnitOfWork(db, chaseControlRepos),
      },
      replies.deps,
    ),
  });
  // Excel and CSV exports of the action register, attendance and the audit log.
  tabFeatures.push({
    path: '/exports',
    router: exportRoutes({
      clock: runtime.adapters?.clock ?? { now: () => new Date() },
      actions: actions.actions,
      attendance: attendance.live.repos,
      audit: new PgAuditLog(db),
      reads: new PgExportStore(db),
    }),
  });

  // Case cards, card actions and chat commands on the bot, the chair console.
  const meetingRun = composeMeetingRun({
    db,
    log: runtime.log,
    clock: runtime.adapters?.clock ?? { now: () => new Date() },
    bot: microsoft.bot,
    adapter: microsoft.botAdapter,
    appId: config.bot.authEnabled ? (config.microsoft.appId ?? '') : '',
    links: tabLinks({
      publicUrl: config.http.publicUrl,
      teamsAppId: config.microsoft.teamsAppId,
      demo: config.mode === 'demo',
    }),
    // The chair's "End the meeting" ends it as Teams' meetingEnd does (the listeners below).
    endMeeting: async (meetingId, endedAt) => {
      await endMeetingById(attendance.live, meetingId, endedAt);
    },
  });
  tabFeatures.push({ path: '/meetings', router: meetingRun.router });
  // Chat history persists: when the meeting ends every card the bot posted is rewritten to
  // references only (FR-049).
  attendance.lifecycle.onMeetingEnded(async ({ meetingId }) => {
    const { failed } = await meetingRun.run.redactMeetingCards(meetingId);
    if (failed > 0) runtime.log.warn({ meetingId, failed }, 'some cards not yet redacted');
  });
  // Cases neither heard nor decided about are recorded as not heard (minutes, presence, reports).
  attendance.lifecycle.onMeetingEnded(async ({ meetingId }) => {
    await meetingRun.run.recordUnheardAtEnd(meetingId);
  });
  // FR-087: the owner of each agreed action hears about it straight after the meeting, not at
  // the next hourly chase run (the same notice, once per action and owner).
  attendance.lifecycle.onMeetingEnded(async ({ meetingId }) => {
    await actions.notifyAfterMeeting(meetingId);
  });
  // IS-08: research goes as soon as the policy allows once a meeting ends, not at the next run;
  // only the meeting's own area is looked at (the retention job still sweeps every area).
  const areaScope = new PgAreaScope(db);
  attendance.lifecycle.onMeetingEnded(async ({ meetingId }) => {
    const areaId = await areaScope.areaOf('meeting', meetingId);
    if (areaId) await purgeDueMaterial(pre.retention, [areaId]);
  });

  const verify = createTokenVerifier({
    authorityHost: config.microsoft.authorityHost,
    audiences: config.microsoft.tabAudiences,
    allowedTenants: config.microsoft.allowedTenants,
  });
  features.push({
    path: '/api',
    handler: createTabApi({
      verify,
      directory,
      features: tabFeatures,
      scope: areaScope,
      onRefusedSignIn: (tenantId, objectId) =>
        directory.recordRefusedSignIn(
          tenantId,
          objectId,
          (runtime.adapters?.clock ?? { now: () => new Date() }).now(),
        ),
    }),
  });

  const startJobs = async (jobs: PgBossJobs) => {
    await attendance.startJobs(jobs);
    // Handlers are idempotent and ask the database what is due at the clock's `now`.
    await jobs.work('case-list-circulation', async () => {
      await circulateDueMeetings(pre.circulation, await pre.areaIds());
    });
    await jobs.schedule('case-list-circulation', '*/10 * * * *');
    await jobs.work('retention-purge', async () => {
      const report = await purgeDueMaterial(pre.retention, await pre.areaIds());
      if (report.exportsFailed.length > 0)
        runtime.log.warn(
          { failed: report.exportsFailed.length },
          'case-list exports not yet purged; retrying next run',
        );
    });
    await jobs.schedule('retention-purge', '*/15 * * * *');
    await research.startJobs(jobs);
    await jobs.work(SIGNATORY_REVIEW_JOB, async () => {
      await remindSignatoryReviews(pre.reviews, await pre.areaIds());
    });
    await jobs.schedule(SIGNATORY_REVIEW_JOB, '0 7 * * *');
    await actions.startJobs(jobs);
    await replies.startJobs(jobs);
    await meetingRun.startJobs(jobs);
  };

  return {
    features,
    startJobs,
    attendance,
    stop: async () => {
      await meetingRun.run.idle();
      await microsoft.stop();
    },
    microsoft: microsoft.adapters,
    meetingRun: meetingRun.run,
  };
}

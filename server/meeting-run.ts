import { BotMeetingChat } from '../bot/bot-meeting-chat.js';
import type { BotHttpAdapter } from '../bot/adapter.js';
import { cardRenderer } from '../bot/cards/case-card.js';
import { CardActionHandler } from '../bot/invoke-handler.js';
import { MeetingChatCommands } from '../bot/invoke-chat-commands.js';
import type { MaracBot } from '../bot/marac-bot.js';
import { MeetingRun } from '../core/meeting-run/meeting-run.js';
import type { RunActionWriter, RunRepos } from '../core/meeting-run/ports.js';
import type { Clock } from '../core/ports/clock.js';
import { PgActionStore } from '../store/action-store.js';
import { PgAuditLog } from '../store/audit-log-store.js';
import type { Db, Queryable } from '../store/db.js';
import { CachedMeetingRunStore, PgMeetingRunStore } from '../store/meeting-run-store.js';
import { PgUnitOfWork } from '../store/unit-of-work.js';
import { meetingRunRoutes } from '../tab/api/routes/meeting-run.js';
import type { PgBossJobs } from './jobs/pg-boss-jobs.js';
import type { Logger } from './logger.js';

export const CARD_REDACTION_JOB = 'meeting-card-redaction';

/**
 * The meeting run's use cases on the stores, the bot's card actions and chat
 * commands registered on the Teams activity handler, and the chair console's routes.
 */
export function composeMeetingRun(deps: {
  db: Db;
  log: Logger;
  clock: Clock;
  bot: MaracBot;
  adapter: BotHttpAdapter;
  /** The bot's app id ('' in demo mode with authentication off). */
  appId: string;
  links: { meeting(meetingId: string): string };
  /** The rest of a meeting's end when the chair ends it from the console (attendance, listeners). */
  endMeeting?: (meetingId: string, endedAt: Date) => Promise<void>;
}) {
  // Card reference data shared for a second between invokes (forty at once).
  const runs = new CachedMeetingRunStore(deps.db, { ttlMs: 1000 });
  const log = deps.log.child({ component: 'meeting-run' });
  const run = new MeetingRun({
    runs,
    uow: new PgUnitOfWork<RunRepos>(deps.db, (tx) => ({
      runs: new PgMeetingRunStore(tx),
      actions: actionWriter(tx),
      audit: new PgAuditLog(tx),
    })),
    chat: new BotMeetingChat(deps.adapter, deps.appId),
    cards: cardRenderer,
    clock: deps.clock,
    links: deps.links,
    log,
    // A burst of clicks on one case becomes a few card updates, at most one per 250 ms.
    pauseBetweenCardUpdates: () => new Promise((resolve) => setTimeout(resolve, 250)),
    ...(deps.endMeeting ? { endMeeting: deps.endMeeting } : {}),
  });
  const cards = new CardActionHandler({ run, runs, log });
  const commands = new MeetingChatCommands(run, runs);
  deps.bot.meetingRun = {
    observe: (context) => commands.observe(context),
    command: (context) => commands.command(context),
    submit: (context) => cards.submit(context),
    invoke: (context) => cards.invoke(context),
  };
  return {
    run,
    router: meetingRunRoutes({ run }),
    /** Redaction retry (FR-049): cards whose rewrite failed at meeting end, every 10 minutes. */
    async startJobs(jobs: Pick<PgBossJobs, 'work' | 'schedule'>) {
      await jobs.work(CARD_REDACTION_JOB, async () => {
        const result = await run.redactEndedMeetings();
        if (result.failed > 0)
          log.warn(result, 'meeting cards not yet redacted; retrying on the next run');
      });
      await jobs.schedule(CARD_REDACTION_JOB, '*/10 * * * *');
    },
  };
}

/** The action register (store/action-store.ts), as the meeting run writes to it. */
function actionWriter(tx: Queryable): RunActionWriter {
  const store = new PgActionStore(tx);
  return {
    create: (input, actorPersonId, now) => store.createAction(input, actorPersonId, now),
    transition: (id, request) => store.transition(id, request),
  };
}

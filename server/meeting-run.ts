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
import { PgMeetingRunStore } from '../store/meeting-run-store.js';
import { PgUnitOfWork } from '../store/unit-of-work.js';
import { meetingRunRoutes } from '../tab/api/routes/meeting-run.js';
import type { Logger } from './logger.js';

/**
 * Issue 5 (cards): the meeting run's use cases on the stores, the bot's card actions and chat
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
}) {
  const runs = new PgMeetingRunStore(deps.db);
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
  });
  const cards = new CardActionHandler({ run, runs, log });
  const commands = new MeetingChatCommands(run, runs);
  deps.bot.meetingRun = {
    observe: (context) => commands.observe(context),
    command: (context) => commands.command(context),
    submit: (context) => cards.submit(context),
    invoke: (context) => cards.invoke(context),
  };
  return { run, router: meetingRunRoutes({ run }) };
}

/** Issue 6's action register (store/action-store.ts), as the meeting run writes to it. */
function actionWriter(tx: Queryable): RunActionWriter {
  const store = new PgActionStore(tx);
  return {
    create: (input, actorPersonId, now) => store.createAction(input, actorPersonId, now),
    transition: (id, request) => store.transition(id, request),
  };
}

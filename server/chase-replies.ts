import {
  pollReplies,
  purgeReplyText,
  type PollReport,
  type ReplyDeps,
  type ReplyRepos,
} from '../core/chasing/chase-replies.js';
import type { Clock } from '../core/ports/clock.js';
import type { Jobs } from '../core/ports/jobs.js';
import type { Mailbox } from '../core/ports/mailbox.js';
import { PgActionStore } from '../store/action-store.js';
import { PgAuditLog } from '../store/audit-log-store.js';
import { PgChaseReplyStore } from '../store/chase-reply-store.js';
import type { Db, Queryable } from '../store/db.js';
import { PgDirectoryStore } from '../store/directory-store.js';
import { PgUnitOfWork } from '../store/unit-of-work.js';

export function replyRepos(q: Queryable): ReplyRepos {
  return {
    replies: new PgChaseReplyStore(q),
    actions: new PgActionStore(q),
    audit: new PgAuditLog(q),
    areas: new PgDirectoryStore(q),
  };
}

export interface ChaseRepliesFeature {
  deps: ReplyDeps;
  /** Learns sent chasers' conversations and records new replies (the poll job's body). */
  poll(): Promise<PollReport>;
  /** Destroys reply text past each area's retention period. */
  purge(): Promise<number>;
  startJobs(jobs: Jobs): Promise<void>;
}

/**
 * Replies to chasers in the MARAC mailbox (core/chasing/chase-replies.ts) over PostgreSQL and
 * the Mailbox port (Graph, or the simulated tenant in demo mode).
 */
export function chaseRepliesFeature(
  db: Db,
  adapters: { clock: Clock; mailbox: Mailbox; mailboxAddress: string },
): ChaseRepliesFeature {
  const deps: ReplyDeps = {
    clock: adapters.clock,
    repos: replyRepos(db),
    uow: new PgUnitOfWork(db, replyRepos),
  };
  const areaIds = async () =>
    (await db.query<{ id: string }>('SELECT id FROM area ORDER BY id')).rows.map((r) => r.id);
  const poll = () =>
    pollReplies({ ...deps, mailbox: adapters.mailbox, mailboxAddress: adapters.mailboxAddress });
  const purge = async () => purgeReplyText(deps, await areaIds());
  return {
    deps,
    poll,
    purge,
    startJobs: async (jobs) => {
      // Every minute: a reply shows in the tab soon after it arrives. The database decides
      // what is new (one row per message and action), so overlapping runs record nothing twice.
      await jobs.work('chase-reply-poll', async () => {
        await poll();
      });
      await jobs.schedule('chase-reply-poll', '* * * * *');
      await jobs.work('chase-reply-purge', async () => {
        await purge();
      });
      await jobs.schedule('chase-reply-purge', '17 * * * *');
    },
  };
}

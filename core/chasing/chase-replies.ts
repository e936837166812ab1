import type { ActionRepository } from '../actions/action-repository.js';
import type { ActionRecord } from '../actions/action.js';
import { planClose } from '../actions/action.js';
import { addCalendarDays, localDay } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import type { Area } from '../model.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { Mailbox, ReceivedMessage } from '../ports/mailbox.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import { hasAnyRole } from '../roles.js';
import { inArea } from '../same-area.js';
import type { ControlViewer } from './chase-controls.js';

/**
 * Replies to chasers (FR-073, FR-078; Liverpool's protocol confirms completion "via the MARAC
 * mailbox"). A chaser's conversation is learned from its Sent Items copy after it is sent; the
 * mailbox poll matches Inbox messages to those conversations and records one reply per action
 * the chaser listed. The coordinator reads the reply text in the tab (only there: nothing is
 * forwarded) and turns it into completion with one click, or sets it aside. Reply text is
 * purged after the area's retention period for replies.
 */
export type ReplySender = 'owner' | 'deputy' | 'agency' | 'other';

export interface SentChaser {
  outboxId: string;
  idempotencyKey: string;
}

export interface ConversationMatch {
  conversationId: string;
  outboxId: string;
  areaId: string;
  actionIds: string[];
}

export interface NewReply {
  areaId: string;
  actionId: string;
  outboxId: string;
  message: ReceivedMessage;
}

export interface ReplyRow {
  id: string;
  areaId: string;
  actionId: string;
  reference: string;
  caseReference: string;
  ownerAgencyName: string;
  sender: ReplySender;
  fromEmail: string;
  fromName: string | null;
  receivedAt: Date;
  /** null once purged. */
  text: string | null;
  state: 'new' | 'completed' | 'dismissed';
  actionState: string;
  actionVersion: number;
}

export interface ChaseReplyRepository {
  /** Sent chasers whose conversation is not known yet (looked for at most every few minutes). */
  conversationsToLearn(now: Date, limit: number): Promise<SentChaser[]>;
  setConversation(outboxId: string, conversationId: string | null, now: Date): Promise<void>;
  cursor(mailbox: string): Promise<Date | null>;
  advanceCursor(mailbox: string, receivedThrough: Date, now: Date): Promise<void>;
  matchConversations(conversationIds: string[]): Promise<ConversationMatch[]>;
  /** Inserts the reply (once per message and action), classifying its sender; true if new. */
  recordReply(reply: NewReply, now: Date): Promise<boolean>;
  replies(areaId: string, states: ReplyRow['state'][], limit: number): Promise<ReplyRow[]>;
  getReply(id: string): Promise<ReplyRow | null>;
  /** Moves a 'new' reply to `state`; false if it was already handled. */
  markHandled(
    id: string,
    state: 'completed' | 'dismissed',
    by: string,
    now: Date,
  ): Promise<boolean>;
  /** Blanks the text of replies received before `before`; counts per action. */
  purgeBodies(areaId: string, before: Date, now: Date): Promise<number>;
}

export interface ReplyRepos {
  replies: ChaseReplyRepository;
  actions: {
    getAction(id: string): Promise<ActionRecord | null>;
    transition: ActionRepository['transition'];
    cancelChasersFor(actionId: string, now: Date): Promise<number>;
  };
  audit: AuditLog;
  areas: { getArea(areaId: string): Promise<Area | null> };
}

export interface ReplyDeps {
  clock: Clock;
  repos: ReplyRepos;
  uow: UnitOfWork<ReplyRepos>;
}

export interface PollDeps extends ReplyDeps {
  mailbox: Mailbox;
  /** The MARAC mailbox's address: our own sent copies are never replies. */
  mailboxAddress: string;
}

/** Re-read this far behind the last message seen: Exchange can stamp mail slightly out of order. */
const OVERLAP_MS = 10 * 60_000;
/**
 * And always the last two hours: a reply that arrived before its chaser's conversation was
 * learned (Sent Items not yet answering) is matched on a later run, not skipped for good.
 */
const RELOOK_MS = 2 * 3_600_000;
/** The first poll looks back this far. */
const FIRST_LOOK_BACK_MS = 14 * 24 * 3_600_000;

export interface PollReport {
  conversationsLearned: number;
  messagesRead: number;
  repliesRecorded: number;
}

/**
 * The mailbox poll (a pg-boss job; idempotent: the database keeps each message and action once,
 * and the cursor only moves forward).
 */
export async function pollReplies(deps: PollDeps): Promise<PollReport> {
  const now = deps.clock.now();
  const { repos } = deps;
  let conversationsLearned = 0;
  for (const sent of await repos.replies.conversationsToLearn(now, 50)) {
    const conversationId = await deps.mailbox.sentConversation(sent.idempotencyKey);
    await repos.replies.setConversation(sent.outboxId, conversationId, now);
    if (conversationId) conversationsLearned += 1;
  }
  const cursor = await repos.replies.cursor(deps.mailboxAddress);
  const since = cursor
    ? new Date(Math.min(cursor.getTime() - OVERLAP_MS, now.getTime() - RELOOK_MS))
    : new Date(now.getTime() - FIRST_LOOK_BACK_MS);
  const own = deps.mailboxAddress.toLowerCase();
  const messages = (await deps.mailbox.receivedSince(since)).filter((m) => m.fromEmail !== own);
  const matches = await repos.replies.matchConversations([
    ...new Set(messages.map((m) => m.conversationId)),
  ]);
  const byConversation = new Map<string, ConversationMatch[]>();
  for (const m of matches)
    byConversation.set(m.conversationId, [...(byConversation.get(m.conversationId) ?? []), m]);
  let repliesRecorded = 0;
  const perArea = new Map<string, number>();
  await deps.uow.run(async (tx) => {
    for (const message of messages)
      for (const match of byConversation.get(message.conversationId) ?? [])
        for (const actionId of match.actionIds) {
          const added = await tx.replies.recordReply(
            { areaId: match.areaId, actionId, outboxId: match.outboxId, message },
            now,
          );
          if (!added) continue;
          repliesRecorded += 1;
          perArea.set(match.areaId, (perArea.get(match.areaId) ?? 0) + 1);
        }
    for (const [areaId, replies] of perArea)
      await tx.audit.record({
        at: now,
        areaId,
        actor: { kind: 'job' },
        action: 'chase-reply.receive',
        recordType: 'area',
        recordId: areaId,
        detail: { replies },
      });
    const latest = messages.reduce<Date | null>(
      (max, m) => (!max || m.receivedAt > max ? m.receivedAt : max),
      cursor,
    );
    if (latest) await tx.replies.advanceCursor(deps.mailboxAddress, latest, now);
  });
  return { conversationsLearned, messagesRead: messages.length, repliesRecorded };
}

function requireCoordinator(viewer: ControlViewer) {
  if (!hasAnyRole(viewer.roles, ['coordinator']))
    throw new DomainError('FORBIDDEN', 'Replies to chasers are for the coordinator.');
}

/** The replies waiting for the coordinator (and, with `all`, those already handled). */
export async function listReplies(
  deps: ReplyDeps,
  viewer: ControlViewer,
  options: { handled: boolean },
): Promise<ReplyRow[]> {
  requireCoordinator(viewer);
  const rows = await deps.repos.replies.replies(
    viewer.areaId,
    options.handled ? ['new', 'completed', 'dismissed'] : ['new'],
    200,
  );
  await deps.repos.audit.record({
    at: deps.clock.now(),
    areaId: viewer.areaId,
    actor: { kind: 'person', personId: viewer.personId },
    action: 'chase-reply.view',
    recordType: 'area',
    recordId: viewer.areaId,
    detail: { replies: rows.length, withText: rows.filter((r) => r.text !== null).length },
  });
  return rows;
}

/**
 * One click: the owner said in their reply that the action is done, and the coordinator records
 * it (confirmation source "email", confirmed by the sender). The action's change, its history,
 * the cancelling of queued chasers, the reply's state and the audit rows commit together.
 */
export async function completeFromReply(
  deps: ReplyDeps,
  viewer: ControlViewer & { agencyId?: string | null },
  replyId: string,
  input: { version: number },
): Promise<{ reference: string; state: string }> {
  requireCoordinator(viewer);
  const reply = inArea(await deps.repos.replies.getReply(replyId), viewer);
  if (reply.state !== 'new')
    throw new DomainError('CONFLICT', 'This reply has already been dealt with.');
  const action = inArea(await deps.repos.actions.getAction(reply.actionId), viewer);
  const area = await deps.repos.areas.getArea(viewer.areaId);
  if (!area) throw new DomainError('NOT_FOUND');
  const now = deps.clock.now();
  const today = localDay(now, area.timeZone);
  const received = localDay(reply.receivedAt, area.timeZone);
  const changes = planClose({
    action,
    actor: { personId: viewer.personId, agencyId: viewer.agencyId ?? null, roles: viewer.roles },
    request: {
      outcome: 'done',
      evidence: `Confirmed by reply to the MARAC mailbox on ${received}.`,
      completedOn: received <= today ? received : today,
      source: 'email',
      confirmedBy: reply.fromName ?? reply.fromEmail,
    },
    policy: area.policy,
    today,
  });
  return deps.uow.run(async (repos) => {
    if (!(await repos.replies.markHandled(reply.id, 'completed', viewer.personId, now)))
      throw new DomainError('CONFLICT', 'This reply has already been dealt with.');
    const updated = await repos.actions.transition(action.id, {
      to: changes.state,
      expectedVersion: input.version,
      actorPersonId: viewer.personId,
      now,
      changes: {
        completionEvidence: changes.completionEvidence,
        notAchievableReason: changes.notAchievableReason,
        completedOn: changes.completedOn,
        confirmationSource: changes.confirmationSource,
      },
      event: 'confirmation-recorded',
      note: { confirmedBy: reply.fromName ?? reply.fromEmail, replyId: reply.id },
    });
    await repos.actions.cancelChasersFor(action.id, now);
    await repos.audit.record({
      at: now,
      areaId: action.areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: 'action.complete',
      recordType: 'action',
      recordId: action.id,
      meetingId: action.meetingId,
      detail: { reference: action.reference, source: 'email', replyId: reply.id },
    });
    return { reference: updated.reference, state: updated.state };
  });
}

/** The coordinator has read the reply and there is nothing to record. */
export async function dismissReply(
  deps: ReplyDeps,
  viewer: ControlViewer,
  replyId: string,
): Promise<{ reference: string }> {
  requireCoordinator(viewer);
  const reply = inArea(await deps.repos.replies.getReply(replyId), viewer);
  const now = deps.clock.now();
  await deps.uow.run(async (repos) => {
    if (!(await repos.replies.markHandled(reply.id, 'dismissed', viewer.personId, now)))
      throw new DomainError('CONFLICT', 'This reply has already been dealt with.');
    await repos.audit.record({
      at: now,
      areaId: reply.areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: 'chase-reply.dismiss',
      recordType: 'action',
      recordId: reply.actionId,
      detail: { reference: reply.reference, replyId: reply.id },
    });
  });
  return { reference: reply.reference };
}

/** FR-109: reply text is destroyed `retention.replyTextDays` after it arrived; audited. */
export async function purgeReplyText(deps: ReplyDeps, areaIds: string[]): Promise<number> {
  const now = deps.clock.now();
  let purged = 0;
  for (const areaId of areaIds) {
    const area = await deps.repos.areas.getArea(areaId);
    if (!area) continue;
    const today = localDay(now, area.timeZone);
    const days = area.policy.retention.replyTextDays;
    // Whole days: text received before the start of (today - days) in UTC terms is due.
    const before = new Date(`${addCalendarDays(today, -days)}T00:00:00Z`);
    const count = await deps.repos.replies.purgeBodies(areaId, before, now);
    if (count === 0) continue;
    purged += count;
    await deps.repos.audit.record({
      at: now,
      areaId,
      actor: { kind: 'job' },
      action: 'chase-reply.purge',
      recordType: 'area',
      recordId: areaId,
      detail: { replies: count },
    });
  }
  return purged;
}

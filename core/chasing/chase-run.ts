import { isWorkingDay, localDay, localTime, addWorkingDays } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import type { Area } from '../model.js';
import { disallowedRecipients } from '../recipient-policy.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { Outbox } from '../ports/outbox.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import { type MailLine, mailLine, renderActionMail, stepStatus, humanDay } from './chase-mail.js';
import {
  bundleByRecipient,
  type ChaseCandidate,
  type ChaseRecipient,
  type ChaseItem,
  lookAheadWorkingDays,
  planChasers,
  sentKey,
  type UnreachableStep,
} from './chase-plan.js';

export interface StepRow {
  actionId: string;
  step: string;
  email: string;
}

/** A chaser that could not go: its recipient's domain is not allowed, or there was nobody. */
export interface BlockedRow extends StepRow {
  personId: string | null;
  dueOn: string;
  reason: 'domain-not-allowed' | 'no-recipient';
}

export interface ChaseRepository {
  /** Records blocked chasers once per action, step, recipient and due date; returns how many were new. */
  recordBlocked(rows: BlockedRow[], now: Date): Promise<number>;
  openActionsDue(areaId: string, dueOnOrBefore: string): Promise<ChaseCandidate[]>;
  candidatesByIds(areaId: string, actionIds: string[]): Promise<ChaseCandidate[]>;
  newActionsToNotify(areaId: string): Promise<ChaseCandidate[]>;
  stepsFor(actionIds: string[]): Promise<StepRow[]>;
  /** Inserts chase_step rows; returns only those this call inserted (the rest existed). */
  claimSteps(
    rows: (StepRow & { personId: string | null; dueOn: string })[],
    now: Date,
  ): Promise<StepRow[]>;
  attachOutbox(rows: StepRow[], outboxId: string): Promise<void>;
  noteChased(
    actionId: string,
    step: string,
    level: number,
    recipients: number,
    now: Date,
  ): Promise<void>;
}

export interface ChaseRepos {
  chase: ChaseRepository;
  outbox: Outbox;
  audit: AuditLog;
  areas: { getArea(areaId: string): Promise<Area | null> };
}

export interface ChaseDeps {
  clock: Clock;
  repos: ChaseRepos;
  uow: UnitOfWork<ChaseRepos>;
  /** Deep link for mail: `${publicUrl}/tab/my-marac?action=<id>`. */
  actionLink(actionId: string): string;
}

export interface ChaseRunReport {
  areaId: string;
  day: string;
  skipped?: 'not-a-working-day' | 'outside-working-hours';
  mails: number;
  chasers: number;
}

/** FR-074: chasers go out only on working days, inside the area's working hours (local time). */
export function insideWorkingHours(area: Area, now: Date): boolean {
  const day = localDay(now, area.timeZone);
  if (!isWorkingDay(day, area.nation)) return false;
  const t = localTime(now, area.timeZone);
  const hhmm = `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  return hhmm >= area.policy.workingHours.start && hhmm < area.policy.workingHours.end;
}

/**
 * FR-102: chasers go only to the area's allowed domains. The others are recorded for the
 * coordinator's list of blocked chasers (never silently dropped) and left out of the mail.
 */
async function keepAllowed<
  T extends { actionId: string; step: string; dueOn: string; recipient: ChaseRecipient },
>(
  repos: ChaseRepos,
  area: Area,
  items: T[],
  now: Date,
  unreachable: UnreachableStep[] = [],
): Promise<{ allowed: T[]; blocked: number }> {
  const refused = new Set(
    disallowedRecipients(
      area.policy,
      items.map((i) => i.recipient.email),
    ),
  );
  const blocked = items.filter((i) => refused.has(i.recipient.email));
  const rows: BlockedRow[] = [
    ...blocked.map((i) => ({
      actionId: i.actionId,
      step: i.step,
      email: i.recipient.email.toLowerCase(),
      personId: i.recipient.personId,
      dueOn: i.dueOn,
      reason: 'domain-not-allowed' as const,
    })),
    ...unreachable.map((u) => ({
      ...u,
      email: '',
      personId: null,
      reason: 'no-recipient' as const,
    })),
  ];
  const added = rows.length ? await repos.chase.recordBlocked(rows, now) : 0;
  return { allowed: items.filter((i) => !refused.has(i.recipient.email)), blocked: added };
}

/**
 * One chase run for an area (the daily/hourly job). In one transaction: finds the ladder steps
 * due today, claims each (action, step, recipient) in chase_step — a step claimed by an earlier
 * run or by another server is skipped, so each happens once — and queues one bundled mail per
 * recipient in the outbox. Nothing is sent here: the outbox dispatcher sends, exactly once.
 */
export async function runChase(deps: ChaseDeps, areaId: string): Promise<ChaseRunReport> {
  const now = deps.clock.now();
  const area = await deps.repos.areas.getArea(areaId);
  if (!area) throw new DomainError('NOT_FOUND', `No area ${areaId}.`);
  const today = localDay(now, area.timeZone);
  if (!isWorkingDay(today, area.nation))
    return { areaId, day: today, skipped: 'not-a-working-day', mails: 0, chasers: 0 };
  if (!insideWorkingHours(area, now))
    return { areaId, day: today, skipped: 'outside-working-hours', mails: 0, chasers: 0 };
  const ladder = area.policy.chaseLadder;
  return deps.uow.run(async (repos) => {
    const horizon = addWorkingDays(today, lookAheadWorkingDays(ladder), area.nation);
    const candidates = await repos.chase.openActionsDue(areaId, horizon);
    const steps = await repos.chase.stepsFor(candidates.map((c) => c.actionId));
    const sent = new Set(steps.map((s) => sentKey(s.actionId, s.step, s.email)));
    const stepsTaken = new Map<string, Set<string>>();
    for (const s of steps)
      stepsTaken.set(s.actionId, (stepsTaken.get(s.actionId) ?? new Set()).add(s.step));
    const unreachable: UnreachableStep[] = [];
    const planned = planChasers({
      candidates,
      ladder,
      today,
      nation: area.nation,
      sent,
      stepsTaken,
      unreachable,
    });
    const { allowed: items, blocked } = await keepAllowed(repos, area, planned, now, unreachable);
    const ladderByStep = new Map(ladder.map((s) => [s.step, s]));
    let mails = 0;
    let chasers = 0;
    // Escalation mails go separately from the owner's own chasers (different reader, wording).
    const maxLevel = ladder.filter((s) => s.offsetWorkingDays > 0).length;
    const isEscalation = (i: ChaseItem) =>
      ladderByStep.get(i.step)?.recipients === 'escalation-contact' ||
      (maxLevel > 1 && i.level === maxLevel);
    for (const kind of ['chaser', 'escalation'] as const) {
      const ofKind = items.filter((i) => (kind === 'escalation') === isEscalation(i));
      for (const bundle of bundleByRecipient(ofKind)) {
        const claimed = await repos.chase.claimSteps(
          bundle.items.map((i) => ({
            actionId: i.actionId,
            step: i.step,
            email: i.recipient.email,
            personId: i.recipient.personId,
            dueOn: i.dueOn,
          })),
          now,
        );
        if (claimed.length === 0) continue;
        const claimedKeys = new Set(claimed.map((c) => sentKey(c.actionId, c.step, c.email)));
        const lines: MailLine[] = bundle.items
          .filter((i) => claimedKeys.has(sentKey(i.actionId, i.step, i.recipient.email)))
          .map((i) =>
            mailLine(
              i,
              kind === 'escalation'
                ? `overdue since ${humanDay(i.dueOn)} (${i.ownerAgencyName})`
                : stepStatus(
                    ladderByStep.get(i.step) ?? { step: i.step, offsetWorkingDays: 0 },
                    i.dueOn,
                  ),
            ),
          );
        const mail = renderActionMail({
          kind,
          maracName: area.name,
          recipient: bundle.recipient,
          lines,
          link: deps.actionLink,
          runKey: `${areaId}:${today}`,
          notBefore: now,
        });
        const { id } = await repos.outbox.enqueue({ ...mail, areaId }, now);
        await repos.chase.attachOutbox(claimed, id);
        mails += 1;
        chasers += claimed.length;
      }
    }
    // History and escalation level once per action and step (FR-075, FR-079).
    const perActionStep = new Map<string, ChaseItem[]>();
    for (const i of items) {
      const key = `${i.actionId}|${i.step}`;
      perActionStep.set(key, [...(perActionStep.get(key) ?? []), i]);
    }
    for (const group of perActionStep.values()) {
      const first = group[0] as ChaseItem;
      await repos.chase.noteChased(first.actionId, first.step, first.level, group.length, now);
    }
    if (mails > 0 || blocked > 0)
      await repos.audit.record({
        at: now,
        areaId,
        actor: { kind: 'job' },
        action: 'action.chase',
        recordType: 'area',
        recordId: areaId,
        detail: { day: today, mails, chasers, blocked },
      });
    return { areaId, day: today, mails, chasers };
  });
}

/**
 * After the meeting (FR-087): each owner gets one mail listing their new actions by
 * reference, due date and deep link. Step 'assigned' in chase_step makes it once per action
 * and recipient, however many times the job runs.
 */
export async function notifyNewActions(deps: ChaseDeps, areaId: string): Promise<ChaseRunReport> {
  const now = deps.clock.now();
  const area = await deps.repos.areas.getArea(areaId);
  if (!area) throw new DomainError('NOT_FOUND', `No area ${areaId}.`);
  const today = localDay(now, area.timeZone);
  if (!insideWorkingHours(area, now))
    return { areaId, day: today, skipped: 'outside-working-hours', mails: 0, chasers: 0 };
  return deps.uow.run(async (repos) => {
    const candidates = await repos.chase.newActionsToNotify(areaId);
    const { allowed: items } = await keepAllowed(
      repos,
      area,
      candidates.flatMap((c) => c.owner.map((r) => ({ ...c, recipient: r, step: 'assigned' }))),
      now,
    );
    let mails = 0;
    let chasers = 0;
    const notified = new Set<string>();
    for (const bundle of bundleByRecipient(items)) {
      const claimed = await repos.chase.claimSteps(
        bundle.items.map((i) => ({
          actionId: i.actionId,
          step: 'assigned',
          email: i.recipient.email,
          personId: i.recipient.personId,
          dueOn: i.dueOn,
        })),
        now,
      );
      if (claimed.length === 0) continue;
      const ids = new Set(claimed.map((c) => c.actionId));
      for (const id of ids) notified.add(id);
      const mail = renderActionMail({
        kind: 'new-actions',
        maracName: area.name,
        recipient: bundle.recipient,
        lines: bundle.items
          .filter((i) => ids.has(i.actionId))
          .map((i) => mailLine(i, `due ${humanDay(i.dueOn)}`)),
        link: deps.actionLink,
        runKey: `${areaId}:${today}`,
      });
      const { id } = await repos.outbox.enqueue({ ...mail, areaId }, now);
      await repos.chase.attachOutbox(claimed, id);
      mails += 1;
      chasers += claimed.length;
    }
    // Only actions someone was actually told about: one with nobody reachable stays a
    // candidate (and on the blocked list) without a history row every run.
    for (const c of candidates)
      if (notified.has(c.actionId))
        await repos.chase.noteChased(c.actionId, 'assigned', 0, c.owner.length, now);
    return { areaId, day: today, mails, chasers };
  });
}

/**
 * The coordinator's bulk chase: one bundled mail per owner, now (not waiting for
 * the ladder), at most once per action and owner per day (step `manual-<day>`).
 */
export async function chaseNow(
  deps: ChaseDeps,
  viewer: { personId: string; areaId: string },
  actionIds: string[],
): Promise<{ queued: number; mails: number; skipped: { id: string; reason: string }[] }> {
  const now = deps.clock.now();
  const area = await deps.repos.areas.getArea(viewer.areaId);
  if (!area) throw new DomainError('NOT_FOUND');
  const today = localDay(now, area.timeZone);
  const step = `manual-${today}`;
  return deps.uow.run(async (repos) => {
    const unique = [...new Set(actionIds.map((id) => id.toLowerCase()))];
    const candidates = await repos.chase.candidatesByIds(viewer.areaId, unique);
    const found = new Set(candidates.map((c) => c.actionId));
    const skipped = unique
      .filter((id) => !found.has(id))
      .map((id) => ({ id, reason: 'not an open action of this area' }));
    const wanted = candidates.flatMap((c) => {
      if (c.owner.length === 0)
        skipped.push({
          id: c.actionId,
          reason: 'the owning agency has no representative to chase',
        });
      return c.owner.map((r) => ({ ...c, recipient: r, step }));
    });
    const { allowed: items } = await keepAllowed(repos, area, wanted, now);
    for (const i of wanted)
      if (!items.includes(i))
        skipped.push({
          id: i.actionId,
          reason: 'the owner’s mail domain is not on the area’s allowed list',
        });
    let mails = 0;
    let queued = 0;
    for (const bundle of bundleByRecipient(items)) {
      const claimed = await repos.chase.claimSteps(
        bundle.items.map((i) => ({
          actionId: i.actionId,
          step,
          email: i.recipient.email,
          personId: i.recipient.personId,
          dueOn: i.dueOn,
        })),
        now,
      );
      const ids = new Set(claimed.map((c) => c.actionId));
      for (const i of bundle.items)
        if (!ids.has(i.actionId)) skipped.push({ id: i.actionId, reason: 'already chased today' });
      if (claimed.length === 0) continue;
      const mail = renderActionMail({
        kind: 'manual-chase',
        maracName: area.name,
        recipient: bundle.recipient,
        lines: bundle.items
          .filter((i) => ids.has(i.actionId))
          .map((i) =>
            mailLine(
              i,
              i.dueOn < today ? `overdue since ${humanDay(i.dueOn)}` : `due ${humanDay(i.dueOn)}`,
            ),
          ),
        link: deps.actionLink,
        runKey: `${viewer.areaId}:${today}`,
      });
      const { id } = await repos.outbox.enqueue({ ...mail, areaId: viewer.areaId }, now);
      await repos.chase.attachOutbox(claimed, id);
      mails += 1;
      queued += claimed.length;
    }
    await repos.audit.record({
      at: now,
      areaId: viewer.areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: 'action.chase-now',
      recordType: 'action',
      recordId: null,
      detail: { requested: unique.length, queued, mails },
    });
    return { queued, mails, skipped };
  });
}

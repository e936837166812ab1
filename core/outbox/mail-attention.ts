import { DomainError } from '../errors.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { OutboxAttention, UnsentMail } from '../ports/outbox.js';
import type { Role } from '../roles.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

export interface MailAttentionDeps {
  clock: Clock;
  outbox: OutboxAttention;
  audit: AuditLog;
  policy?: RetryPolicy;
}

interface Viewer {
  personId: string;
  areaId: string;
  roles: readonly Role[];
}

function requireCoordinator(viewer: Viewer): void {
  if (!viewer.roles.includes('coordinator'))
    throw new DomainError('FORBIDDEN', 'Only the coordinator sees and resends undelivered mail.');
}

/**
 * The coordinator's notice of mail that has not gone: late (still being retried, first tried
 * more than the policy's `lateAfterMs` ago) and failed (waiting for a resend). Subjects and
 * counts only: the mail bodies stay in the outbox.
 */
export async function mailNeedingAttention(
  deps: MailAttentionDeps,
  viewer: Viewer,
): Promise<{ late: UnsentMail[]; failed: UnsentMail[] }> {
  requireCoordinator(viewer);
  const policy = deps.policy ?? DEFAULT_RETRY_POLICY;
  const lateBefore = new Date(deps.clock.now().getTime() - policy.lateAfterMs);
  const mail = await deps.outbox.needingAttention(viewer.areaId, lateBefore);
  return {
    late: mail.filter((m) => m.state !== 'failed'),
    failed: mail.filter((m) => m.state === 'failed'),
  };
}

/** Puts a failed mail of the coordinator's area back in the queue, audited. */
export async function resendMail(
  deps: MailAttentionDeps,
  viewer: Viewer,
  outboxId: string,
): Promise<{ resent: true }> {
  requireCoordinator(viewer);
  const now = deps.clock.now();
  const outcome = await deps.outbox.resend(viewer.areaId, outboxId, now);
  if (outcome === 'not-found') throw new DomainError('NOT_FOUND', 'There is no such mail.');
  if (outcome === 'not-failed')
    throw new DomainError(
      'INVALID_STATE',
      'This mail has not failed: it is sent or still being tried, so there is nothing to resend.',
    );
  await deps.audit.record({
    at: now,
    areaId: viewer.areaId,
    actor: { kind: 'person', personId: viewer.personId },
    action: 'mail.resend',
    recordType: 'outbox_mail',
    recordId: outboxId,
  });
  return { resent: true };
}

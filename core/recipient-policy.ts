import type { AreaPolicy } from './area-policy.js';

/**
 * FR-102, IS-03: outbound mail goes only to the area's allow-list of secure domains. An empty
 * list means the area has not restricted domains yet (the coordinator workspace warns).
 * Returns the addresses that must not be sent to.
 */
export function disallowedRecipients(
  policy: Pick<AreaPolicy, 'allowedRecipientDomains'>,
  emails: string[],
): string[] {
  if (policy.allowedRecipientDomains.length === 0) return [];
  const allowed = new Set(policy.allowedRecipientDomains.map((d) => d.toLowerCase()));
  return emails.filter((email) => {
    const domain = email.toLowerCase().split('@')[1] ?? '';
    return !allowed.has(domain);
  });
}

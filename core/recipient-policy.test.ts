import { describe, expect, it } from 'vitest';
import { disallowedRecipients } from './recipient-policy.js';

describe('secure recipient allow-list (FR-102)', () => {
  it('lets through only listed domains, case-insensitively', () => {
    const policy = {
      allowedRecipientDomains: ['northfield-police.example', 'northfield-nhs.example'],
    };
    expect(
      disallowedRecipients(policy, [
        'sam@Northfield-Police.example',
        'x@gmail.example',
        'rowan@northfield-nhs.example',
        'broken',
      ]),
    ).toEqual(['x@gmail.example', 'broken']);
  });
  it('does not restrict an area that has not set a list', () => {
    expect(
      disallowedRecipients({ allowedRecipientDomains: [] }, ['anyone@anywhere.example']),
    ).toEqual([]);
  });
});

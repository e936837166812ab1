import { describe, expect, it } from 'vitest';
import { chaseMessage, circulationMessage } from './confirm-send.js';

describe('what a send to many people says first', () => {
  it('counts people and agencies once each, and says how early', () => {
    const invitees = [
      { personId: 'a', agencyId: 'police' },
      { personId: 'b', agencyId: 'police' },
      { personId: 'c', agencyId: 'housing' },
      { personId: 'd', agencyId: null },
      { personId: 'a', agencyId: 'police' },
    ];
    expect(circulationMessage({ invitees, daysEarly: 4 })).toMatch(
      /^This sends a case list notice to 4 people at 2 agencies, 4 days before it is due\./,
    );
    expect(circulationMessage({ invitees: invitees.slice(0, 1), daysEarly: 0 })).toMatch(
      /^This sends a case list notice to 1 person at 1 agency\./,
    );
  });

  it('counts actions and their agencies', () => {
    const police = { ownerAgency: { id: 'police' } };
    expect(chaseMessage([police, police, { ownerAgency: { id: 'idva' } }])).toBe(
      'This emails chasers for 3 actions to their owners at 2 agencies.',
    );
    expect(chaseMessage([police])).toBe(
      'This emails chasers for 1 action to their owners at 1 agency.',
    );
  });
});

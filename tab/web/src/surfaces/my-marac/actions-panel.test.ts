import { describe, expect, it } from 'vitest';
import type { Action } from '../../api/types.js';
import { myActions, ownerInMyWords } from './actions-panel.js';

const POLICE = { id: 'police', name: 'Northfield Police' };
const action = (id: string, ownerPerson: Action['ownerPerson']): Action => ({
  id,
  reference: `A-${id}`,
  caseReference: 'NF-0001',
  meetingId: 'm',
  ownerAgency: POLICE,
  ownerPerson,
  description: 'Check the address',
  category: 'safety',
  dueOn: '2026-12-20',
  state: 'open',
  overdue: false,
  completedOn: null,
  escalationLevel: 0,
  version: 1,
});

describe("My MARAC's own actions", () => {
  const me = { id: 'sam', displayName: 'Sam Testbury' };
  const other = { id: 'harper', displayName: 'Harper Testwell' };

  it("adds the agency's actions that name no one, once, after my own", () => {
    const own = [action('1', me)];
    const agency = [action('1', me), action('2', null), action('3', other)];
    expect(myActions(own, agency).map((a) => a.id)).toEqual(['1', '2']);
    expect(myActions(own, null).map((a) => a.id)).toEqual(['1']);
    expect(myActions([], [action('2', null)]).map((a) => a.id)).toEqual(['2']);
  });

  it('says whose it is in plain words', () => {
    expect(ownerInMyWords(action('1', me), 'sam')).toBe('You');
    expect(ownerInMyWords(action('2', null), 'sam')).toBe(
      "Northfield Police's action: you or your deputy can complete it",
    );
    expect(ownerInMyWords(action('3', other), 'sam')).toBe('Northfield Police (Harper Testwell)');
  });
});

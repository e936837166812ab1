import { describe, expect, it } from 'vitest';
import { plainWordProblems } from '../../../../../test/support/plain-words.js';
import { codeWords } from '../coordinator/audit.js';
import { fieldWords } from './field-errors.js';

describe('field names and audit codes in words', () => {
  it('names a field by its words, counting list positions from 1', () => {
    expect(fieldWords('minutesPerCase')).toBe('Minutes per case');
    expect(fieldWords('capacity.maxCases')).toBe('Capacity max cases');
    expect(fieldWords('chaseLadder.0.offsetWorkingDays')).toBe(
      'Chase ladder 1 offset working days',
    );
    expect(fieldWords('victim_dob')).toBe('Victim dob');
  });

  it('says audit codes and record types as words', () => {
    for (const [code, words] of [
      ['agency.withdraw', 'Agency withdraw'],
      ['case-list.circulate', 'Case list circulate'],
      ['audit_log', 'Audit log'],
      ['membershipStatus', 'Membership status'],
    ]) {
      expect(codeWords(code as string)).toBe(words);
      expect(plainWordProblems(codeWords(code as string))).toEqual([]);
      expect(plainWordProblems(code as string)).not.toEqual([]);
    }
  });
});

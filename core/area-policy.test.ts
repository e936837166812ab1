import { describe, expect, it } from 'vitest';
import { DEFAULT_AREA_POLICY, policyProblems, policyRule } from './area-policy.js';

describe('policyRule', () => {
  it('gives the plain-words rule for a setting, a nested one and one line of a list', () => {
    expect(policyRule('minutesPerCase')).toBe('Enter a whole number of minutes from 1 to 120.');
    expect(policyRule('capacity.maxCases')).toBe('Enter a whole number of cases, 1 or more.');
    expect(policyRule('chaseLadder.3.offsetWorkingDays')).toMatch(/^Enter whole working days/);
    expect(policyRule('retention.caseReviewMonths.1')).toMatch(/^Enter whole numbers of months/);
    expect(policyRule('allowedRecipientDomains.0')).toMatch(/^Enter one domain per line/);
    expect(policyRule('noSuchSetting')).toBeNull();
  });
});

describe('policyProblems', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(policyProblems(DEFAULT_AREA_POLICY)).toEqual([]);
  });

  it('refuses a working day that ends before it starts, a bad domain and a repeated step', () => {
    const problems = policyProblems({
      ...DEFAULT_AREA_POLICY,
      workingHours: { start: '17:00', end: '17:00' },
      allowedRecipientDomains: ['northfield-police.example', 'http://x', 'localhost'],
      chaseLadder: [
        { step: 'overdue', offsetWorkingDays: 1, recipients: 'owner' },
        { step: 'overdue', offsetWorkingDays: 2, recipients: 'owner' },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'workingHours.end',
      'allowedRecipientDomains.1',
      'allowedRecipientDomains.2',
      'chaseLadder.1.step',
    ]);
  });
});

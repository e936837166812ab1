import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { DEFAULT_AREA_POLICY, parseAreaPolicy } from './area-policy.js';
import { canReceiveMaracInformation } from './model.js';

describe('area policy defaults (REQUIREMENTS.md §10)', () => {
  it('match the proposed defaults', () => {
    expect(DEFAULT_AREA_POLICY).toMatchObject({
      caseListLeadWorkingDays: 8,
      writtenSubmissionDaysBefore: 2,
      meetingFrequency: 'fortnightly',
      minutesPerCase: 10,
      maxReordersPerAgencyPerDay: 2,
      capacity: { maxCases: 20, maxSessionMinutes: 240 },
      actionDueRule: 'plus-14-days',
      completionEvidence: 'optional',
      attendancePolicy: 'all-cases',
      retention: {
        researchHoursAfterMeeting: 0,
        caseListExportHoursAfterMeeting: 0,
        caseReviewMonths: [6, 12],
      },
      minutesDownload: 'view-only',
      victimFeedbackAction: true,
      repeatWindowMonths: 12,
    });
    expect(
      DEFAULT_AREA_POLICY.chaseLadder.map((s) => [s.step, s.offsetWorkingDays, s.recipients]),
    ).toEqual([
      ['reminder', -2, 'owner'],
      ['due-today', 0, 'owner'],
      ['overdue', 1, 'owner-and-deputy'],
      ['escalation', 5, 'escalation-contact'],
    ]);
    expect(DEFAULT_AREA_POLICY.cameraEvidence).toEqual({ callingBot: false, callRecords: false });
  });

  it('keeps an area choice and fills the rest (Liverpool: 5 working days)', () => {
    const policy = parseAreaPolicy({ caseListLeadWorkingDays: 5, completionEvidence: 'required' });
    expect(policy.caseListLeadWorkingDays).toBe(5);
    expect(policy.completionEvidence).toBe('required');
    expect(policy.minutesPerCase).toBe(10);
  });

  it('rejects nonsense with the field named', () => {
    const error = (() => {
      try {
        parseAreaPolicy({ caseListLeadWorkingDays: -1, actionDueRule: 'whenever' });
      } catch (e) {
        return e as ZodError;
      }
    })();
    expect(error).toBeInstanceOf(ZodError);
    expect(error?.issues.map((i) => i.path.join('.'))).toEqual([
      'caseListLeadWorkingDays',
      'actionDueRule',
    ]);
  });
});

describe('signatory rule (FR-107, IS-01)', () => {
  const complete = {
    membershipStatus: 'approved' as const,
    signatory: {
      signatoryName: 'Director',
      authorityConfirmed: true,
      signedOn: '2026-01-10',
      dpoName: 'DPO',
      dpoEmail: 'dpo@a.example',
    },
  };
  it('lets an approved agency with a complete signatory record receive MARAC information', () => {
    expect(canReceiveMaracInformation(complete)).toBe(true);
  });
  it.each([
    ['no signatory name', { signatoryName: '  ' }],
    ['authority not confirmed', { authorityConfirmed: false }],
    ['no signed date', { signedOn: null }],
    ['no DPO contact', { dpoEmail: null }],
  ])('refuses when there is %s', (_why, change) => {
    expect(
      canReceiveMaracInformation({ ...complete, signatory: { ...complete.signatory, ...change } }),
    ).toBe(false);
  });
  it('refuses an agency that has applied or withdrawn', () => {
    expect(canReceiveMaracInformation({ ...complete, membershipStatus: 'applied' })).toBe(false);
    expect(canReceiveMaracInformation({ ...complete, membershipStatus: 'withdrawn' })).toBe(false);
  });
});

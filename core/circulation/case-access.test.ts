import { describe, expect, it } from 'vitest';
import type { Agency } from '../model.js';
import type { InviteeRecord, MeetingRecord } from '../scheduling/meeting-repository.js';
import { caseListAccess, closedCaseOnlyAccess, seesCase } from './case-access.js';

const meeting = {
  id: 'm',
  areaId: 'area',
  chairPersonId: 'chair',
  deputyChairPersonId: 'dc',
  scheduledStart: new Date('2027-04-07T08:30:00Z'),
  scheduledEnd: new Date('2027-04-07T12:00:00Z'),
  status: 'scheduled',
} as MeetingRecord;
const signed: Agency = {
  id: 'police',
  areaId: 'area',
  name: 'Police',
  sector: 'police',
  isCore: true,
  membershipStatus: 'approved',
  escalationContactEmail: null,
  signatory: {
    signatoryName: 'Director',
    authorityConfirmed: true,
    signedOn: '2026-01-01',
    dpoName: 'DPO',
    dpoEmail: 'dpo@x.example',
  },
};
const unsigned: Agency = { ...signed, id: 'refuge', membershipStatus: 'applied' };
const invitee = { personId: 'rep', agencyId: 'police', kind: 'representative' } as InviteeRecord;

const code = (
  roles: string[],
  agency: Agency | null,
  inv?: InviteeRecord,
  status: MeetingRecord['status'] = 'scheduled',
  areaId = 'area',
) => {
  const a = caseListAccess(
    { personId: 'p', areaId, agencyId: agency?.id ?? null, roles: roles as never },
    { ...meeting, status },
    inv,
    agency,
  );
  return a.ok ? 'ok' : a.code;
};

describe('case-list access (REQUIREMENTS.md §1.2, FR-100)', () => {
  it('gives leads every case and invited signatory reps the open ones', () => {
    expect(
      caseListAccess(
        { personId: 'x', areaId: 'area', agencyId: null, roles: ['coordinator'] },
        meeting,
        undefined,
        null,
      ),
    ).toMatchObject({ ok: true, seesEveryClosedCase: true });
    expect(
      caseListAccess(
        { personId: 'chair', areaId: 'area', agencyId: 'police', roles: ['chair'] },
        meeting,
        undefined,
        signed,
      ),
    ).toMatchObject({ ok: true, seesEveryClosedCase: true });
    const rep = caseListAccess(
      { personId: 'rep', areaId: 'area', agencyId: 'police', roles: ['representative'] },
      meeting,
      invitee,
      signed,
    );
    expect(rep).toEqual({ ok: true, seesEveryClosedCase: false, seesOpenCases: true });
    if (rep.ok) {
      expect(seesCase(rep, 'rep', { isClosedSession: true, permittedPersonIds: ['other'] })).toBe(
        false,
      );
      expect(seesCase(rep, 'rep', { isClosedSession: true, permittedPersonIds: ['rep'] })).toBe(
        true,
      );
    }
  });

  it('refuses other areas, unsigned agencies, uninvited reps, steering, and observers outside the meeting', () => {
    expect(code(['coordinator'], null, undefined, 'scheduled', 'elsewhere')).toBe('NOT_FOUND');
    expect(code(['representative'], unsigned, invitee)).toBe('AGENCY_NOT_SIGNATORY');
    expect(code(['deputy'], signed)).toBe('CASE_NOT_VISIBLE');
    expect(code(['steering'], null)).toBe('FORBIDDEN');
    expect(code(['observer'], null)).toBe('CASE_NOT_VISIBLE');
    // Running, but this observer is neither invited nor in it.
    expect(code(['observer'], null, undefined, 'in-progress')).toBe('CASE_NOT_VISIBLE');
    const observing = caseListAccess(
      { personId: 'o', areaId: 'area', agencyId: null, roles: ['observer'] },
      { ...meeting, status: 'in-progress' },
      undefined,
      null,
      true,
    );
    expect(observing).toMatchObject({ ok: true, observerOnly: true, seesEveryClosedCase: false });
  });

  it('judges observers by the meeting’s recorded state, not its timetable', () => {
    // Ended early (still inside the scheduled window) and overrunning (past it) alike.
    expect(code(['observer'], null, undefined, 'ended')).toBe('CASE_NOT_VISIBLE');
    expect(code(['observer'], null, undefined, 'cancelled')).toBe('CASE_NOT_VISIBLE');
    const overrun = caseListAccess(
      { personId: 'o', areaId: 'area', agencyId: null, roles: ['observer'] },
      { ...meeting, status: 'in-progress', scheduledEnd: new Date('2000-01-01T00:00:00Z') },
      undefined,
      null,
      true,
    );
    expect(overrun).toMatchObject({ ok: true, observerOnly: true });
  });

  it('lets a specialist listed on a closed case see that case alone', () => {
    const items = [{ isClosedSession: true, permittedPersonIds: ['spec'] }];
    expect(closedCaseOnlyAccess('spec', signed, items)).toEqual({
      ok: true,
      seesEveryClosedCase: false,
      seesOpenCases: false,
    });
    expect(closedCaseOnlyAccess('spec', unsigned, items)).toBeNull();
    expect(closedCaseOnlyAccess('other', signed, items)).toBeNull();
  });
});

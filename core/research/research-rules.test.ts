import { describe, expect, it } from 'vitest';
import { parseAreaPolicy } from '../area-policy.js';
import { DomainError } from '../errors.js';
import type { MeetingRecord } from '../scheduling/meeting-repository.js';
import {
  caseMaterialClosed,
  missingByAgency,
  parseResearchReturn,
  researchDeadline,
  researchGrid,
  researchOpen,
} from './research-rules.js';

const policy = parseAreaPolicy({});
const meeting = (over: Partial<MeetingRecord> = {}): MeetingRecord =>
  ({
    id: 'm1',
    areaId: 'a1',
    kind: 'main',
    status: 'scheduled',
    scheduledStart: new Date('2027-03-10T09:30:00Z'),
    scheduledEnd: new Date('2027-03-10T13:00:00Z'),
    ...over,
  }) as MeetingRecord;

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return ((e as DomainError).details as { path: string }[]).map((d) => d.path);
  }
  throw new Error('expected a refusal');
}

describe('research deadline and windows (FR-038, FR-039, A-07)', () => {
  it('is due the policy’s days before the meeting starts (2 by default)', () => {
    expect(researchDeadline(meeting().scheduledStart, policy).toISOString()).toBe(
      '2027-03-08T09:30:00.000Z',
    );
    const five = parseAreaPolicy({ writtenSubmissionDaysBefore: 5 });
    expect(researchDeadline(meeting().scheduledStart, five).toISOString()).toBe(
      '2027-03-05T09:30:00.000Z',
    );
  });

  it('takes returns until the meeting is over, never after it ended or was cancelled', () => {
    expect(researchOpen(meeting(), new Date('2027-03-10T12:59:00Z'))).toBe(true);
    expect(researchOpen(meeting(), new Date('2027-03-10T13:00:00Z'))).toBe(false);
    expect(researchOpen(meeting({ status: 'in-progress' }), new Date('2027-03-10T14:00:00Z'))).toBe(
      true,
    );
    expect(researchOpen(meeting({ status: 'ended' }), new Date('2027-03-10T10:00:00Z'))).toBe(
      false,
    );
    expect(researchOpen(meeting({ status: 'cancelled' }), new Date('2027-03-01T10:00:00Z'))).toBe(
      false,
    );
  });

  it('closes case material the policy’s hours after the scheduled end, not while it runs', () => {
    const at = (iso: string, m = meeting()) => caseMaterialClosed(m, policy, new Date(iso));
    expect(at('2027-03-11T12:59:00Z')).toBe(false); // 24 hours by default
    expect(at('2027-03-11T13:00:00Z')).toBe(true);
    expect(at('2027-03-12T09:00:00Z', meeting({ status: 'in-progress' }))).toBe(false);
    const zero = parseAreaPolicy({ retention: { caseListAccessHoursAfterMeeting: 0 } });
    expect(caseMaterialClosed(meeting(), zero, new Date('2027-03-10T13:00:00Z'))).toBe(true);
    expect(caseMaterialClosed(meeting(), zero, new Date('2027-03-10T12:00:00Z'))).toBe(false);
  });
});

describe('parseResearchReturn: plain field errors, nothing half-read', () => {
  const today = '2027-03-05';
  it('needs the information and why it is shared when the agency returns information', () => {
    expect(fieldsOf(() => parseResearchReturn({ status: 'submitted' }, today))).toEqual([
      'information',
      'reason',
    ]);
    expect(
      fieldsOf(() =>
        parseResearchReturn({ status: 'written-submission', information: ' ' }, today),
      ),
    ).toEqual(['information', 'reason']);
  });

  it('names an unknown status, an unexpected field, a bad or future date', () => {
    expect(fieldsOf(() => parseResearchReturn({ status: 'maybe', extra: 1 }, today))).toEqual([
      'extra',
      'status',
    ]);
    expect(
      fieldsOf(() =>
        parseResearchReturn({ status: 'nil-return', researchedOn: '2027-02-30' }, today),
      ),
    ).toEqual(['researchedOn']);
    expect(
      fieldsOf(() =>
        parseResearchReturn({ status: 'nil-return', researchedOn: '2027-03-06' }, today),
      ),
    ).toEqual(['researchedOn']);
    const messages = (() => {
      try {
        parseResearchReturn({ status: 'maybe' }, today);
      } catch (e) {
        return JSON.stringify((e as DomainError).details);
      }
    })();
    expect(messages).not.toMatch(/enum|zod|Invalid|expected/i);
  });

  it('drops any text from a nil return or no involvement, and dates it today by default', () => {
    expect(
      parseResearchReturn({ status: 'nil-return', information: 'Known to us', reason: 'x' }, today),
    ).toEqual({
      status: 'nil-return',
      information: null,
      reason: null,
      restrictions: null,
      researchedOn: today,
    });
    expect(
      parseResearchReturn(
        {
          status: 'submitted',
          information: ' Two call-outs in January ',
          reason: 'Risk to the victim',
          restrictions: 'Not to be disclosed to the perpetrator',
          researchedOn: '2027-03-04',
        },
        today,
      ),
    ).toEqual({
      status: 'submitted',
      information: 'Two call-outs in January',
      reason: 'Risk to the victim',
      restrictions: 'Not to be disclosed to the perpetrator',
      researchedOn: '2027-03-04',
    });
  });
});

describe('researchGrid and missingByAgency (FR-038)', () => {
  const police = { id: 'p', name: 'Police' };
  const housing = { id: 'h', name: 'Housing' };
  const idva = { id: 'i', name: 'IDVA' };
  const cases = [
    {
      agendaItemId: 'c1',
      caseNumber: 'NF-1',
      position: 1,
      isClosedSession: false,
      agenciesInvolved: [police, housing],
    },
    {
      agendaItemId: 'c2',
      caseNumber: 'NF-2',
      position: 2,
      isClosedSession: false,
      agenciesInvolved: [police, idva],
    },
  ];
  const at = new Date('2027-03-05T10:00:00Z');
  const returns = [
    { agendaItemId: 'c1', agencyId: 'p', status: 'submitted' as const, submittedAt: at },
    { agendaItemId: 'c2', agencyId: 'p', status: 'nil-return' as const, submittedAt: at },
    { agendaItemId: 'c2', agencyId: 'i', status: 'written-submission' as const, submittedAt: at },
    // A return from an agency the case does not list is not counted.
    { agendaItemId: 'c2', agencyId: 'h', status: 'submitted' as const, submittedAt: at },
  ];

  it('counts each involved agency per case, per agency and in all; missing where nothing came', () => {
    const grid = researchGrid(cases, returns);
    expect(grid.totals).toEqual({
      submitted: 1,
      'nil-return': 1,
      'no-involvement': 0,
      'written-submission': 1,
      missing: 1,
    });
    expect(grid.cases[0]!.cells.map((c) => c.cell)).toEqual(['submitted', 'missing']);
    expect(grid.cases[1]!.counts.missing).toBe(0);
    expect(grid.agencies.map((a) => [a.name, a.counts.missing])).toEqual([
      ['Housing', 1],
      ['IDVA', 0],
      ['Police', 0],
    ]);
    expect(missingByAgency(cases, returns)).toEqual(new Map([['h', ['NF-1']]]));
  });
});

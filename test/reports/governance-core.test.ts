import { describe, expect, it } from 'vitest';
import type { AttendanceRepository } from '../../core/attendance/attendance-repository.js';
import type { AuditEntry } from '../../core/ports/audit-log.js';
import {
  type GovernanceActionRow,
  governanceReport,
  type GovernanceRepository,
} from '../../core/reports/governance.js';
import { FakeClock } from '../support/fake-clock.js';

/** The pure governance use case over in-memory rows: edge cases the HTTP test does not reach. */
function deps(actions: GovernanceActionRow[], escalated: GovernanceActionRow[]) {
  const audit: AuditEntry[] = [];
  const repos: GovernanceRepository = {
    area: async () => ({ name: 'Area', nation: 'england-and-wales', timeZone: 'Europe/London' }),
    agencies: async () => [{ agencyId: 'g1', name: 'Agency One', sector: 'police', core: true }],
    meetings: async () => [],
    cases: async () => [],
    actions: async () => actions,
    openEscalated: async () => escalated,
  };
  const attendance = {
    reportData: async () => ({
      meetings: [],
      summary: [],
      expected: [],
      cases: [],
      apologies: [],
      agencies: [],
    }),
  } as unknown as AttendanceRepository;
  return {
    audit,
    deps: {
      repos,
      attendance,
      audit: { record: async (e: AuditEntry) => void audit.push(e) },
      clock: new FakeClock('2025-03-20T12:00:00Z'),
    },
  };
}

const row = (over: Partial<GovernanceActionRow>): GovernanceActionRow => ({
  reference: 'A-0001',
  caseReference: 'MC-1',
  ownerAgencyId: 'g1',
  state: 'open',
  dueOn: '2025-03-20',
  completedOn: null,
  createdAt: new Date('2025-03-01T10:00:00Z'),
  escalationLevel: 0,
  category: 'victim',
  joint: false,
  ...over,
});

const period = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };
const coordinator = { personId: 'p1', areaId: 'a1', roles: ['coordinator' as const] };

describe('governanceReport (core)', () => {
  it('counts an action due today as open, not overdue nor due (FR-071)', async () => {
    const { deps: d } = deps([row({})], []);
    const r = await governanceReport(d, coordinator, period);
    expect(r.actions).toMatchObject({ open: 1, overdue: 0, completionRate: null });
  });

  it('gives null working days overdue, not a crash, for days outside the calendar', async () => {
    const old = row({ reference: 'A-0002', dueOn: '2018-11-01', escalationLevel: 3 }); // before 2019
    const { deps: d, audit } = deps([], [old]);
    const r = await governanceReport(d, coordinator, period);
    expect(r.escalations.outstandingActions).toEqual([
      expect.objectContaining({ reference: 'A-0002', workingDaysOverdue: null, daysOverdue: 2331 }),
    ]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'governance-report.view',
      detail: { escalationsListed: 1 },
    });
  });

  it('refuses other roles before reading anything, and a period over three years', async () => {
    const { deps: d, audit } = deps([], []);
    await expect(
      governanceReport(d, { ...coordinator, roles: ['representative'] }, period),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      governanceReport(d, coordinator, {
        from: new Date('2020-01-01'),
        to: new Date('2024-01-02'),
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(audit).toHaveLength(0);
  });
});

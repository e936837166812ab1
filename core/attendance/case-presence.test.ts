import { describe, expect, it } from 'vitest';
import type { AttendanceReportData } from './attendance-repository.js';
import { casePresence } from './case-presence.js';

const row = (
  agendaItemId: string | null,
  agencyId: string,
  attendedAs: string,
  seconds: number,
) => ({
  meetingId: 'm1',
  agendaItemId,
  agencyId,
  attendedAs,
  presentSeconds: seconds,
  cameraOnSeconds: null,
  cameraSource: null,
});

const data = (
  summary: AttendanceReportData['summary'],
  apologies: AttendanceReportData['apologies'],
): AttendanceReportData => ({
  meetings: [{ id: 'm1', startsAt: new Date('2027-03-10T09:30:00Z') }],
  summary,
  expected: [
    { meetingId: 'm1', agencyId: 'police' },
    { meetingId: 'm1', agencyId: 'idva' },
  ],
  cases: [
    {
      meetingId: 'm1',
      agendaItemId: 'c1',
      caseReference: 'NF-1',
      position: 1,
      heard: true,
      agenciesInvolved: ['police', 'idva'],
      referringAgencyId: null,
    },
    {
      meetingId: 'm1',
      agendaItemId: 'c2',
      caseReference: 'NF-2',
      position: 2,
      heard: true,
      agenciesInvolved: ['police', 'idva'],
      referringAgencyId: null,
    },
  ],
  apologies,
  agencies: [],
});

const statusOf = (rows: ReturnType<typeof casePresence>, item: string, agency: string) =>
  rows.find((r) => r.agendaItemId === item)?.agencies.find((a) => a.agencyId === agency)?.status;

describe('presence per case with one-case attendees and apologies', () => {
  it('a keyworker present for their case counts for their agency on that case only', () => {
    const rows = casePresence(data([row('c1', 'police', 'keyworker', 600)], []));
    expect(statusOf(rows, 'c1', 'police')).toBe('present');
    expect(statusOf(rows, 'c2', 'police')).toBe('absent');
  });

  it('apologies with a written submission, and a deputy who came instead', () => {
    const rows = casePresence(
      data(
        [row('c2', 'idva', 'deputy', 300)],
        [{ meetingId: 'm1', agencyId: 'idva', writtenSubmission: true }],
      ),
    );
    expect(statusOf(rows, 'c1', 'idva')).toBe('apologies-written-submission');
    expect(statusOf(rows, 'c2', 'idva')).toBe('deputy-present');
  });
});

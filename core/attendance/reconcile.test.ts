import { describe, expect, it } from 'vitest';
import {
  type CameraEvidence,
  type PresenceEvidence,
  reconcileAttendance,
  type ReconcileInput,
} from './reconcile.js';

const at = (hhmm: string) => new Date(`2026-11-18T${hhmm}:00Z`);
const min = (n: number) => n * 60;

/** A morning MARAC: 09:30-11:00, case A 09:40-10:00, case B 10:00-10:20. */
function morning(presence: PresenceEvidence[], camera: CameraEvidence[] = []): ReconcileInput {
  return {
    meetingStart: at('09:30'),
    meetingEnd: at('11:00'),
    attendees: [
      { personId: 'police-rep', agencyId: 'police', attendedAs: 'representative' },
      { personId: 'police-deputy', agencyId: 'police', attendedAs: 'deputy' },
      { personId: 'housing-rep', agencyId: 'housing', attendedAs: 'representative' },
      { personId: 'idva-rep', agencyId: 'idva', attendedAs: 'representative' },
    ],
    presence,
    camera,
    cases: [
      { agendaItemId: 'case-A', start: at('09:40'), end: at('10:00') },
      { agendaItemId: 'case-B', start: at('10:00'), end: at('10:20') },
    ],
  };
}

describe('attendance reconciliation (FR-060)', () => {
  it('merges live events with the attendance report without double counting, clipped to the meeting', () => {
    const result = reconcileAttendance(
      morning([
        { personKey: 'police-rep', joined: at('09:31'), left: null, source: 'bot-event' },
        // The report says they were in the lobby from 09:20 and left at 11:05: outside the window.
        {
          personKey: 'police-rep',
          joined: at('09:20'),
          left: at('11:05'),
          source: 'attendance-report',
        },
      ]),
    );
    const rep = result.people.find((p) => p.personKey === 'police-rep');
    expect(rep).toMatchObject({
      presentSeconds: min(90),
      lateJoin: false,
      earlyLeave: false,
      firstJoin: at('09:30'),
      lastLeave: at('11:00'),
    });
    expect(rep?.perCase['case-A']?.presentSeconds).toBe(min(20));
  });

  it('flags late joins and early leaves beyond the grace period, and keeps gaps', () => {
    const result = reconcileAttendance(
      morning([
        {
          personKey: 'idva-rep',
          joined: at('09:50'),
          left: at('11:00'),
          source: 'attendance-report',
        },
        { personKey: 'housing-rep', joined: at('09:30'), left: at('09:45'), source: 'bot-event' },
        { personKey: 'housing-rep', joined: at('09:55'), left: at('10:10'), source: 'bot-event' },
      ]),
    );
    expect(result.people.find((p) => p.personKey === 'idva-rep')).toMatchObject({
      lateJoin: true,
      earlyLeave: false,
      presentSeconds: min(70),
    });
    const housing = result.people.find((p) => p.personKey === 'housing-rep');
    expect(housing).toMatchObject({ lateJoin: false, earlyLeave: true, presentSeconds: min(30) });
    expect(housing?.perCase['case-A']?.presentSeconds).toBe(min(10));
    expect(housing?.perCase['case-B']?.presentSeconds).toBe(min(10));
  });

  it('says per case which agencies were present and through whom (rep or deputy)', () => {
    const result = reconcileAttendance(
      morning([
        {
          personKey: 'police-deputy',
          joined: at('09:30'),
          left: at('10:05'),
          source: 'attendance-report',
        },
        {
          personKey: 'police-rep',
          joined: at('10:05'),
          left: at('11:00'),
          source: 'attendance-report',
        },
        {
          personKey: 'housing-rep',
          joined: at('10:30'),
          left: at('11:00'),
          source: 'attendance-report',
        },
      ]),
    );
    const row = (c: string, a: string) =>
      result.agencies.find((r) => r.agendaItemId === c && r.agencyId === a);
    expect(row('case-A', 'police')).toMatchObject({
      present: true,
      by: 'deputy',
      presentSeconds: min(20),
    });
    expect(row('case-B', 'police')).toMatchObject({
      present: true,
      by: 'representative',
      presentSeconds: min(20),
    });
    expect(row('case-A', 'housing')).toMatchObject({
      present: false,
      by: null,
      presentSeconds: 0,
      cameraOnShare: null,
    });
  });

  it('keeps unknown joiners as unmatched identities', () => {
    const result = reconcileAttendance(
      morning([
        { personKey: 'unmatched:u1', joined: at('09:35'), left: at('09:50'), source: 'bot-event' },
      ]),
    );
    expect(result.people.find((p) => p.personKey === 'unmatched:u1')).toMatchObject({
      attendedAs: 'unmatched',
      agencyId: null,
      presentSeconds: min(15),
    });
  });
});

describe('camera evidence (FR-062, DESIGN.md §7)', () => {
  const present: PresenceEvidence[] = [
    {
      personKey: 'police-rep',
      joined: at('09:30'),
      left: at('11:00'),
      source: 'attendance-report',
    },
    {
      personKey: 'housing-rep',
      joined: at('09:30'),
      left: at('11:00'),
      source: 'attendance-report',
    },
    { personKey: 'idva-rep', joined: at('09:30'), left: at('10:30'), source: 'attendance-report' },
  ];

  it('reads camera-on time from the calling roster and names the source', () => {
    const result = reconcileAttendance(
      morning(present, [
        {
          personKey: 'police-rep',
          start: at('09:30'),
          end: at('10:00'),
          cameraOn: true,
          source: 'calling-roster',
        },
        {
          personKey: 'police-rep',
          start: at('10:00'),
          end: null,
          cameraOn: false,
          source: 'calling-roster',
        },
      ]),
    );
    expect(result.people.find((p) => p.personKey === 'police-rep')?.camera).toEqual({
      onSeconds: min(30),
      coveredSeconds: min(90),
      source: 'calling-roster',
    });
  });

  it("lets the chair's attestation override the roster where it applies", () => {
    const result = reconcileAttendance(
      morning(present, [
        {
          personKey: 'housing-rep',
          start: at('09:30'),
          end: at('11:00'),
          cameraOn: false,
          source: 'calling-roster',
        },
        // The chair corrects: camera was on from 10:00 (the roster missed a device change).
        {
          personKey: 'housing-rep',
          start: at('10:00'),
          end: at('11:00'),
          cameraOn: true,
          source: 'attestation',
        },
      ]),
    );
    const housing = result.people.find((p) => p.personKey === 'housing-rep');
    expect(housing?.camera).toEqual({
      onSeconds: min(60),
      coveredSeconds: min(90),
      source: 'attestation',
    });
    expect(housing?.perCase['case-A']?.camera).toEqual({
      onSeconds: 0,
      coveredSeconds: min(20),
      source: 'calling-roster',
    });
  });

  it('reports no camera figure where no source covered the person, rather than guessing', () => {
    const result = reconcileAttendance(morning(present));
    expect(result.people.find((p) => p.personKey === 'idva-rep')?.camera).toEqual({
      onSeconds: 0,
      coveredSeconds: 0,
      source: 'none',
    });
    expect(
      result.agencies.find((r) => r.agendaItemId === 'case-A' && r.agencyId === 'idva')
        ?.cameraOnShare,
    ).toBeNull();
  });

  it('computes the agency camera-on share over covered time', () => {
    const result = reconcileAttendance(
      morning(present, [
        {
          personKey: 'police-rep',
          start: at('09:40'),
          end: at('09:50'),
          cameraOn: true,
          source: 'call-record',
        },
        {
          personKey: 'police-rep',
          start: at('09:50'),
          end: at('10:00'),
          cameraOn: false,
          source: 'call-record',
        },
      ]),
    );
    expect(
      result.agencies.find((r) => r.agendaItemId === 'case-A' && r.agencyId === 'police')
        ?.cameraOnShare,
    ).toBe(0.5);
  });
});

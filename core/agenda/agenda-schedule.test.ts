import { describe, expect, it } from 'vitest';
import { DEFAULT_AREA_POLICY } from '../area-policy.js';
import { capacityOf, insertionIndex, plannedStarts } from './agenda-schedule.js';

const slot = (id: string, riskLevel: 'very-high' | 'high' | 'medium', plannedMinutes = 10) => ({
  id,
  riskLevel,
  plannedMinutes,
});

describe('agenda order and times (FR-028..FR-030)', () => {
  it('puts a new case after the last case of the same or higher risk, keeping the chair’s order', () => {
    const items = [slot('a', 'very-high'), slot('b', 'medium'), slot('c', 'high')];
    expect(insertionIndex(items, 'very-high')).toBe(1);
    expect(insertionIndex(items, 'high')).toBe(3);
    expect(insertionIndex([], 'medium')).toBe(0);
  });

  it('plans each case after the opening and the cases before it', () => {
    const start = new Date('2027-04-07T08:30:00Z');
    const times = plannedStarts([slot('a', 'high', 15), slot('b', 'high')], start, 10);
    expect(times).toEqual([
      { id: 'a', position: 1, plannedStart: new Date('2027-04-07T08:40:00Z') },
      { id: 'b', position: 2, plannedStart: new Date('2027-04-07T08:55:00Z') },
    ]);
  });

  it('warns past the case limit, the time limit and the meeting end', () => {
    const meeting = {
      scheduledStart: new Date('2027-04-07T08:30:00Z'),
      scheduledEnd: new Date('2027-04-07T12:00:00Z'),
    };
    const items = Array.from({ length: 21 }, (_, i) => slot(String(i), 'high'));
    const capacity = capacityOf(items, meeting, DEFAULT_AREA_POLICY, 10);
    expect(capacity).toMatchObject({ caseCount: 21, plannedMinutes: 220 });
    expect(capacity.warnings).toEqual([
      expect.stringContaining('21 cases'),
      expect.stringContaining('10 minutes past'),
    ]);
    expect(capacityOf(items.slice(0, 5), meeting, DEFAULT_AREA_POLICY, 10).warnings).toEqual([]);
  });
});

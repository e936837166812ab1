import { describe, expect, it } from 'vitest';
import { coordinatorToDo, daysBetween, inDays, localDay } from './to-do.js';

const meeting = (id: string, start: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `MARAC ${id}`,
  status: 'scheduled',
  scheduledStart: start,
  scheduledEnd: start.replace('T09', 'T13'),
  circulationDueOn: null as string | null,
  circulatedAt: null as string | null,
  ...extra,
});

describe("the coordinator's to-do list", () => {
  const now = new Date('2026-12-07T10:00:00Z');
  const base = { today: '2026-12-07', timeZone: 'Europe/London', now };

  it('counts days and says them in words', () => {
    expect(daysBetween('2026-12-07', '2026-12-11')).toBe(4);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across the clock change
    expect(inDays(4)).toBe('in 4 days');
    expect(inDays(1)).toBe('tomorrow');
    expect(inDays(0)).toBe('today');
    expect(inDays(-3)).toBe('3 days ago');
    expect(localDay(new Date('2026-06-30T23:30:00Z'), 'Europe/London')).toBe('2026-07-01');
  });

  it('lists case lists coming due, late ones, overdue actions and agencies to approve, urgent first', () => {
    const todo = coordinatorToDo({
      ...base,
      meetings: [
        meeting('a', '2026-12-18T09:00:00Z', { circulationDueOn: '2026-12-11' }),
        meeting('b', '2026-12-09T09:00:00Z', { circulationDueOn: '2026-12-04' }),
        meeting('c', '2026-12-20T09:00:00Z', {
          circulationDueOn: '2026-12-08',
          circulatedAt: '2026-12-06T10:00:00Z',
        }),
        meeting('d', '2026-12-01T09:00:00Z', { circulationDueOn: '2026-11-25' }), // past
        meeting('e', '2026-12-10T09:00:00Z', {
          circulationDueOn: '2026-12-03',
          status: 'cancelled',
        }),
      ],
      actions: [
        { state: 'open', overdue: true },
        { state: 'open', overdue: true },
        { state: 'open', overdue: false },
        { state: 'done', overdue: true },
      ],
      agencies: [
        { id: 'h', name: 'Harbour Refuge', membershipStatus: 'applied' },
        { id: 'p', name: 'Northfield Police', membershipStatus: 'approved' },
      ],
    });
    expect(todo.map((t) => [t.text, t.to, t.urgent])).toEqual([
      [
        'Case list for MARAC b was due 3 days ago: not circulated yet',
        '/coordinator/meetings/b',
        true,
      ],
      ['2 actions overdue', '/coordinator/actions', true],
      ['Case list for MARAC a due in 4 days', '/coordinator/meetings/a', false],
      ['Harbour Refuge awaiting approval', '/coordinator/area', false],
    ]);
  });

  it('says a meeting is today, and nothing when nothing is due', () => {
    const todo = coordinatorToDo({
      ...base,
      meetings: [meeting('t', '2026-12-07T09:00:00Z', { circulatedAt: '2026-12-01T09:00:00Z' })],
      actions: [{ state: 'open', overdue: false }],
      agencies: [],
    });
    expect(todo.map((t) => t.text)).toEqual(['MARAC t is today']);
    expect(coordinatorToDo({ ...base, meetings: [], actions: [], agencies: [] })).toEqual([]);
  });
});

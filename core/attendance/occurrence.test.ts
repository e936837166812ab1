import { describe, expect, it } from 'vitest';
import { type OccurrenceCandidate, pickOccurrence } from './occurrence.js';

const day = (d: number, h: number, m = 0) => new Date(Date.UTC(2026, 11, d, h, m));
const occurrence = (
  id: string,
  d: number,
  extra: Partial<OccurrenceCandidate> = {},
): OccurrenceCandidate => ({
  id,
  status: 'scheduled',
  scheduledStart: day(d, 9, 30),
  scheduledEnd: day(d, 13),
  actualStart: null,
  actualEnd: null,
  ...extra,
});

describe('pickOccurrence', () => {
  const first = occurrence('first', 2, {
    status: 'ended',
    actualStart: day(2, 9, 31),
    actualEnd: day(2, 12),
  });
  const second = occurrence('second', 16);
  const third = occurrence('third', 30);

  it('picks the occurrence whose scheduled window holds the time, not the first or last', () => {
    expect(pickOccurrence([first, second, third], day(16, 9, 25))?.id).toBe('second');
    expect(pickOccurrence([third, second, first], day(16, 11))?.id).toBe('second');
    expect(pickOccurrence([first, second, third], day(2, 10))?.id).toBe('first');
  });

  it('keeps a running occurrence for its end and late joins, even past the scheduled end', () => {
    const running = { ...second, status: 'in-progress', actualStart: day(16, 9, 40) };
    expect(pickOccurrence([first, running, third], day(16, 15))?.id).toBe('second');
  });

  it('does not let an occurrence that lost its end event capture the next one', () => {
    const stale = { ...first, status: 'in-progress', actualEnd: null };
    expect(pickOccurrence([stale, second], day(16, 9, 30))?.id).toBe('second');
  });

  it('prefers a held occurrence to a cancelled one, and the nearest when none holds the time', () => {
    const cancelled = { ...second, status: 'cancelled' };
    expect(pickOccurrence([first, cancelled, third], day(16, 10))?.id).toBe('first');
    expect(pickOccurrence([first, second, third], day(27, 10))?.id).toBe('third');
  });

  it('returns a lone meeting whatever the time, and nothing for no candidates', () => {
    expect(pickOccurrence([first], day(30, 1))?.id).toBe('first');
    expect(pickOccurrence([], day(30, 1))).toBeNull();
  });
});

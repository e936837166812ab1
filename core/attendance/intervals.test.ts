import { describe, expect, it } from 'vitest';
import { clip, intersect, subtract, totalMs, union } from './intervals.js';

describe('interval algebra', () => {
  it('unites overlapping and touching spans, ignoring empty ones', () => {
    expect(
      union([
        { start: 5, end: 9 },
        { start: 0, end: 3 },
        { start: 3, end: 6 },
        { start: 12, end: 12 },
        { start: 10, end: 11 },
      ]),
    ).toEqual([
      { start: 0, end: 9 },
      { start: 10, end: 11 },
    ]);
  });
  it('intersects two unions', () => {
    expect(
      intersect(
        [
          { start: 0, end: 10 },
          { start: 20, end: 30 },
        ],
        [{ start: 5, end: 25 }],
      ),
    ).toEqual([
      { start: 5, end: 10 },
      { start: 20, end: 25 },
    ]);
  });
  it('clips to a window and totals', () => {
    const spans = clip(
      [
        { start: -5, end: 5 },
        { start: 8, end: 20 },
      ],
      { start: 0, end: 10 },
    );
    expect(spans).toEqual([
      { start: 0, end: 5 },
      { start: 8, end: 10 },
    ]);
    expect(totalMs(spans)).toBe(7);
  });
  it('subtracts one union from another', () => {
    expect(
      subtract(
        [
          { start: 0, end: 10 },
          { start: 20, end: 30 },
        ],
        [
          { start: 2, end: 4 },
          { start: 8, end: 22 },
        ],
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 8 },
      { start: 22, end: 30 },
    ]);
  });
});

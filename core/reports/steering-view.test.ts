import { describe, expect, it } from 'vitest';
import { FEWER_THAN_5, suppress } from './steering-view.js';

describe('small-number suppression for the steering group', () => {
  it('shows 1 to 4 as "fewer than 5" and keeps 0 and 5 or more exact', () => {
    expect([0, 1, 4, 5, 12].map(suppress)).toEqual([0, FEWER_THAN_5, FEWER_THAN_5, 5, 12]);
    expect(suppress(FEWER_THAN_5)).toBe(FEWER_THAN_5);
  });
});

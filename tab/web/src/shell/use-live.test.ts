import { describe, expect, it } from 'vitest';
import { updatedAgo } from './use-live.js';

describe('how old live data is, in words', () => {
  const at = new Date('2026-12-07T10:00:00Z');
  const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);
  it('says a moment, minutes or hours, singular and plural', () => {
    expect(updatedAgo(at, at)).toBe('a moment ago');
    expect(updatedAgo(at, later(59))).toBe('a moment ago');
    expect(updatedAgo(at, later(60))).toBe('1 minute ago');
    expect(updatedAgo(at, later(150))).toBe('2 minutes ago');
    expect(updatedAgo(at, later(3600))).toBe('1 hour ago');
    expect(updatedAgo(at, later(3 * 3600 + 5))).toBe('3 hours ago');
    // A clock that moved back never gives a negative age.
    expect(updatedAgo(at, later(-30))).toBe('a moment ago');
  });
});

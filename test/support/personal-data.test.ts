import { describe, expect, it } from 'vitest';
import { expectNoPersonalData, seededPersonalData } from './personal-data.js';

describe('the personal-data tripwire', () => {
  it('knows every seeded subject in several forms', () => {
    const data = seededPersonalData();
    expect(data).toContain('Ava Fictionwood');
    expect(data).toContain('Fictionwood');
    expect(data).toContain('11/03/1994');
    expect(data).toContain('14 Imaginary Road');
  });
  it('passes reference-only content and catches a leak', () => {
    expect(() =>
      expectNoPersonalData('MARAC 18 Nov 2026: case NF-2611-001, action A-0007 due 2 Dec 2026'),
    ).not.toThrow();
    expect(() => expectNoPersonalData('Please visit ava FICTIONWOOD today')).toThrow(
      /personal data/,
    );
    expect(() => expectNoPersonalData('{"name":"Omar Dreamwick"}')).toThrow(/personal data/);
    expect(() => expectNoPersonalData('Dear omar,')).toThrow(/personal data/);
  });
  it('does not mistake a name inside a random identifier for a leak', () => {
    expect(() =>
      expectNoPersonalData('{"internetMessageId":"<AAMkAGomarQ1x9@sim.example>"}'),
    ).not.toThrow();
  });
});

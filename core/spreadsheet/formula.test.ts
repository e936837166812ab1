import { describe, expect, it } from 'vitest';
import { formulaLead, formulaProblem, neutraliseCell } from './formula.js';

describe('formula injection', () => {
  it.each([
    '=HYPERLINK("http://x","y")',
    '+SUM(1,2)',
    '-2+3',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    ' =1',
    '\u00A0=1',
    '\u3000=1',
    '\u200B=1',
    '  \u00A0 +1',
    '\uFF1D1+1',
    '\uFE661+1',
    '\uFF0B1',
    '\uFF201',
  ])('refuses %j', (text) => {
    expect(formulaLead(text)).not.toBeNull();
    expect(formulaProblem(text)).toMatch(/formula/);
    expect(neutraliseCell(text)).toBe(`'${text}`);
  });

  it.each(['Ava Example', '14 Imaginary Road', 'Call the IDVA = urgent', '2024/017', '', 'a-b'])(
    'leaves %j alone',
    (text) => {
      expect(formulaLead(text)).toBeNull();
      expect(neutraliseCell(text)).toBe(text);
    },
  );

  it('leaves numbers and dates alone', () => {
    expect(neutraliseCell(-3)).toBe(-3);
    const d = new Date(0);
    expect(neutraliseCell(d)).toBe(d);
  });
});

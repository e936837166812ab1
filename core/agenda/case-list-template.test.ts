import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, normaliseHeader, validateCaseList } from './case-list-import.js';
import { templateColumns, templateCsv } from './case-list-template.js';

describe('the case-list template is the import’s own columns (FR-027)', () => {
  it('has every import column, in order, each explained, each read back as its own column', () => {
    const columns = templateColumns();
    expect(columns.map((c) => c.key)).toEqual(Object.keys(IMPORT_COLUMNS));
    for (const c of columns) {
      expect(normaliseHeader(c.header)).toBe(c.key);
      expect(c.explanation.length).toBeGreaterThan(3);
    }
    expect(columns.filter((c) => c.required).map((c) => c.key)).toEqual(
      Object.entries(IMPORT_COLUMNS)
        .filter(([, c]) => c.required)
        .map(([k]) => k),
    );
  });

  it('the CSV header row is accepted by the import (only "no cases" is said)', () => {
    const headers = templateCsv().trim().split(',');
    const outcome = validateCaseList(
      { headers, rows: [] },
      { agencies: [], existingCaseNumbers: new Set(), today: '2027-03-01', defaultMinutes: 10 },
    );
    expect(outcome).toEqual({
      ok: false,
      problems: [{ row: 0, field: 'file', message: 'The file has a header row but no cases.' }],
    });
  });
});

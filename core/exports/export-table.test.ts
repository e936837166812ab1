import { describe, expect, it } from 'vitest';
import { codeInWords, enGbDateTime, enGbDay, exportFileName, minutesOf } from './export-table.js';

describe('export cells', () => {
  it('writes days and times the en-GB way in the area’s zone, across the clock change', () => {
    expect(enGbDay('2026-12-07')).toBe('07/12/2026');
    expect(enGbDay(null)).toBe('');
    expect(enGbDateTime(new Date('2026-10-24T23:30:00Z'), 'Europe/London')).toBe(
      '25/10/2026 00:30',
    );
    expect(enGbDateTime(new Date('2026-10-25T23:30:00Z'), 'Europe/London')).toBe(
      '25/10/2026 23:30',
    );
  });

  it('turns codes into words and seconds into whole minutes', () => {
    expect(codeInWords('action.not-achievable')).toBe('Action: not achievable');
    expect(codeInWords('case-list.view')).toBe('Case list: view');
    expect(codeInWords('audit')).toBe('Audit');
    expect(minutesOf(89)).toBe(1);
    expect(minutesOf(null)).toBe('');
  });

  it('names files from the title and day, with nothing else in them', () => {
    expect(exportFileName('Action register', '2026-12-07', 'csv')).toBe(
      'action-register-2026-12-07.csv',
    );
  });
});

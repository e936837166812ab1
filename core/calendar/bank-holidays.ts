// Public and bank holidays of the three UK jurisdictions, 2025-2030, as plain data.
//
// Why data and not a feed: REQUIREMENTS.md §11.7 / FR-031 says working-day maths (case-list
// circulation, action due dates) needs the bank holidays of the right UK nation, and core/ is
// pure domain code (no network, no date library). A literal table can be checked line by line
// against https://www.gov.uk/bank-holidays; bank-holidays.test.ts recomputes every date from
// the statutory rules (Easter, nth/last Monday, substitute days) so a typo here fails a test.
//
// Substitute days: when a holiday falls on a Saturday or Sunday the holiday moves to the next
// weekday that is not already a holiday; only the substitute day is listed (as gov.uk does).
//
// One-off holidays: none have been announced for 2025-2030 at the time of writing (the recent
// one-offs were 2022 and 2023). If one is proclaimed, add it here AND to the rule test's list
// of one-offs, or the rule test will (rightly) fail.
//
// Extending the range: add the next year's dates, bump CALENDAR_LAST_YEAR, and add the year's
// Easter Sunday to the rule test. Until then working-day maths throws a RangeError for years
// outside the range instead of silently treating them as holiday-free.

/** The UK jurisdictions with their own bank-holiday calendars (gov.uk's division identifiers). */
export type Nation = 'england-and-wales' | 'scotland' | 'northern-ireland';

/** One public or bank holiday: a calendar day ('YYYY-MM-DD') and its gov.uk-style name. */
export interface BankHoliday {
  readonly date: string;
  readonly name: string;
}

/** All nations, in a fixed order (useful for validation and for tests that cover each one). */
export const NATIONS: ReadonlyArray<Nation> = ['england-and-wales', 'scotland', 'northern-ireland'];

/** First calendar year covered by BANK_HOLIDAYS. */
export const CALENDAR_FIRST_YEAR = 2025;

/** Last calendar year covered by BANK_HOLIDAYS. */
export const CALENDAR_LAST_YEAR = 2030;

/** Bank holidays per nation, sorted by date, for CALENDAR_FIRST_YEAR..CALENDAR_LAST_YEAR. */
export const BANK_HOLIDAYS: Record<Nation, ReadonlyArray<BankHoliday>> = {
  'england-and-wales': [
    // 2025 (Easter Sunday 20 April)
    { date: '2025-01-01', name: "New Year's Day" },
    { date: '2025-04-18', name: 'Good Friday' },
    { date: '2025-04-21', name: 'Easter Monday' },
    { date: '2025-05-05', name: 'Early May bank holiday' },
    { date: '2025-05-26', name: 'Spring bank holiday' },
    { date: '2025-08-25', name: 'Summer bank holiday' },
    { date: '2025-12-25', name: 'Christmas Day' },
    { date: '2025-12-26', name: 'Boxing Day' },
    // 2026 (Easter Sunday 5 April; 26 December is a Saturday)
    { date: '2026-01-01', name: "New Year's Day" },
    { date: '2026-04-03', name: 'Good Friday' },
    { date: '2026-04-06', name: 'Easter Monday' },
    { date: '2026-05-04', name: 'Early May bank holiday' },
    { date: '2026-05-25', name: 'Spring bank holiday' },
    { date: '2026-08-31', name: 'Summer bank holiday' },
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
    // 2027 (Easter Sunday 28 March; 25 December is a Saturday, 26 December a Sunday)
    { date: '2027-01-01', name: "New Year's Day" },
    { date: '2027-03-26', name: 'Good Friday' },
    { date: '2027-03-29', name: 'Easter Monday' },
    { date: '2027-05-03', name: 'Early May bank holiday' },
    { date: '2027-05-31', name: 'Spring bank holiday' },
    { date: '2027-08-30', name: 'Summer bank holiday' },
    { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
    { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
    // 2028 (Easter Sunday 16 April; 1 January is a Saturday)
    { date: '2028-01-03', name: "New Year's Day (substitute day)" },
    { date: '2028-04-14', name: 'Good Friday' },
    { date: '2028-04-17', name: 'Easter Monday' },
    { date: '2028-05-01', name: 'Early May bank holiday' },
    { date: '2028-05-29', name: 'Spring bank holiday' },
    { date: '2028-08-28', name: 'Summer bank holiday' },
    { date: '2028-12-25', name: 'Christmas Day' },
    { date: '2028-12-26', name: 'Boxing Day' },
    // 2029 (Easter Sunday 1 April)
    { date: '2029-01-01', name: "New Year's Day" },
    { date: '2029-03-30', name: 'Good Friday' },
    { date: '2029-04-02', name: 'Easter Monday' },
    { date: '2029-05-07', name: 'Early May bank holiday' },
    { date: '2029-05-28', name: 'Spring bank holiday' },
    { date: '2029-08-27', name: 'Summer bank holiday' },
    { date: '2029-12-25', name: 'Christmas Day' },
    { date: '2029-12-26', name: 'Boxing Day' },
    // 2030 (Easter Sunday 21 April)
    { date: '2030-01-01', name: "New Year's Day" },
    { date: '2030-04-19', name: 'Good Friday' },
    { date: '2030-04-22', name: 'Easter Monday' },
    { date: '2030-05-06', name: 'Early May bank holiday' },
    { date: '2030-05-27', name: 'Spring bank holiday' },
    { date: '2030-08-26', name: 'Summer bank holiday' },
    { date: '2030-12-25', name: 'Christmas Day' },
    { date: '2030-12-26', name: 'Boxing Day' },
  ],

  // Scotland: 2 January and St Andrew's Day, summer holiday on the FIRST Monday of August,
  // and no Easter Monday.
  scotland: [
    // 2025 (30 November is a Sunday)
    { date: '2025-01-01', name: "New Year's Day" },
    { date: '2025-01-02', name: '2nd January' },
    { date: '2025-04-18', name: 'Good Friday' },
    { date: '2025-05-05', name: 'Early May bank holiday' },
    { date: '2025-05-26', name: 'Spring bank holiday' },
    { date: '2025-08-04', name: 'Summer bank holiday' },
    { date: '2025-12-01', name: "St Andrew's Day (substitute day)" },
    { date: '2025-12-25', name: 'Christmas Day' },
    { date: '2025-12-26', name: 'Boxing Day' },
    // 2026 (26 December is a Saturday)
    { date: '2026-01-01', name: "New Year's Day" },
    { date: '2026-01-02', name: '2nd January' },
    { date: '2026-04-03', name: 'Good Friday' },
    { date: '2026-05-04', name: 'Early May bank holiday' },
    { date: '2026-05-25', name: 'Spring bank holiday' },
    { date: '2026-08-03', name: 'Summer bank holiday' },
    { date: '2026-11-30', name: "St Andrew's Day" },
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
    // 2027 (2 January is a Saturday; 25 December a Saturday, 26 December a Sunday)
    { date: '2027-01-01', name: "New Year's Day" },
    { date: '2027-01-04', name: '2nd January (substitute day)' },
    { date: '2027-03-26', name: 'Good Friday' },
    { date: '2027-05-03', name: 'Early May bank holiday' },
    { date: '2027-05-31', name: 'Spring bank holiday' },
    { date: '2027-08-02', name: 'Summer bank holiday' },
    { date: '2027-11-30', name: "St Andrew's Day" },
    { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
    { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
    // 2028 (1 January is a Saturday, 2 January a Sunday)
    { date: '2028-01-03', name: "New Year's Day (substitute day)" },
    { date: '2028-01-04', name: '2nd January (substitute day)' },
    { date: '2028-04-14', name: 'Good Friday' },
    { date: '2028-05-01', name: 'Early May bank holiday' },
    { date: '2028-05-29', name: 'Spring bank holiday' },
    { date: '2028-08-07', name: 'Summer bank holiday' },
    { date: '2028-11-30', name: "St Andrew's Day" },
    { date: '2028-12-25', name: 'Christmas Day' },
    { date: '2028-12-26', name: 'Boxing Day' },
    // 2029
    { date: '2029-01-01', name: "New Year's Day" },
    { date: '2029-01-02', name: '2nd January' },
    { date: '2029-03-30', name: 'Good Friday' },
    { date: '2029-05-07', name: 'Early May bank holiday' },
    { date: '2029-05-28', name: 'Spring bank holiday' },
    { date: '2029-08-06', name: 'Summer bank holiday' },
    { date: '2029-11-30', name: "St Andrew's Day" },
    { date: '2029-12-25', name: 'Christmas Day' },
    { date: '2029-12-26', name: 'Boxing Day' },
    // 2030 (30 November is a Saturday)
    { date: '2030-01-01', name: "New Year's Day" },
    { date: '2030-01-02', name: '2nd January' },
    { date: '2030-04-19', name: 'Good Friday' },
    { date: '2030-05-06', name: 'Early May bank holiday' },
    { date: '2030-05-27', name: 'Spring bank holiday' },
    { date: '2030-08-05', name: 'Summer bank holiday' },
    { date: '2030-12-02', name: "St Andrew's Day (substitute day)" },
    { date: '2030-12-25', name: 'Christmas Day' },
    { date: '2030-12-26', name: 'Boxing Day' },
  ],

  // Northern Ireland: England & Wales plus St Patrick's Day (17 March) and the Battle of the
  // Boyne / Orangemen's Day (12 July, a public holiday by proclamation rather than a bank
  // holiday, but listed by gov.uk and observed by the agencies that attend a MARAC).
  'northern-ireland': [
    // 2025 (12 July is a Saturday)
    { date: '2025-01-01', name: "New Year's Day" },
    { date: '2025-03-17', name: "St Patrick's Day" },
    { date: '2025-04-18', name: 'Good Friday' },
    { date: '2025-04-21', name: 'Easter Monday' },
    { date: '2025-05-05', name: 'Early May bank holiday' },
    { date: '2025-05-26', name: 'Spring bank holiday' },
    { date: '2025-07-14', name: "Battle of the Boyne (Orangemen's Day) (substitute day)" },
    { date: '2025-08-25', name: 'Summer bank holiday' },
    { date: '2025-12-25', name: 'Christmas Day' },
    { date: '2025-12-26', name: 'Boxing Day' },
    // 2026 (12 July is a Sunday; 26 December a Saturday)
    { date: '2026-01-01', name: "New Year's Day" },
    { date: '2026-03-17', name: "St Patrick's Day" },
    { date: '2026-04-03', name: 'Good Friday' },
    { date: '2026-04-06', name: 'Easter Monday' },
    { date: '2026-05-04', name: 'Early May bank holiday' },
    { date: '2026-05-25', name: 'Spring bank holiday' },
    { date: '2026-07-13', name: "Battle of the Boyne (Orangemen's Day) (substitute day)" },
    { date: '2026-08-31', name: 'Summer bank holiday' },
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
    // 2027 (25 December is a Saturday, 26 December a Sunday)
    { date: '2027-01-01', name: "New Year's Day" },
    { date: '2027-03-17', name: "St Patrick's Day" },
    { date: '2027-03-26', name: 'Good Friday' },
    { date: '2027-03-29', name: 'Easter Monday' },
    { date: '2027-05-03', name: 'Early May bank holiday' },
    { date: '2027-05-31', name: 'Spring bank holiday' },
    { date: '2027-07-12', name: "Battle of the Boyne (Orangemen's Day)" },
    { date: '2027-08-30', name: 'Summer bank holiday' },
    { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
    { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
    // 2028 (1 January is a Saturday)
    { date: '2028-01-03', name: "New Year's Day (substitute day)" },
    { date: '2028-03-17', name: "St Patrick's Day" },
    { date: '2028-04-14', name: 'Good Friday' },
    { date: '2028-04-17', name: 'Easter Monday' },
    { date: '2028-05-01', name: 'Early May bank holiday' },
    { date: '2028-05-29', name: 'Spring bank holiday' },
    { date: '2028-07-12', name: "Battle of the Boyne (Orangemen's Day)" },
    { date: '2028-08-28', name: 'Summer bank holiday' },
    { date: '2028-12-25', name: 'Christmas Day' },
    { date: '2028-12-26', name: 'Boxing Day' },
    // 2029 (17 March is a Saturday)
    { date: '2029-01-01', name: "New Year's Day" },
    { date: '2029-03-19', name: "St Patrick's Day (substitute day)" },
    { date: '2029-03-30', name: 'Good Friday' },
    { date: '2029-04-02', name: 'Easter Monday' },
    { date: '2029-05-07', name: 'Early May bank holiday' },
    { date: '2029-05-28', name: 'Spring bank holiday' },
    { date: '2029-07-12', name: "Battle of the Boyne (Orangemen's Day)" },
    { date: '2029-08-27', name: 'Summer bank holiday' },
    { date: '2029-12-25', name: 'Christmas Day' },
    { date: '2029-12-26', name: 'Boxing Day' },
    // 2030 (17 March is a Sunday)
    { date: '2030-01-01', name: "New Year's Day" },
    { date: '2030-03-18', name: "St Patrick's Day (substitute day)" },
    { date: '2030-04-19', name: 'Good Friday' },
    { date: '2030-04-22', name: 'Easter Monday' },
    { date: '2030-05-06', name: 'Early May bank holiday' },
    { date: '2030-05-27', name: 'Spring bank holiday' },
    { date: '2030-07-12', name: "Battle of the Boyne (Orangemen's Day)" },
    { date: '2030-08-26', name: 'Summer bank holiday' },
    { date: '2030-12-25', name: 'Christmas Day' },
    { date: '2030-12-26', name: 'Boxing Day' },
  ],
};

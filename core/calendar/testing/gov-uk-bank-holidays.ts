// Published and hand-computed bank holidays that bank-holidays.test.ts holds the calculation to.
// Test data only (testing/ is left out of the build).

import type { BankHoliday, Nation } from '../bank-holidays.js';

/**
 * gov.uk's list for 2025-2030 (https://www.gov.uk/bank-holidays), as the product carried it
 * when the calendar was a table.
 */
export const GOV_UK_2025_2030: Record<Nation, ReadonlyArray<BankHoliday>> = {
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

/**
 * gov.uk's published dates for 2019-2024 (titles differ only in apostrophes and in Scotland's
 * 2023 substitute names, so the dates are what is compared). These years hold every proclaimed
 * change: VE day 2020, the 2022 Jubilee and state funeral, the 2023 coronation.
 */
// prettier-ignore
export const GOV_UK_2019_2024_DATES: Record<Nation, Readonly<Record<number, readonly string[]>>> = {
  'england-and-wales': {
    2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
    2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
    2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
    2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
    2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
    2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  },
  scotland: {
    2019: ['01-01', '01-02', '04-19', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
    2020: ['01-01', '01-02', '04-10', '05-08', '05-25', '08-03', '11-30', '12-25', '12-28'],
    2021: ['01-01', '01-04', '04-02', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28'],
    2022: [
      '01-03', '01-04', '04-15', '05-02', '06-02', '06-03', '08-01', '09-19', '11-30', '12-26',
      '12-27',
    ],
    2023: ['01-02', '01-03', '04-07', '05-01', '05-08', '05-29', '08-07', '11-30', '12-25', '12-26'],
    2024: ['01-01', '01-02', '03-29', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
  },
  'northern-ireland': {
    2019: ['01-01', '03-18', '04-19', '04-22', '05-06', '05-27', '07-12', '08-26', '12-25', '12-26'],
    2020: ['01-01', '03-17', '04-10', '04-13', '05-08', '05-25', '07-13', '08-31', '12-25', '12-28'],
    2021: ['01-01', '03-17', '04-02', '04-05', '05-03', '05-31', '07-12', '08-30', '12-27', '12-28'],
    2022: [
      '01-03', '03-17', '04-15', '04-18', '05-02', '06-02', '06-03', '07-12', '08-29', '09-19',
      '12-26', '12-27',
    ],
    2023: [
      '01-02', '03-17', '04-07', '04-10', '05-01', '05-08', '05-29', '07-12', '08-28', '12-25',
      '12-26',
    ],
    2024: ['01-01', '03-18', '03-29', '04-01', '05-06', '05-27', '07-12', '08-26', '12-25', '12-26'],
  },
};

const NYD = "New Year's Day";
const GF = 'Good Friday';
const EM = 'Easter Monday';
const EARLY = 'Early May bank holiday';
const SPRING = 'Spring bank holiday';
const SUMMER = 'Summer bank holiday';
const XMAS = 'Christmas Day';
const BOXING = 'Boxing Day';
const JAN2 = '2nd January';
const ANDREW = "St Andrew's Day";
const PATRICK = "St Patrick's Day";
const BOYNE = "Battle of the Boyne (Orangemen's Day)";
const SUB = ' (substitute day)';

/**
 * Worked out by hand for years past gov.uk's list, from Easter Sunday (2031: 13 April;
 * 2035: 25 March; 2038: 25 April; 2049: 18 April; 2050: 10 April) and the weekdays of the
 * fixed dates. Each year is chosen for a case: 2031 St Andrew's and the Boyne on a weekend;
 * 2035 the earliest Easter here and St Patrick's on a Saturday; 2038 the latest possible Easter
 * and Christmas on a Saturday; 2049 the same weekdays with another Easter; 2050 New Year on a
 * Saturday and Christmas on a Sunday (Boxing Day keeps the Monday).
 */
// prettier-ignore
export const HAND_COMPUTED: Record<number, Record<Nation, ReadonlyArray<readonly [string, string]>>> = {
  2031: {
    'england-and-wales': [
      ['01-01', NYD], ['04-11', GF], ['04-14', EM], ['05-05', EARLY], ['05-26', SPRING],
      ['08-25', SUMMER], ['12-25', XMAS], ['12-26', BOXING],
    ],
    scotland: [
      ['01-01', NYD], ['01-02', JAN2], ['04-11', GF], ['05-05', EARLY], ['05-26', SPRING],
      ['08-04', SUMMER], ['12-01', ANDREW + SUB], ['12-25', XMAS], ['12-26', BOXING],
    ],
    'northern-ireland': [
      ['01-01', NYD], ['03-17', PATRICK], ['04-11', GF], ['04-14', EM], ['05-05', EARLY],
      ['05-26', SPRING], ['07-14', BOYNE + SUB], ['08-25', SUMMER], ['12-25', XMAS],
      ['12-26', BOXING],
    ],
  },
  2035: {
    'england-and-wales': [
      ['01-01', NYD], ['03-23', GF], ['03-26', EM], ['05-07', EARLY], ['05-28', SPRING],
      ['08-27', SUMMER], ['12-25', XMAS], ['12-26', BOXING],
    ],
    scotland: [
      ['01-01', NYD], ['01-02', JAN2], ['03-23', GF], ['05-07', EARLY], ['05-28', SPRING],
      ['08-06', SUMMER], ['11-30', ANDREW], ['12-25', XMAS], ['12-26', BOXING],
    ],
    'northern-ireland': [
      ['01-01', NYD], ['03-19', PATRICK + SUB], ['03-23', GF], ['03-26', EM], ['05-07', EARLY],
      ['05-28', SPRING], ['07-12', BOYNE], ['08-27', SUMMER], ['12-25', XMAS], ['12-26', BOXING],
    ],
  },
  2038: {
    'england-and-wales': [
      ['01-01', NYD], ['04-23', GF], ['04-26', EM], ['05-03', EARLY], ['05-31', SPRING],
      ['08-30', SUMMER], ['12-27', XMAS + SUB], ['12-28', BOXING + SUB],
    ],
    scotland: [
      ['01-01', NYD], ['01-04', JAN2 + SUB], ['04-23', GF], ['05-03', EARLY], ['05-31', SPRING],
      ['08-02', SUMMER], ['11-30', ANDREW], ['12-27', XMAS + SUB], ['12-28', BOXING + SUB],
    ],
    'northern-ireland': [
      ['01-01', NYD], ['03-17', PATRICK], ['04-23', GF], ['04-26', EM], ['05-03', EARLY],
      ['05-31', SPRING], ['07-12', BOYNE], ['08-30', SUMMER], ['12-27', XMAS + SUB],
      ['12-28', BOXING + SUB],
    ],
  },
  2049: {
    'england-and-wales': [
      ['01-01', NYD], ['04-16', GF], ['04-19', EM], ['05-03', EARLY], ['05-31', SPRING],
      ['08-30', SUMMER], ['12-27', XMAS + SUB], ['12-28', BOXING + SUB],
    ],
    scotland: [
      ['01-01', NYD], ['01-04', JAN2 + SUB], ['04-16', GF], ['05-03', EARLY], ['05-31', SPRING],
      ['08-02', SUMMER], ['11-30', ANDREW], ['12-27', XMAS + SUB], ['12-28', BOXING + SUB],
    ],
    'northern-ireland': [
      ['01-01', NYD], ['03-17', PATRICK], ['04-16', GF], ['04-19', EM], ['05-03', EARLY],
      ['05-31', SPRING], ['07-12', BOYNE], ['08-30', SUMMER], ['12-27', XMAS + SUB],
      ['12-28', BOXING + SUB],
    ],
  },
  2050: {
    'england-and-wales': [
      ['01-03', NYD + SUB], ['04-08', GF], ['04-11', EM], ['05-02', EARLY], ['05-30', SPRING],
      ['08-29', SUMMER], ['12-26', BOXING], ['12-27', XMAS + SUB],
    ],
    scotland: [
      ['01-03', NYD + SUB], ['01-04', JAN2 + SUB], ['04-08', GF], ['05-02', EARLY],
      ['05-30', SPRING], ['08-01', SUMMER], ['11-30', ANDREW], ['12-26', BOXING],
      ['12-27', XMAS + SUB],
    ],
    'northern-ireland': [
      ['01-03', NYD + SUB], ['03-17', PATRICK], ['04-08', GF], ['04-11', EM], ['05-02', EARLY],
      ['05-30', SPRING], ['07-12', BOYNE], ['08-29', SUMMER], ['12-26', BOXING],
      ['12-27', XMAS + SUB],
    ],
  },
};

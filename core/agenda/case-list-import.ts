import { parseDay } from '../calendar/index.js';
import type { Agency, RiskLevel } from '../model.js';
import { formulaProblem } from '../spreadsheet/formula.js';
import {
  AGE_BANDS,
  type CaseReturnData,
  ETHNICITY_GROUPS,
  ETHNICITY_LABELS,
  REFERRAL_SOURCE_LABELS,
  REFERRAL_SOURCES,
  SEXES,
} from '../reports/case-return.js';
import type { NewCase, SubjectInput } from './agenda-repository.js';

/** FR-027 import limits, stated to the coordinator when exceeded. */
export const MAX_IMPORT_BYTES = 1_048_576;
export const MAX_IMPORT_ROWS = 300;

/** A cell as the file readers hand it over; formulas and links are never evaluated. */
export type SheetCell =
  | string
  | number
  | boolean
  | Date
  | null
  | { kind: 'formula' }
  | { kind: 'link' }
  | { kind: 'unsupported' };

export interface Sheet {
  /** Header cells of row 1. */
  headers: SheetCell[];
  /** Data rows with their spreadsheet row number (the header is row 1). */
  rows: { rowNumber: number; cells: SheetCell[] }[];
}

export interface ImportProblem {
  /** Spreadsheet row number (1 = the header row, 0 = the file as a whole). */
  row: number;
  field: string;
  message: string;
}

interface Column {
  label: string;
  required: boolean;
}

/** The columns of the case-list template, keyed by normalised header. */
export const IMPORT_COLUMNS: Record<string, Column> = {
  case_number: { label: 'Case number', required: true },
  risk_level: { label: 'Risk level', required: true },
  risk_score: { label: 'Risk score', required: false },
  referring_agency: { label: 'Referring agency', required: true },
  agencies_involved: { label: 'Agencies involved', required: false },
  referred_on: { label: 'Referred on', required: false },
  incident_on: { label: 'Incident on', required: false },
  summary: { label: 'Summary', required: true },
  victim_name: { label: 'Victim name', required: true },
  victim_dob: { label: 'Victim date of birth', required: false },
  victim_address: { label: 'Victim address', required: false },
  perpetrator_name: { label: 'Perpetrator name', required: true },
  perpetrator_dob: { label: 'Perpetrator date of birth', required: false },
  perpetrator_address: { label: 'Perpetrator address', required: false },
  children: { label: 'Children', required: false },
  repeat: { label: 'Repeat', required: false },
  planned_minutes: { label: 'Planned minutes', required: false },
  // Optional columns for the SafeLives return (core/reports/case-return.ts); blank is "not
  // collected", which the return keeps apart from a recorded "no" or 0.
  referral_source: { label: 'Referral source', required: false },
  victim_racially_minoritised: { label: 'Victim racially minoritised', required: false },
  victim_ethnic_group: { label: 'Victim ethnic group', required: false },
  victim_lgbtq: { label: 'Victim LGBTQ+', required: false },
  victim_disabled: { label: 'Victim disabled', required: false },
  victim_sex: { label: 'Victim sex', required: false },
  victim_age_band: { label: 'Victim age band', required: false },
  person_harming_under_18: { label: 'Person harming under 18', required: false },
  children_in_household: { label: 'Children in household', required: false },
};

const ALIASES: Record<string, string> = {
  victim_date_of_birth: 'victim_dob',
  perpetrator_date_of_birth: 'perpetrator_dob',
  referral_date: 'referred_on',
  incident_date: 'incident_on',
  marac_number: 'case_number',
  case_no: 'case_number',
  victim_lgbt: 'victim_lgbtq',
  victim_ethnicity: 'victim_ethnic_group',
  victim_gender: 'victim_sex',
  harmer_under_18: 'person_harming_under_18',
};

export function normaliseHeader(text: string): string {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, '_')
    .replace(/[^a-z0-9_]/g, '');
  return ALIASES[key] ?? key;
}

export interface ImportContext {
  agencies: readonly Agency[];
  /** Case numbers already on this meeting's agenda (FR-027 duplicates). */
  existingCaseNumbers: ReadonlySet<string>;
  today: string;
  defaultMinutes: number;
}

export type ImportOutcome =
  { ok: true; cases: NewCase[] } | { ok: false; problems: ImportProblem[] };

/**
 * All-or-nothing validation of an imported case list: every bad row and field is named, and
 * nothing is returned for import unless every row is good. Messages never echo a cell (it may
 * hold a name or a date of birth); they say which row, which column and what is wrong.
 */
export function validateCaseList(sheet: Sheet, ctx: ImportContext): ImportOutcome {
  const problems: ImportProblem[] = [];
  const columns = mapHeaders(sheet.headers, problems);
  if (problems.length > 0) return { ok: false, problems };
  const rows = sheet.rows.filter((r) => r.cells.some((c) => !isBlank(c)));
  if (rows.length === 0)
    return {
      ok: false,
      problems: [{ row: 0, field: 'file', message: 'The file has a header row but no cases.' }],
    };
  if (rows.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      problems: [
        {
          row: 0,
          field: 'file',
          message: `The file has ${rows.length} cases; at most ${MAX_IMPORT_ROWS} can be imported at once.`,
        },
      ],
    };
  const agencyByName = new Map(ctx.agencies.map((a) => [a.name.trim().toLowerCase(), a]));
  const firstRowOf = new Map<string, number>();
  const cases: NewCase[] = [];
  for (const row of rows) {
    const reader = new RowReader(row.rowNumber, row.cells, columns, problems);
    const parsed = readCase(reader, agencyByName, ctx);
    if (!parsed) continue;
    const key = parsed.caseNumber.toUpperCase();
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined)
      reader.problem(
        'case_number',
        `The same case number is already on row ${earlier} of this file.`,
      );
    else if ([...ctx.existingCaseNumbers].some((n) => n.toUpperCase() === key))
      reader.problem('case_number', "This case is already on this meeting's agenda.");
    else firstRowOf.set(key, row.rowNumber);
    cases.push(parsed);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cases };
}

function mapHeaders(headers: SheetCell[], problems: ImportProblem[]): Map<string, number> {
  const columns = new Map<string, number>();
  headers.forEach((cell, index) => {
    if (isBlank(cell)) return;
    if (typeof cell !== 'string') {
      problems.push({
        row: 1,
        field: `column ${index + 1}`,
        message: 'Header cells must be plain text.',
      });
      return;
    }
    const key = normaliseHeader(cell);
    if (!IMPORT_COLUMNS[key]) {
      problems.push({
        row: 1,
        field: cell.trim().slice(0, 60),
        message: `Unknown column. Use the template's columns: ${Object.values(IMPORT_COLUMNS)
          .map((c) => c.label)
          .join(', ')}.`,
      });
    } else if (columns.has(key)) {
      problems.push({
        row: 1,
        field: IMPORT_COLUMNS[key].label,
        message: 'This column appears twice.',
      });
    } else columns.set(key, index);
  });
  for (const [key, column] of Object.entries(IMPORT_COLUMNS))
    if (column.required && !columns.has(key))
      problems.push({ row: 1, field: column.label, message: 'This required column is missing.' });
  return columns;
}

function readCase(r: RowReader, agencies: Map<string, Agency>, ctx: ImportContext): NewCase | null {
  const caseNumber = r.text('case_number', { required: true, max: 40 });
  if (caseNumber && !/^[A-Za-z0-9][A-Za-z0-9/_.-]*$/.test(caseNumber))
    r.problem('case_number', 'Use letters, digits and / _ . - only.');
  const riskLevel = r.risk();
  const riskScore = r.integer('risk_score', 0, 200);
  const referring = r.agency('referring_agency', agencies, true)[0];
  const involved = r.agency('agencies_involved', agencies, false);
  const summary = r.text('summary', { required: true, max: 2000 });
  const subjects: SubjectInput[] = [];
  const victim = r.text('victim_name', { required: true, max: 200 });
  const perpetrator = r.text('perpetrator_name', { required: true, max: 200 });
  const victimDob = r.date('victim_dob', ctx.today, 'past');
  const perpetratorDob = r.date('perpetrator_dob', ctx.today, 'past');
  if (victim)
    subjects.push({
      kind: 'victim',
      fullName: victim,
      dateOfBirth: victimDob,
      address: r.text('victim_address', { max: 300 }),
    });
  if (perpetrator)
    subjects.push({
      kind: 'perpetrator',
      fullName: perpetrator,
      dateOfBirth: perpetratorDob,
      address: r.text('perpetrator_address', { max: 300 }),
    });
  subjects.push(...r.children(ctx.today));
  const referredOn = r.date('referred_on', ctx.today, 'not-future');
  const incidentOn = r.date('incident_on', ctx.today, 'not-future');
  const markedRepeat = r.yesNo('repeat');
  const plannedMinutes = r.integer('planned_minutes', 1, 120);
  const returnData = readReturnData(r, subjects);
  if (r.failed || !caseNumber || !riskLevel || !referring || !summary) return null;
  return {
    caseNumber,
    riskLevel,
    riskScore,
    referringAgencyId: referring.id,
    agenciesInvolved: involved.map((a) => a.id),
    referredOn,
    incidentOn,
    summary,
    subjects,
    markedRepeat,
    plannedMinutes: plannedMinutes ?? ctx.defaultMinutes,
    permittedPersonIds: [],
    returnData,
  };
}

/** Blank cells and "not collected" stay null; children default to the named children. */
function readReturnData(r: RowReader, subjects: SubjectInput[]): CaseReturnData {
  const named = subjects.filter((s) => s.kind === 'child').length;
  return {
    referralSource: r.choice('referral_source', REFERRAL_SOURCES, REFERRAL_SOURCE_LABELS),
    victimMinoritised: r.yesNoOrUnknown('victim_racially_minoritised'),
    victimEthnicity: r.choice('victim_ethnic_group', ETHNICITY_GROUPS, ETHNICITY_LABELS),
    victimLgbtq: r.yesNoOrUnknown('victim_lgbtq'),
    victimDisabled: r.yesNoOrUnknown('victim_disabled'),
    victimSex: r.choice('victim_sex', SEXES, { female: 'Female', male: 'Male' }),
    victimAgeBand: r.choice('victim_age_band', AGE_BANDS, {
      '16-17': '16 to 17',
      '18-24': '18 to 24',
      '25-34': '25 to 34',
      '35-44': '35 to 44',
      '45-54': '45 to 54',
      '55-64': '55 to 64',
      '65+': '65 and over',
    }),
    harmerUnder18: r.yesNoOrUnknown('person_harming_under_18'),
    childrenInHousehold: r.integer('children_in_household', 0, 30) ?? (named > 0 ? named : null),
  };
}

const NOT_COLLECTED = new Set(['not collected', 'not known', 'unknown', 'not recorded']);
const squash = (t: string) => t.toLowerCase().replace(/[^a-z0-9+]/g, '');

const RISK: Record<string, RiskLevel> = {
  very_high: 'very-high',
  veryhigh: 'very-high',
  high: 'high',
  medium: 'medium',
};

class RowReader {
  failed = false;

  constructor(
    private readonly rowNumber: number,
    private readonly cells: SheetCell[],
    private readonly columns: Map<string, number>,
    private readonly problems: ImportProblem[],
  ) {}

  problem(key: string, message: string): void {
    this.failed = true;
    this.problems.push({ row: this.rowNumber, field: IMPORT_COLUMNS[key]?.label ?? key, message });
  }

  /** The raw cell; `undefined` once a problem (formula, link, injection) has been reported. */
  private raw(key: string): string | number | boolean | Date | null | undefined {
    const index = this.columns.get(key);
    const cell = index === undefined ? null : (this.cells[index] ?? null);
    if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) {
      const what = {
        formula: 'a formula',
        link: 'a link',
        unsupported: 'content that is not plain text',
      }[cell.kind];
      this.problem(key, `The cell holds ${what}; enter plain text.`);
      return undefined;
    }
    if (typeof cell === 'string') {
      const formula = formulaProblem(cell);
      if (formula) {
        this.problem(key, `The cell holds text a spreadsheet would run. ${formula}`);
        return undefined;
      }
      return isBlank(cell) ? null : cell.trim();
    }
    return cell;
  }

  text(key: string, opts: { required?: boolean; max: number }): string | null {
    const value = this.raw(key);
    if (value === undefined) return null;
    if (value === null) {
      if (opts.required) this.problem(key, 'This field is required.');
      return null;
    }
    const text = value instanceof Date ? null : String(value);
    if (text === null) {
      this.problem(key, 'Expected text, found a date.');
      return null;
    }
    if (text.length > opts.max) this.problem(key, `At most ${opts.max} characters.`);
    return text;
  }

  risk(): RiskLevel | null {
    const value = this.text('risk_level', { required: true, max: 20 });
    if (value === null) return null;
    const risk = RISK[value.toLowerCase().replace(/[\s-]+/g, '_')];
    if (!risk) this.problem('risk_level', 'Use one of: very high, high, medium.');
    return risk ?? null;
  }

  integer(key: string, min: number, max: number): number | null {
    const value = this.raw(key);
    if (value === null || value === undefined) return null;
    const n = typeof value === 'number' ? value : Number(String(value));
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problem(key, `Expected a whole number from ${min} to ${max}.`);
      return null;
    }
    return n;
  }

  yesNo(key: string): boolean {
    const value = this.raw(key);
    if (value === null || value === undefined) return false;
    if (typeof value === 'boolean') return value;
    const text = String(value).toLowerCase();
    if (['y', 'yes', 'true', '1'].includes(text)) return true;
    if (['n', 'no', 'false', '0'].includes(text)) return false;
    this.problem(key, 'Use Y or N.');
    return false;
  }

  /** Y/N, or null when blank or "not collected". */
  yesNoOrUnknown(key: string): boolean | null {
    const value = this.raw(key);
    if (value === null || value === undefined) return null;
    if (typeof value === 'boolean') return value;
    const text = String(value).toLowerCase();
    if (NOT_COLLECTED.has(text)) return null;
    if (['y', 'yes', 'true', '1'].includes(text)) return true;
    if (['n', 'no', 'false', '0'].includes(text)) return false;
    this.problem(key, 'Use Y, N, or leave blank when not collected.');
    return null;
  }

  /** One of the listed values (by its words or short form), or null when not collected. */
  choice<T extends string>(key: string, values: readonly T[], labels: Record<T, string>): T | null {
    const text = this.text(key, { max: 100 });
    if (text === null || NOT_COLLECTED.has(text.toLowerCase())) return null;
    const wanted = squash(text);
    const found = values.find((v) => squash(v) === wanted || squash(labels[v]) === wanted);
    if (found === undefined)
      this.problem(key, `Use one of: ${values.map((v) => labels[v]).join('; ')}; or leave blank.`);
    return found ?? null;
  }

  date(key: string, today: string, rule: 'past' | 'not-future'): string | null {
    const value = this.raw(key);
    if (value === null || value === undefined) return null;
    const day = toDay(value);
    if (!day) {
      this.problem(key, 'Not a valid date: use YYYY-MM-DD or DD/MM/YYYY.');
      return null;
    }
    if (day < '1900-01-01') this.problem(key, 'The date is before 1900.');
    else if (rule === 'past' && day >= today)
      this.problem(key, 'A date of birth must be in the past.');
    else if (rule === 'not-future' && day > today) this.problem(key, 'The date is in the future.');
    return day;
  }

  agency(key: string, agencies: Map<string, Agency>, required: boolean): Agency[] {
    const value = this.text(key, { required, max: 1000 });
    if (value === null) return [];
    const found: Agency[] = [];
    for (const name of value
      .split(';')
      .map((n) => n.trim())
      .filter(Boolean)) {
      const agency = agencies.get(name.toLowerCase());
      if (agency) found.push(agency);
      else {
        this.problem(
          key,
          'No agency of this area has that name; use the names listed in Area set-up.',
        );
        return [];
      }
    }
    return found;
  }

  /** "Name (YYYY-MM-DD); Name (DD/MM/YYYY); Name" */
  children(today: string): SubjectInput[] {
    const value = this.text('children', { max: 2000 });
    if (value === null) return [];
    const children: SubjectInput[] = [];
    for (const part of value
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const match = /^(.+?)\s*(?:\(([^)]*)\))?$/.exec(part);
      const name = match?.[1]?.trim() ?? '';
      const dobText = match?.[2]?.trim();
      const dob = dobText ? toDay(dobText) : null;
      const formula = formulaProblem(name);
      if (formula) this.problem('children', `A child’s name is not plain text. ${formula}`);
      else if (!name || name.length > 200)
        this.problem('children', 'Each child needs a name of at most 200 characters.');
      else if (dobText && (!dob || dob >= today))
        this.problem(
          'children',
          'A child’s date of birth must be a past date written YYYY-MM-DD or DD/MM/YYYY.',
        );
      else children.push({ kind: 'child', fullName: name, dateOfBirth: dob, address: null });
    }
    return children;
  }
}

function toDay(value: string | number | boolean | Date): string | null {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  let day = value.trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(day);
  if (uk) day = `${uk[3]}-${uk[2]?.padStart(2, '0')}-${uk[1]?.padStart(2, '0')}`;
  try {
    return parseDay(day);
  } catch {
    return null;
  }
}

function isBlank(cell: SheetCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from './case-list-import.js';

/** One column of the downloadable case-list template, explained for the person filling it in. */
export interface TemplateColumn {
  key: string;
  /** The header exactly as the import reads it. */
  header: string;
  required: boolean;
  explanation: string;
  example: string;
}

/**
 * What each import column means and how to write it. Keyed by the import's own column keys, so
 * the template is built from IMPORT_COLUMNS (headers, order, required) and cannot drift from
 * what the import accepts; a column without an entry here still appears, with a plain note.
 */
const HELP: Record<string, { explanation: string; example: string }> = {
  case_number: {
    explanation:
      'The MARAC case reference. Letters, digits and / _ . - only, at most 40 characters; each case once per file.',
    example: 'NF-2027-0142',
  },
  risk_level: {
    explanation: 'Very high, high or medium. Cases are listed highest risk first.',
    example: 'High',
  },
  risk_score: {
    explanation: 'The risk assessment score (DASH checklist "yes" answers), a whole number.',
    example: '16',
  },
  referring_agency: {
    explanation: "The agency that referred the case, written exactly as in the area's agency list.",
    example: 'Northfield Police',
  },
  agencies_involved: {
    explanation:
      'Every other agency involved with the family, names as in the agency list, separated by semicolons (;).',
    example: 'Northfield Housing; Northfield Children’s Services',
  },
  referred_on: {
    explanation: 'The day the referral was made: YYYY-MM-DD or DD/MM/YYYY, not in the future.',
    example: '2027-02-20',
  },
  incident_on: {
    explanation: 'The day of the incident that led to the referral, same date formats.',
    example: '2027-02-18',
  },
  summary: {
    explanation:
      'A short risk summary from the referral (at most 2000 characters). Shown only in the MARAC tab.',
    example: 'Escalating threats after separation; recent breach of bail conditions.',
  },
  victim_name: { explanation: 'The victim’s full name.', example: 'Alex Example' },
  victim_dob: {
    explanation: 'The victim’s date of birth, YYYY-MM-DD or DD/MM/YYYY.',
    example: '1990-05-14',
  },
  victim_address: { explanation: 'The victim’s address, if known.', example: '1 Sample Road' },
  perpetrator_name: { explanation: 'The perpetrator’s full name.', example: 'Sam Example' },
  perpetrator_dob: {
    explanation: 'The perpetrator’s date of birth, YYYY-MM-DD or DD/MM/YYYY.',
    example: '1987-11-02',
  },
  perpetrator_address: { explanation: 'The perpetrator’s address, if known.', example: '' },
  children: {
    explanation:
      'Each child in the household as "Name (date of birth)", separated by semicolons (;). The date is optional.',
    example: 'Jo Example (2019-03-08); Max Example',
  },
  repeat: {
    explanation:
      'Y if you know the case has been to MARAC in the last 12 months, even if this system has no record of it; otherwise N or leave blank.',
    example: 'N',
  },
  planned_minutes: {
    explanation:
      "Minutes to allow for the case, 1 to 120. Leave blank for the area's usual time per case.",
    example: '15',
  },
};

/** The template's columns, in the import's order. */
export function templateColumns(): TemplateColumn[] {
  return Object.entries(IMPORT_COLUMNS).map(([key, column]) => {
    const help = HELP[key];
    return {
      key,
      header: column.label,
      required: column.required,
      explanation: help?.explanation ?? `${column.label}.`,
      example: help?.example ?? '',
    };
  });
}

/** What the screen (and the Excel sheet) says about the file as a whole. */
export function templateGuidance(agencyNames: readonly string[]): string[] {
  return [
    'Keep the first row (the column headings) as it is and add one row per case below it.',
    `Columns marked required must be filled in on every row. At most ${MAX_IMPORT_ROWS} cases per file.`,
    'Dates: YYYY-MM-DD or DD/MM/YYYY. Several agencies or children: separate them with a semicolon (;).',
    `Agency names of this area: ${agencyNames.join('; ') || 'none yet (add them in Area set-up)'}.`,
    'Type values in as plain text: formulas and links are refused.',
  ];
}

/** The CSV template: the header row only, so the file imports once rows are added. */
export function templateCsv(): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return `${templateColumns()
    .map((c) => quote(c.header))
    .join(',')}\r\n`;
}

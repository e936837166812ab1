import type { AgencySector } from '../model.js';

/**
 * The words a person reads for an agency's sector in reports and exports (STYLE.md: plain
 * English, never a slug). 'unknown' is a case whose referrer was not recorded.
 */
export const SECTOR_LABELS: Record<AgencySector | 'unknown', string> = {
  police: 'Police',
  idva: 'IDVA service',
  housing: 'Housing',
  'childrens-services': 'Children’s services',
  probation: 'Probation',
  'primary-health': 'Primary health (GP)',
  'mental-health': 'Mental health',
  'substance-misuse': 'Drug and alcohol services',
  'adult-safeguarding': 'Adult safeguarding',
  education: 'Education',
  'youth-offending': 'Youth justice',
  specialist: 'Specialist domestic abuse service',
  voluntary: 'Voluntary sector',
  other: 'Other',
  unknown: 'Not recorded',
};

export function sectorLabel(sector: string): string {
  return SECTOR_LABELS[sector as AgencySector] ?? 'Other';
}

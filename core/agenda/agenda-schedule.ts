import type { AreaPolicy } from '../area-policy.js';
import { RISK_ORDER, type RiskLevel } from '../model.js';

interface Slot {
  id: string;
  riskLevel: RiskLevel;
  plannedMinutes: number;
}

/**
 * FR-028, 004:487: highest risk first. A new case goes after the last case of the same or a
 * higher risk, so the default order is by risk while any reordering by the chair is kept.
 */
export function insertionIndex(
  items: readonly { riskLevel: RiskLevel }[],
  risk: RiskLevel,
): number {
  let index = 0;
  items.forEach((item, i) => {
    if (RISK_ORDER[item.riskLevel] <= RISK_ORDER[risk]) index = i + 1;
  });
  return index;
}

/** Highest risk first, then the higher score, then the case number: the order of an import. */
export function byRisk<
  T extends { riskLevel: RiskLevel; riskScore: number | null; caseNumber: string },
>(a: T, b: T): number {
  return (
    RISK_ORDER[a.riskLevel] - RISK_ORDER[b.riskLevel] ||
    (b.riskScore ?? -1) - (a.riskScore ?? -1) ||
    a.caseNumber.localeCompare(b.caseNumber)
  );
}

/**
 * FR-029: each case's planned start, from the meeting start plus the chair's opening (the
 * confidentiality statement and introductions, FR-045; none in a closed session) and the
 * minutes of the cases before it, so people can join for their case.
 */
export function plannedStarts<T extends Slot>(
  items: readonly T[],
  meetingStart: Date,
  openingMinutes: number,
): { id: string; position: number; plannedStart: Date }[] {
  let cursor = meetingStart.getTime() + openingMinutes * 60_000;
  return items.map((item, index) => {
    const plannedStart = new Date(cursor);
    cursor += item.plannedMinutes * 60_000;
    return { id: item.id, position: index + 1, plannedStart };
  });
}

export interface Capacity {
  caseCount: number;
  plannedMinutes: number;
  plannedEnd: Date;
  maxCases: number;
  maxSessionMinutes: number;
  warnings: string[];
}

/** FR-030: warn (never block) past the area's case or time limit, or past the meeting end. */
export function capacityOf(
  items: readonly Slot[],
  meeting: { scheduledStart: Date; scheduledEnd: Date },
  policy: Pick<AreaPolicy, 'capacity'>,
  openingMinutes: number,
): Capacity {
  const caseMinutes = items.reduce((sum, item) => sum + item.plannedMinutes, 0);
  const plannedMinutes = openingMinutes + caseMinutes;
  const plannedEnd = new Date(meeting.scheduledStart.getTime() + plannedMinutes * 60_000);
  const { maxCases, maxSessionMinutes } = policy.capacity;
  const warnings: string[] = [];
  if (items.length > maxCases)
    warnings.push(
      `${items.length} cases is more than the area's limit of ${maxCases} for one session.`,
    );
  if (plannedMinutes > maxSessionMinutes)
    warnings.push(
      `The cases need ${plannedMinutes} minutes, more than the area's limit of ${maxSessionMinutes} for one session.`,
    );
  const overrun = Math.ceil((plannedEnd.getTime() - meeting.scheduledEnd.getTime()) / 60_000);
  if (overrun > 0)
    warnings.push(`The planned cases run ${overrun} minutes past the meeting's end time.`);
  return {
    caseCount: items.length,
    plannedMinutes,
    plannedEnd,
    maxCases,
    maxSessionMinutes,
    warnings,
  };
}

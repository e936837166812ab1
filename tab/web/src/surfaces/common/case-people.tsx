/** What the case-people screens share: move-request outcomes and field-level refusals. */
import { ApiError } from '../../api/client.js';
import { ErrorBanner } from '../../shell/components.js';

export interface MoveRequest {
  id: string;
  caseNumber: string;
  position: number;
  agencyName: string;
  requestedByName: string;
  requestedAt: string;
  fromPosition: number;
  toPosition: number;
  decision: 'pending' | 'approved' | 'refused';
  decisionReason: string | null;
}

export const DECISION_LABEL: Record<MoveRequest['decision'], string> = {
  pending: 'Waiting for a decision',
  approved: 'Accepted',
  refused: 'Declined',
};

/** The message the service gave for one field of a refused form, shown under that field. */
export function fieldMessage(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problems.find((p) => p.path === path)?.message;
}

/** A refusal that named no field (those are shown next to their field instead). */
export function GeneralError({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError && error.problems.some((p) => p.path)) return null;
  return <ErrorBanner error={error} />;
}

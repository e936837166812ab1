/**
 * Stable error codes (STYLE.md "Errors and logs"). Expected outcomes are return values; a
 * DomainError is thrown when a rule refuses a request, and the edges (HTTP error middleware,
 * the bot's turn-error handler, the job runner) turn the code into a status and a plain message.
 */
export const ERROR_CODES = {
  // Input and lookup
  VALIDATION_FAILED: 'The request is not valid.',
  NOT_FOUND: 'That record does not exist.',
  CONFLICT: 'The record was changed by someone else; reload and try again.',
  // Identity and access (REQUIREMENTS.md §1.2)
  UNAUTHENTICATED: 'Sign in to continue.',
  FORBIDDEN: 'Your role does not allow this.',
  NOT_A_MEMBER: 'Your account is not registered with this MARAC area.',
  CASE_NOT_VISIBLE: 'You are not entitled to see this case.',
  DECLARATION_REQUIRED: 'Accept the confidentiality declaration before viewing case content.',
  // Agencies and circulation (FR-107, IS-01)
  AGENCY_NOT_SIGNATORY: 'The agency has no complete information-sharing signatory record.',
  RECIPIENT_NOT_ALLOWED: 'That recipient is not on the secure allow-list.',
  // Scheduling and agenda
  NOTICE_REASON_REQUIRED: 'A change inside the notice period needs a reason.',
  REORDER_LIMIT_REACHED: 'This agency has already had two cases moved today.',
  DUPLICATE_CASE_NUMBER: 'That case number is already on the agenda.',
  IMPORT_REJECTED: 'The case list was not imported: fix the listed rows and try again.',
  MEETING_NOT_READY: 'The meeting has not been fully set up in Teams.',
  // Actions (FR-071..FR-079)
  ACTION_NOT_OWNED: 'Only the owning agency can close this action.',
  EVIDENCE_REQUIRED: 'This area requires completion detail before an action is closed.',
  REASON_REQUIRED: 'A reason is required.',
  DUE_DATE_IN_PAST: 'The due date is in the past.',
  INVALID_STATE: 'That change is not possible in the current state.',
  PERPETRATOR_WARNING_NOT_ACKNOWLEDGED: 'Acknowledge the perpetrator-action warning first.',
  // Infrastructure surfaced to users
  UPSTREAM_FAILED: 'Microsoft 365 did not accept the request; it will be retried.',
  CONSENT_REQUIRED: 'Microsoft 365 needs your consent first: sign in again to grant it.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class DomainError extends Error {
  readonly code: ErrorCode;
  /** Safe, non-personal detail for the client (e.g. the rows and fields of a rejected import). */
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_CODES[code]);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

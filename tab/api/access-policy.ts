import { ROLES, type Role } from '../../core/roles.js';
import type { ScopedRecord } from '../../core/ports/area-scope.js';

/**
 * Relationships beyond the role that decide access (REQUIREMENTS.md §1.2, FR-046, FR-100,
 * IS-01, IS-13). The gate in front of every route enforces `same-area` and `meeting-lead`; the
 * use case named in `enforcedBy` enforces the rest, because they need the record's details.
 */
export type Relationship =
  | 'same-area' // every record named in the path belongs to the caller's area (else 404)
  | 'meeting-lead' // the meeting's named chair, deputy or delegate chair passes without the role
  | 'invited' // invited to the meeting (or its closed session)
  | 'signatory-agency' // the caller's agency has a complete information-sharing record
  | 'declaration' // the confidentiality declaration for the meeting is accepted
  | 'closed-session-permitted' // closed-session cases only for the people listed on them
  | 'meeting-in-progress' // observers: only while the meeting actually runs
  | 'own-agency' // the record belongs to (or is shared with) the caller's agency
  | 'own-record'; // the caller is the record's owner

export interface RoutePolicy {
  /** Roles let past the gate; any other signed-in person gets 403 before the handler runs. */
  roles: readonly Role[];
  /** Path parameters naming records that must be in the caller's area (404 otherwise). */
  scope?: Readonly<Record<string, ScopedRecord>>;
  /** Path parameter naming a meeting whose named leads pass the gate without the role. */
  leadOf?: string;
  relationships: readonly Relationship[];
  /** The use case (or route) that applies the relationships the gate does not. */
  enforcedBy?: string;
  /** What a refused role is told, where the tab shows it (default: a general refusal). */
  refusal?: string;
}

const EVERY_MEMBER: readonly Role[] = ROLES;
const COORDINATOR: readonly Role[] = ['coordinator'];
const CHAIRS: readonly Role[] = ['chair', 'deputy-chair'];
const LEADS: readonly Role[] = ['coordinator', 'chair', 'deputy-chair'];
const AGENCY_VOICE: readonly Role[] = ['representative', 'deputy', 'idva'];
/** Case content: leads, agency voices, observers (during the meeting), people listed on a case. */
const CASE_READERS: readonly Role[] = [
  ...LEADS,
  ...AGENCY_VOICE,
  'observer',
  'keyworker',
  'referrer',
];
/** Case-level actions: never the steering group (aggregates only, R9) or observers (R8). */
const ACTION_READERS: readonly Role[] = [...LEADS, ...AGENCY_VOICE, 'referrer'];
/** Minutes: leads and invited agency voices; not observers, keyworkers or steering (§1.2). */
const MINUTES_READERS: readonly Role[] = [...LEADS, ...AGENCY_VOICE];
const REPORT_READERS: readonly Role[] = [...LEADS, 'steering'];

const meeting = { meetingId: 'meeting' } as const;
const NO_CASE_LISTS = 'Your role does not include seeing case lists.';
const AREA = ['same-area'] as const;

/**
 * Default deny: every tab API route (method and full path) has exactly one row here, and
 * `policyRouter` refuses to register a route without one, so the service cannot start with an
 * unguarded route. test/access/route-matrix.test.ts checks the running app against this table.
 */
export const ACCESS_POLICY = {
  'GET /api/me': { roles: EVERY_MEMBER, relationships: [] },

  'GET /api/area': { roles: EVERY_MEMBER, relationships: AREA },
  'PATCH /api/area/policy': { roles: COORDINATOR, relationships: AREA },
  'GET /api/area/agencies': { roles: EVERY_MEMBER, relationships: AREA },
  'POST /api/area/agencies': { roles: COORDINATOR, relationships: AREA },
  'PATCH /api/area/agencies/:agencyId': {
    roles: COORDINATOR,
    scope: { agencyId: 'agency' },
    relationships: AREA,
  },
  'PUT /api/area/agencies/:agencyId/nominations': {
    roles: COORDINATOR,
    scope: { agencyId: 'agency' },
    relationships: AREA,
  },
  'GET /api/area/people': { roles: COORDINATOR, relationships: AREA },
  'POST /api/area/people': { roles: COORDINATOR, relationships: AREA },
  'PATCH /api/area/people/:personId': {
    roles: COORDINATOR,
    scope: { personId: 'person' },
    relationships: AREA,
  },

  'GET /api/meetings': {
    roles: EVERY_MEMBER,
    relationships: ['same-area', 'invited'],
    enforcedBy: 'meetings route: closed sessions only for invitees and leads',
  },
  'GET /api/meetings/:meetingId': {
    roles: EVERY_MEMBER,
    scope: meeting,
    relationships: ['same-area', 'invited'],
    enforcedBy: 'meetings route: closed sessions only for invitees and leads',
  },
  'POST /api/meetings/series': { roles: COORDINATOR, relationships: AREA },
  'POST /api/meetings': { roles: COORDINATOR, relationships: AREA },
  'POST /api/meetings/:meetingId/closed-sessions': {
    roles: COORDINATOR,
    scope: meeting,
    relationships: AREA,
  },
  'POST /api/meetings/:meetingId/reschedule': {
    roles: COORDINATOR,
    scope: meeting,
    relationships: AREA,
  },
  'POST /api/meetings/:meetingId/cancel': {
    roles: COORDINATOR,
    scope: meeting,
    relationships: AREA,
  },
  'POST /api/meetings/:meetingId/retry-setup': {
    roles: COORDINATOR,
    scope: meeting,
    relationships: AREA,
  },

  'GET /api/meetings/:meetingId/agenda': { roles: LEADS, scope: meeting, relationships: AREA },
  'POST /api/meetings/:meetingId/agenda': {
    roles: COORDINATOR,
    scope: meeting,
    relationships: AREA,
  },
  'POST /api/meetings/:meetingId/agenda/import': {
    roles: COORDINATOR,
    scope: meeting,
    relationships: AREA,
  },
  'PATCH /api/meetings/:meetingId/agenda/:itemId': {
    roles: COORDINATOR,
    scope: { meetingId: 'meeting', itemId: 'agenda-item' },
    relationships: AREA,
  },
  'POST /api/meetings/:meetingId/agenda/:itemId/move': {
    roles: CHAIRS,
    scope: { meetingId: 'meeting', itemId: 'agenda-item' },
    relationships: AREA,
  },
  'POST /api/meetings/:meetingId/agenda/:itemId/move-requests': {
    roles: AGENCY_VOICE,
    scope: { meetingId: 'meeting', itemId: 'agenda-item' },
    relationships: ['same-area', 'invited', 'signatory-agency', 'own-agency'],
    enforcedBy: 'checkAccess (core/circulation/case-list.ts), requestMove',
  },
  'GET /api/meetings/:meetingId/move-requests': {
    roles: LEADS,
    scope: meeting,
    relationships: AREA,
  },
  'POST /api/meetings/:meetingId/move-requests/:moveId/decision': {
    roles: CHAIRS,
    scope: { meetingId: 'meeting', moveId: 'move' },
    relationships: AREA,
    enforcedBy: 'decideMove (core/agenda/reorder.ts)',
  },

  // People invited for one case, reps' own apologies, and decisions on move requests
  // (tab/api/routes/case-people.ts, core/case-people/).
  'GET /api/meetings/:meetingId/case-people': { roles: LEADS, scope: meeting, relationships: AREA },
  'POST /api/meetings/:meetingId/agenda/:itemId/case-people': {
    roles: COORDINATOR,
    scope: { meetingId: 'meeting', itemId: 'agenda-item' },
    relationships: AREA,
  },
  'GET /api/meetings/:meetingId/my-cases': {
    refusal: NO_CASE_LISTS,
    roles: CASE_READERS,
    scope: meeting,
    relationships: ['same-area', 'own-record'],
    enforcedBy: 'myCases (core/case-people/case-people.ts): only the caller’s own invitations',
  },
  'POST /api/meetings/:meetingId/my-cases/:itemId/declaration': {
    refusal: NO_CASE_LISTS,
    roles: CASE_READERS,
    scope: { meetingId: 'meeting', itemId: 'agenda-item' },
    relationships: ['same-area', 'own-record', 'signatory-agency'],
    enforcedBy: 'acceptCaseDeclaration (core/case-people/case-people.ts)',
  },
  'GET /api/meetings/:meetingId/my-cases/:itemId': {
    refusal: NO_CASE_LISTS,
    roles: CASE_READERS,
    scope: { meetingId: 'meeting', itemId: 'agenda-item' },
    relationships: ['same-area', 'own-record', 'signatory-agency', 'declaration'],
    enforcedBy: 'viewOwnCase (core/case-people/case-people.ts): another case is not found',
  },
  'GET /api/meetings/:meetingId/apologies': { roles: LEADS, scope: meeting, relationships: AREA },
  'GET /api/meetings/:meetingId/my-apology': {
    roles: AGENCY_VOICE,
    scope: meeting,
    relationships: ['same-area', 'invited', 'signatory-agency', 'own-agency'],
    enforcedBy: 'myApology (core/case-people/pre-meeting-actions.ts)',
  },
  'POST /api/meetings/:meetingId/my-apology': {
    roles: AGENCY_VOICE,
    scope: meeting,
    relationships: ['same-area', 'invited', 'signatory-agency', 'own-agency'],
    enforcedBy: 'sendApologies (core/case-people/pre-meeting-actions.ts)',
  },
  'GET /api/meetings/:meetingId/my-move-requests': {
    roles: AGENCY_VOICE,
    scope: meeting,
    relationships: ['same-area', 'invited', 'signatory-agency', 'own-agency'],
    enforcedBy: 'myMoveRequests (core/case-people/pre-meeting-actions.ts)',
  },
  'GET /api/meetings/:meetingId/move-decisions': {
    roles: LEADS,
    scope: meeting,
    relationships: AREA,
  },
  'POST /api/meetings/:meetingId/move-requests/:moveId/accept': {
    roles: LEADS,
    scope: { meetingId: 'meeting', moveId: 'move' },
    relationships: AREA,
    enforcedBy: 'decideMove (core/agenda/reorder.ts)',
  },
  'POST /api/meetings/:meetingId/move-requests/:moveId/decline': {
    roles: LEADS,
    scope: { meetingId: 'meeting', moveId: 'move' },
    relationships: AREA,
    enforcedBy: 'declineMove (core/case-people/pre-meeting-actions.ts)',
  },

  'GET /api/meetings/:meetingId/declaration': {
    refusal: NO_CASE_LISTS,
    roles: CASE_READERS,
    scope: meeting,
    relationships: ['same-area', 'invited', 'signatory-agency', 'meeting-in-progress'],
    enforcedBy: 'checkAccess (core/circulation/case-list.ts)',
  },
  'POST /api/meetings/:meetingId/declaration': {
    refusal: NO_CASE_LISTS,
    roles: CASE_READERS,
    scope: meeting,
    relationships: ['same-area', 'invited', 'signatory-agency', 'meeting-in-progress'],
    enforcedBy: 'checkAccess (core/circulation/case-list.ts)',
  },
  'GET /api/meetings/:meetingId/case-list': {
    refusal: NO_CASE_LISTS,
    roles: CASE_READERS,
    scope: meeting,
    relationships: [
      'same-area',
      'invited',
      'signatory-agency',
      'declaration',
      'closed-session-permitted',
      'meeting-in-progress',
    ],
    enforcedBy: 'viewCaseList (core/circulation/case-list.ts)',
  },
  'POST /api/meetings/:meetingId/case-list/export': {
    roles: COORDINATOR,
    scope: meeting,
    relationships: AREA,
    enforcedBy: 'exportCaseList (core/circulation/export-case-list.ts)',
  },
  'GET /api/meetings/:meetingId/circulation': { roles: LEADS, scope: meeting, relationships: AREA },
  'POST /api/meetings/:meetingId/circulation': {
    roles: COORDINATOR,
    scope: meeting,
    relationships: AREA,
  },
  'GET /api/meetings/:meetingId/research': {
    refusal: NO_CASE_LISTS,
    roles: CASE_READERS,
    scope: meeting,
    relationships: ['same-area', 'invited', 'signatory-agency', 'closed-session-permitted'],
    enforcedBy: 'researchStatusCounts (core/research/research-service.ts)',
  },
  'GET /api/meetings/:meetingId/research/mine': {
    roles: AGENCY_VOICE,
    scope: meeting,
    relationships: [
      'same-area',
      'invited',
      'signatory-agency',
      'declaration',
      'closed-session-permitted',
      'own-agency',
    ],
    enforcedBy: 'agencyResearch (core/research/research-service.ts)',
  },
  'PUT /api/meetings/:meetingId/research/cases/:itemId': {
    roles: AGENCY_VOICE,
    scope: { meetingId: 'meeting', itemId: 'agenda-item' },
    relationships: [
      'same-area',
      'invited',
      'signatory-agency',
      'declaration',
      'closed-session-permitted',
      'own-agency',
    ],
    enforcedBy: 'returnResearch (core/research/research-service.ts)',
  },
  'GET /api/meetings/:meetingId/research/grid': {
    roles: LEADS,
    scope: meeting,
    leadOf: 'meetingId',
    relationships: AREA,
    enforcedBy: 'researchGridView (core/research/research-service.ts)',
  },
  'GET /api/meetings/:meetingId/research/cases/:itemId': {
    roles: LEADS,
    scope: { meetingId: 'meeting', itemId: 'agenda-item' },
    leadOf: 'meetingId',
    relationships: AREA,
    enforcedBy: 'caseResearch (core/research/research-service.ts)',
  },

  'GET /api/meetings/:meetingId/attendance': { roles: LEADS, scope: meeting, relationships: AREA },
  'POST /api/meetings/:meetingId/attendance/attest': {
    roles: CHAIRS,
    scope: meeting,
    relationships: AREA,
  },
  'POST /api/meetings/:meetingId/apologies': { roles: LEADS, scope: meeting, relationships: AREA },
  'POST /api/meetings/:meetingId/attendance/unmatched/:unmatchedId/match': {
    roles: COORDINATOR,
    scope: meeting,
    relationships: AREA,
    enforcedBy: 'matchUnknownJoiner (core/attendance/match-joiner.ts)',
  },

  'GET /api/meetings/:meetingId/run': { roles: LEADS, scope: meeting, relationships: AREA },
  'POST /api/meetings/:meetingId/run/checklist': {
    roles: CHAIRS,
    scope: meeting,
    leadOf: 'meetingId',
    relationships: ['same-area', 'meeting-lead'],
  },
  'POST /api/meetings/:meetingId/run/start-case': {
    roles: CHAIRS,
    scope: meeting,
    leadOf: 'meetingId',
    relationships: ['same-area', 'meeting-lead'],
  },
  'POST /api/meetings/:meetingId/run/close-case': {
    roles: CHAIRS,
    scope: meeting,
    leadOf: 'meetingId',
    relationships: ['same-area', 'meeting-lead'],
  },
  'POST /api/meetings/:meetingId/run/end': {
    roles: CHAIRS,
    scope: meeting,
    leadOf: 'meetingId',
    relationships: ['same-area', 'meeting-lead'],
  },
  'POST /api/meetings/:meetingId/run/actions/:actionId/:verb': {
    roles: CHAIRS,
    scope: { meetingId: 'meeting', actionId: 'action' },
    leadOf: 'meetingId',
    relationships: ['same-area', 'meeting-lead'],
  },

  'GET /api/meetings/:id/minutes': {
    roles: MINUTES_READERS,
    scope: { id: 'meeting' },
    relationships: [
      'same-area',
      'invited',
      'signatory-agency',
      'declaration',
      'closed-session-permitted',
    ],
    enforcedBy: 'checkMinutesAccess (core/minutes/minutes-access.ts)',
  },
  'GET /api/meetings/:id/minutes.docx': {
    roles: MINUTES_READERS,
    scope: { id: 'meeting' },
    relationships: [
      'same-area',
      'invited',
      'signatory-agency',
      'declaration',
      'closed-session-permitted',
    ],
    enforcedBy: 'checkMinutesAccess, and the area policy allows download',
  },
  'PUT /api/meetings/:id/minutes/cases/:itemId': {
    roles: LEADS,
    scope: { id: 'meeting', itemId: 'agenda-item' },
    leadOf: 'id',
    relationships: ['same-area', 'meeting-lead'],
    enforcedBy: 'recordCaseMinutes (core/minutes/minutes-workflow.ts)',
  },
  'POST /api/meetings/:id/minutes/submit': {
    roles: COORDINATOR,
    scope: { id: 'meeting' },
    relationships: AREA,
  },
  'POST /api/meetings/:id/minutes/decision': {
    roles: CHAIRS,
    scope: { id: 'meeting' },
    leadOf: 'id',
    relationships: ['same-area', 'meeting-lead'],
    enforcedBy: 'decideMinutes (core/minutes/minutes-workflow.ts)',
  },
  'POST /api/meetings/:id/minutes/circulate': {
    roles: COORDINATOR,
    scope: { id: 'meeting' },
    relationships: AREA,
  },
  'POST /api/meetings/:id/minutes/addenda': {
    roles: LEADS,
    scope: { id: 'meeting' },
    leadOf: 'id',
    relationships: ['same-area', 'meeting-lead'],
  },
  'GET /api/agencies/:id/extract': {
    roles: ACTION_READERS,
    scope: { id: 'agency' },
    relationships: ['same-area', 'own-agency'],
    enforcedBy: 'extract route: the agency’s own people and the leads',
  },

  'GET /api/actions': {
    roles: ACTION_READERS,
    relationships: ['same-area', 'own-agency', 'invited'],
    enforcedBy: 'listActionsFor (core/actions/action-service.ts)',
  },
  'POST /api/actions/chase': { roles: COORDINATOR, relationships: AREA },
  'GET /api/actions/:id': {
    roles: ACTION_READERS,
    scope: { id: 'action' },
    relationships: ['same-area', 'own-agency', 'invited'],
    enforcedBy: 'getActionFor (core/actions/action-service.ts)',
  },
  'POST /api/actions/:id/complete': {
    roles: [...AGENCY_VOICE, 'referrer'],
    scope: { id: 'action' },
    relationships: ['same-area', 'own-agency'],
    enforcedBy: 'closeAction (core/actions/action-service.ts)',
  },
  'POST /api/actions/:id/not-achievable': {
    roles: [...AGENCY_VOICE, 'referrer'],
    scope: { id: 'action' },
    relationships: ['same-area', 'own-agency'],
    enforcedBy: 'closeAction (core/actions/action-service.ts)',
  },
  'POST /api/actions/:id/record-confirmation': {
    roles: COORDINATOR,
    scope: { id: 'action' },
    relationships: AREA,
  },

  'GET /api/reports/attendance': { roles: REPORT_READERS, relationships: AREA },
  'GET /api/reports/governance': { roles: REPORT_READERS, relationships: AREA },
  // The steering group's quarterly pack (aggregates only; core/reports/steering-pack.ts).
  'GET /api/reports/steering-pack': { roles: REPORT_READERS, relationships: AREA },
  'GET /api/reports/steering-pack.docx': { roles: REPORT_READERS, relationships: AREA },
  'GET /api/reports/steering-pack.xlsx': { roles: REPORT_READERS, relationships: AREA },
  'GET /api/reports/population': { roles: COORDINATOR, relationships: AREA },
  'PUT /api/reports/population': { roles: COORDINATOR, relationships: AREA },
  'GET /api/audit': { roles: COORDINATOR, relationships: AREA },
  'GET /api/outbox/attention': { roles: COORDINATOR, relationships: AREA },
  'POST /api/outbox/:outboxId/resend': {
    roles: COORDINATOR,
    scope: { outboxId: 'outbox-mail' },
    relationships: AREA,
    enforcedBy: 'resendMail',
  },
  'GET /api/area/directory': { roles: COORDINATOR, relationships: AREA },
  'GET /api/area/sign-in-refusals': { roles: COORDINATOR, relationships: AREA },
  'GET /api/area/case-reviews': { roles: COORDINATOR, relationships: AREA },
  'GET /api/area/directory/groups': { roles: COORDINATOR, relationships: AREA },
  'GET /api/area/directory/groups/:groupId/members': { roles: COORDINATOR, relationships: AREA },
  'POST /api/area/people/from-group': { roles: COORDINATOR, relationships: AREA },
  'PUT /api/area/confidentiality-statement': { roles: COORDINATOR, relationships: AREA },
  'POST /api/area/agencies/:agencyId/withdraw': {
    roles: COORDINATOR,
    scope: { agencyId: 'agency' },
    relationships: AREA,
  },
  // The SafeLives data return (FR-118): per-case data on the agenda, coordinator only.
  'GET /api/meetings/:meetingId/case-return': {
    roles: COORDINATOR,
    scope: meeting,
    relationships: AREA,
    enforcedBy: 'listCaseReturns (core/reports/case-return-service.ts)',
  },
  'PUT /api/meetings/:meetingId/case-return/:itemId': {
    roles: COORDINATOR,
    scope: { meetingId: 'meeting', itemId: 'agenda-item' },
    relationships: AREA,
    enforcedBy: 'saveCaseReturn (core/reports/case-return-service.ts)',
  },
  'GET /api/reports/safelives-return': {
    roles: COORDINATOR,
    relationships: AREA,
    enforcedBy: 'safeLivesReturn (core/reports/safelives-return.ts)',
  },
  'GET /api/reports/safelives-return.xlsx': {
    roles: COORDINATOR,
    relationships: AREA,
    enforcedBy: 'safeLivesReturn (core/reports/safelives-return.ts)',
  },
  'POST /api/meetings/series/preview': { roles: COORDINATOR, relationships: AREA },
  'PUT /api/meetings/:meetingId/leads': { roles: COORDINATOR, scope: meeting, relationships: AREA },
  'POST /api/meetings/:meetingId/agenda/:itemId/position': {
    roles: COORDINATOR,
    scope: { meetingId: 'meeting', itemId: 'agenda-item' },
    relationships: AREA,
  },
  'POST /api/meetings/:meetingId/agenda/:itemId/defer': {
    roles: COORDINATOR,
    scope: { meetingId: 'meeting', itemId: 'agenda-item' },
    relationships: AREA,
  },
  'POST /api/meetings/:meetingId/agenda/:itemId/remove': {
    roles: COORDINATOR,
    scope: { meetingId: 'meeting', itemId: 'agenda-item' },
    relationships: AREA,
  },
  'GET /api/meetings/:meetingId/agenda/template': {
    roles: COORDINATOR,
    scope: meeting,
    relationships: AREA,
  },
  // Spreadsheet and CSV exports: the same entitlement as each screen's JSON route.
  'GET /api/exports/actions': {
    roles: ACTION_READERS,
    relationships: ['same-area', 'own-agency'],
    enforcedBy:
      'exportActionRegister (core/exports/export-service.ts): the leads the area, others their own agency',
  },
  'GET /api/exports/meetings/:meetingId/attendance': {
    roles: LEADS,
    scope: meeting,
    relationships: AREA,
    enforcedBy: 'exportAttendance (core/exports/export-service.ts)',
  },
  'GET /api/exports/attendance': {
    roles: LEADS,
    relationships: AREA,
    enforcedBy: 'exportPeriodAttendance (core/exports/period-attendance.ts)',
  },
  'GET /api/exports/audit': { roles: COORDINATOR, relationships: AREA },

  // The coordinator's controls over chasing (core/chasing/chase-controls.ts).
  'GET /api/chasing/blocked': { roles: COORDINATOR, relationships: AREA },
  'GET /api/chasing/actions/:id': {
    roles: LEADS,
    scope: { id: 'action' },
    relationships: AREA,
    enforcedBy: 'chaseHistory (core/chasing/chase-controls.ts)',
  },
  'POST /api/chasing/actions/:id/pause': {
    roles: COORDINATOR,
    scope: { id: 'action' },
    relationships: AREA,
  },
  'POST /api/chasing/actions/:id/resume': {
    roles: COORDINATOR,
    scope: { id: 'action' },
    relationships: AREA,
  },
  'POST /api/chasing/actions/:id/extend': {
    roles: COORDINATOR,
    scope: { id: 'action' },
    relationships: AREA,
  },
  'GET /api/chasing/volunteered': { roles: LEADS, relationships: AREA },
  'POST /api/chasing/actions/:id/decide': {
    roles: CHAIRS,
    scope: { id: 'action' },
    relationships: AREA,
    enforcedBy: 'decideVolunteered (core/chasing/volunteered.ts)',
  },
  // Replies to chasers in the MARAC mailbox (core/chasing/chase-replies.ts): the coordinator's.
  'GET /api/chasing/replies': { roles: COORDINATOR, relationships: AREA },
  'POST /api/chasing/replies/:replyId/complete': {
    roles: COORDINATOR,
    scope: { replyId: 'chase-reply' },
    relationships: AREA,
  },
  'POST /api/chasing/replies/:replyId/dismiss': {
    roles: COORDINATOR,
    scope: { replyId: 'chase-reply' },
    relationships: AREA,
  },
} as const satisfies Record<string, RoutePolicy>;

export type PolicyKey = keyof typeof ACCESS_POLICY;

/**
 * Routes outside the tab API authenticate differently; the route test checks every other
 * registered route falls under one of these, so a new entry point cannot appear unnoticed.
 */
export const OTHER_ENTRY_POINTS: readonly { prefix: string; policy: string }[] = [
  { prefix: '/api/messages', policy: 'Bot Framework token (bot/messages-route.ts)' },
  { prefix: '/api/calling', policy: 'Bot Framework token on calling notifications' },
  { prefix: '/api/demo', policy: 'demo mode only: sign in as a seeded fictional person' },
  { prefix: '/api/client-config', policy: 'public: sign-in settings, no secret or case data' },
  { prefix: '/sim', policy: 'demo mode only: the simulated Microsoft 365 tenant' },
  { prefix: '/healthz', policy: 'public: liveness, no data' },
  { prefix: '/readyz', policy: 'public: readiness, no data' },
];

import type { AreaPolicy } from '../area-policy.js';
import type { AgencySector, MembershipStatus } from '../model.js';
import type { Role } from '../roles.js';

export interface AgencyInput {
  name: string;
  shortName?: string | null;
  sector: AgencySector;
  isCore: boolean;
  membershipStatus: MembershipStatus;
  signatoryName?: string | null;
  signatoryAuthorityConfirmed?: boolean;
  signatorySignedOn?: string | null;
  signatoryReviewDueOn?: string | null;
  dpoName?: string | null;
  dpoEmail?: string | null;
  icoRegistration?: string | null;
  escalationContactName?: string | null;
  escalationContactEmail?: string | null;
}

export interface PersonInput {
  displayName: string;
  email: string;
  agencyId: string | null;
  jobTitle?: string | null;
  roles: Role[];
  entraObjectId?: string | null;
  entraTenantId?: string | null;
  isActive?: boolean;
}

/** Writes of area set-up (store/area-setup-store.ts). */
export interface AreaSetupRepository {
  insertAgency(areaId: string, input: AgencyInput, now: Date): Promise<string>;
  updateAgency(agencyId: string, input: Partial<AgencyInput>, now: Date): Promise<void>;
  insertPerson(areaId: string, input: PersonInput, now: Date): Promise<string>;
  updatePerson(personId: string, input: Partial<PersonInput>, now: Date): Promise<void>;
  /** The agency's nominated representative and deputy: one of each, roles adjusted. */
  setNominations(
    agencyId: string,
    representativeId: string,
    deputyId: string | null,
    now: Date,
  ): Promise<void>;
  /** Withdraws the agency, recording whether its MARAC information was destroyed or returned. */
  withdrawAgency(
    agencyId: string,
    outcome: 'destroyed' | 'returned',
    confirmedOn: string,
    now: Date,
  ): Promise<void>;
  nominationsOf(
    agencyId: string,
  ): Promise<{ representativeId: string | null; deputyIds: string[] }>;
  updatePolicy(areaId: string, policy: AreaPolicy, now: Date): Promise<void>;
  updateConfidentialityStatement(areaId: string, statement: string, now: Date): Promise<void>;
  emailTaken(areaId: string, email: string, exceptPersonId?: string): Promise<boolean>;
  /** Whether the person may sign in (null when there is no such person). */
  personActive(personId: string): Promise<boolean | null>;
  /** Someone (in any area, active or not) already has this Entra identity. */
  entraTaken(tenantId: string, objectId: string, exceptPersonId?: string): Promise<boolean>;
  agencyNameTaken(areaId: string, name: string, exceptAgencyId?: string): Promise<boolean>;
  /** Agencies not withdrawn whose information-sharing agreement has a review date. */
  signatoryReviews(
    areaId: string,
  ): Promise<{ agencyId: string; name: string; reviewDueOn: string }[]>;
  /**
   * Cases heard (started and closed, or on the agenda of a meeting that ended) with the last
   * day they were heard, area local time, for those last heard on or after `since`.
   */
  lastHeard(
    areaId: string,
    since: string,
  ): Promise<{ caseId: string; caseReference: string; lastHeardOn: string }[]>;
  /** Active coordinators of the area, to remind. */
  coordinators(areaId: string): Promise<{ personId: string; email: string; displayName: string }[]>;
}

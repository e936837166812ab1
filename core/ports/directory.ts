import type { Agency, Area, Person } from '../model.js';

/**
 * The area's directory as the product reads it (DESIGN.md names this port): the area and its
 * policy, agencies, people and their roles, and the sign-ins that matched nobody. The store
 * (store/directory-store.ts) implements it; routes and use cases name this, never the store.
 */
export interface Directory {
  getArea(areaId: string): Promise<Area | null>;
  findPersonByEntraId(tenantId: string, objectId: string): Promise<Person | null>;
  getPerson(personId: string): Promise<Person | null>;
  listPeople(areaId: string): Promise<Person[]>;
  listPeopleForAdmin(areaId: string): Promise<AdminPerson[]>;
  findAnyPersonByEntraId(tenantId: string, objectId: string): Promise<AdminPerson | null>;
  recordRefusedSignIn(tenantId: string, objectId: string, now: Date): Promise<void>;
  listRefusedSignIns(areaId: string, limit?: number): Promise<RefusedSignIn[]>;
  listAgenciesForAdmin(areaId: string): Promise<AdminAgency[]>;
  listAgencies(areaId: string): Promise<Agency[]>;
  getAgency(agencyId: string): Promise<Agency | null>;
}

export interface AdminPerson extends Person {
  isActive: boolean;
  jobTitle: string | null;
}

export interface AdminAgency extends Agency {
  shortName: string | null;
  signatoryReviewDueOn: string | null;
  icoRegistration: string | null;
  escalationContactName: string | null;
  membershipChangedOn: string | null;
  withdrawalDataOutcome: 'destroyed' | 'returned' | null;
  withdrawalDataConfirmedOn: string | null;
  nominationsChangedOn: string | null;
}

export interface RefusedSignIn {
  objectId: string;
  lastAttemptAt: string;
  reason: 'not-registered' | 'deactivated';
  attempts: number;
}

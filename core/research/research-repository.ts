import type { CirculationRepos } from '../circulation/circulation-deps.js';
import type { Clock } from '../ports/clock.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { TabLinks } from '../scheduling/scheduling-deps.js';
import type { ResearchStatus } from './research-rules.js';

/** One agency's return for one case; its text is null once destroyed (`purgedAt`). */
export interface ResearchReturnRecord {
  id: string;
  agendaItemId: string;
  agencyId: string;
  status: ResearchStatus;
  information: string | null;
  reason: string | null;
  restrictions: string | null;
  researchedOn: string | null;
  contributorPersonId: string | null;
  submittedAt: Date;
  updatedAt: Date | null;
  purgedAt: Date | null;
}

export interface SaveResearchReturn {
  agendaItemId: string;
  agencyId: string;
  contributorPersonId: string;
  status: ResearchStatus;
  information: string | null;
  reason: string | null;
  restrictions: string | null;
  researchedOn: string;
}

/** Research returns (store/research-store.ts). */
export interface ResearchRepository {
  listForItems(agendaItemIds: string[]): Promise<ResearchReturnRecord[]>;
  /** Inserts or replaces the agency's return for the case; `created` is false on a change. */
  save(r: SaveResearchReturn, now: Date): Promise<{ id: string; created: boolean }>;
}

export interface ResearchRepos extends CirculationRepos {
  research: ResearchRepository;
}

export interface ResearchDeps {
  clock: Clock;
  repos: ResearchRepos;
  uow: UnitOfWork<ResearchRepos>;
  links: TabLinks;
}

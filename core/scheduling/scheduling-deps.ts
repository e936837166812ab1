import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { MeetingScheduler } from '../ports/meeting-scheduler.js';
import type { Outbox } from '../ports/outbox.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { DirectoryReader, MeetingRepository } from './meeting-repository.js';

/** Repositories bound to one transaction. */
export interface SchedulingRepos {
  meetings: MeetingRepository;
  directory: DirectoryReader;
  outbox: Outbox;
  audit: AuditLog;
}

/** Links into the tab that outbound content may carry instead of any case content. */
export interface TabLinks {
  meeting(meetingId: string): string;
  caseList(meetingId: string): string;
  /** Any page of the tab, e.g. `coordinator/area` (the coordinator's Agencies screen). */
  page?(path: string): string;
}

export interface SchedulingDeps {
  clock: Clock;
  scheduler: MeetingScheduler;
  /** Reads and single writes outside a transaction (Teams set-up progress). */
  repos: SchedulingRepos;
  uow: UnitOfWork<SchedulingRepos>;
  links: TabLinks;
  /** The mailbox that organises the meetings (for the record; the adapter is bound to it). */
  log?: { warn(obj: object, msg: string): void };
}

/** Turns an upstream failure into a short reason a coordinator can act on (no personal data). */
export function upstreamReason(step: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${step} failed: ${message}`.slice(0, 500);
}

import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { FileShare } from '../ports/file-share.js';
import type { Outbox } from '../ports/outbox.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import type { DirectoryReader, MeetingRepository } from '../scheduling/meeting-repository.js';
import type { TabLinks } from '../scheduling/scheduling-deps.js';
import type { CaseListItem, CirculationRepository } from './circulation-repository.js';

export interface CirculationRepos {
  circulation: CirculationRepository;
  meetings: MeetingRepository;
  directory: DirectoryReader;
  outbox: Outbox;
  audit: AuditLog;
}

/** Renders the export of a case list (open cases only) as a file. */
export interface CaseListRenderer {
  render(input: {
    meetingTitle: string;
    meetingStart: Date;
    timeZone: string;
    items: CaseListItem[];
  }): Promise<{ fileName: string; contentType: string; content: Uint8Array }>;
}

export interface CirculationDeps {
  clock: Clock;
  repos: CirculationRepos;
  uow: UnitOfWork<CirculationRepos>;
  links: TabLinks;
  /** SharePoint library for optional exports; null when the deployment has none. */
  fileShare: FileShare | null;
  renderer: CaseListRenderer;
}

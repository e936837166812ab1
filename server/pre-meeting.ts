import type { AgendaDeps } from '../core/agenda/agenda-service.js';
import type { AreaSetupDeps } from '../core/area-setup/area-setup.js';
import type { CirculationDeps } from '../core/circulation/circulation-deps.js';
import type { Clock } from '../core/ports/clock.js';
import type { FileShare } from '../core/ports/file-share.js';
import type { MeetingScheduler } from '../core/ports/meeting-scheduler.js';
import { type AppLinkOptions, appLink, meetingAppLink } from './deep-links.js';
import type { RetentionDeps } from '../core/retention/retention.js';
import type { ReviewDeps } from '../core/area-setup/reviews.js';
import { refreshAreaInvitees, refreshInvitees } from '../core/scheduling/change-meeting.js';
import { workingDaysBefore, localDay } from '../core/calendar/index.js';
import type { SchedulingDeps, TabLinks } from '../core/scheduling/scheduling-deps.js';
import type { Db } from '../store/db.js';
import { preMeetingRepos } from '../store/repositories.js';
import { PgUnitOfWork } from '../store/unit-of-work.js';
import { xlsxCaseListRenderer } from '../tab/api/files/case-list-xlsx.js';

export interface PreMeetingAdapters {
  clock: Clock;
  scheduler: MeetingScheduler;
  fileShare: FileShare | null;
  links: TabLinks;
}

export interface PreMeeting {
  scheduling: SchedulingDeps;
  areaSetup: AreaSetupDeps;
  agenda: AgendaDeps;
  circulation: CirculationDeps;
  retention: RetentionDeps;
  /** Signatory review reminders and case-review prompts (core/area-setup/reviews.ts). */
  reviews: ReviewDeps;
  areaIds(): Promise<string[]>;
}

/**
 * Wires the pre-meeting use cases (area set-up, scheduling, agenda, circulation, retention) to the
 * PostgreSQL repositories and the Microsoft 365 adapters chosen by the composition root.
 */
export function preMeeting(db: Db, adapters: PreMeetingAdapters): PreMeeting {
  const repos = preMeetingRepos(db);
  const uow = new PgUnitOfWork(db, preMeetingRepos);
  const { clock, links } = adapters;
  const scheduling: SchedulingDeps = { clock, scheduler: adapters.scheduler, repos, uow, links };
  const areaSetup: AreaSetupDeps = {
    clock,
    uow,
    onDirectoryChanged: async (areaId) => {
      await refreshAreaInvitees(scheduling, areaId);
    },
    onPolicyChanged: async (areaId) => {
      const area = await repos.directory.getArea(areaId);
      if (!area) return;
      for (const m of await repos.meetings.listUpcoming(areaId, clock.now()))
        if (!m.circulatedAt)
          await repos.meetings.setCirculationDue(
            m.id,
            workingDaysBefore(
              localDay(m.scheduledStart, area.timeZone),
              area.policy.caseListLeadWorkingDays,
              area.nation,
            ),
          );
    },
  };
  const agenda: AgendaDeps = {
    clock,
    repos,
    uow,
    onClosedSessionChanged: async (meetingId) => {
      await refreshInvitees(scheduling, meetingId);
    },
  };
  const circulation: CirculationDeps = {
    clock,
    repos,
    uow,
    links,
    fileShare: adapters.fileShare,
    renderer: xlsxCaseListRenderer,
  };
  const retention: RetentionDeps = {
    clock,
    retention: repos.retention,
    audit: repos.audit,
    fileShare: adapters.fileShare,
    areas: repos.directory,
  };
  const reviews: ReviewDeps = {
    clock,
    repos,
    uow,
    agenciesLink: () => links.page?.('coordinator/area') ?? links.meeting(''),
  };
  return {
    scheduling,
    areaSetup,
    agenda,
    circulation,
    retention,
    reviews,
    areaIds: async () =>
      (await db.query<{ id: string }>('SELECT id FROM area ORDER BY created_at')).rows.map(
        (r) => r.id,
      ),
  };
}

/** Links into the tab for outbound content (FR-033), built by server/deep-links.ts. */
export function tabLinks(options: AppLinkOptions): TabLinks {
  return {
    meeting: (meetingId) => meetingAppLink(options, meetingId),
    caseList: (meetingId) => meetingAppLink(options, meetingId, true),
    page: (page) => appLink(options, page, `/#/${page}`),
  };
}

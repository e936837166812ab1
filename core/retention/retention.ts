import type { Area } from '../model.js';
import type { AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { FileShare } from '../ports/file-share.js';
import { upstreamReason } from '../scheduling/scheduling-deps.js';

export interface DueExport {
  id: string;
  meetingId: string;
  driveId: string | null;
  driveItemId: string | null;
  linkPermissionId: string | null;
}

/** Research and export rows due for destruction (store/retention-store.ts). */
export interface RetentionRepository {
  /** Blanks the content of research submissions of meetings ended `hours` ago; counts per meeting. */
  purgeResearch(
    areaId: string,
    hoursAfterMeeting: number,
    now: Date,
  ): Promise<{ meetingId: string; count: number }[]>;
  /**
   * Deletes the personal data (subjects, summaries, victim's views) of cases last heard
   * `reviewMonths` ago with no open action; marks the case purged. Counts per case.
   */
  purgeCasePersonalData(
    areaId: string,
    reviewMonths: number,
    now: Date,
  ): Promise<{ caseId: string; caseNumber: string; subjects: number; agendaItems: number }[]>;
  dueExports(areaId: string, now: Date): Promise<DueExport[]>;
  markExportPurged(exportId: string, now: Date): Promise<void>;
}

export interface RetentionDeps {
  clock: Clock;
  retention: RetentionRepository;
  audit: AuditLog;
  fileShare: FileShare | null;
  areas: { getArea(areaId: string): Promise<Area | null> };
}

export interface PurgeReport {
  researchPurged: number;
  casesPurged: number;
  exportsPurged: number;
  exportsFailed: { exportId: string; reason: string }[];
}

/**
 * FR-041, FR-109, IS-08, IS-09: research material is destroyed and case-list exports deleted (sharing
 * link revoked first) at the configured time after the meeting, and every purge is audited.
 * A SharePoint failure leaves the export due, so the next run retries it; it is audited.
 * A case's personal data goes at the area's last review point after it was last heard (the
 * largest of `caseReviewMonths`), unless an action on it is still open (the risk remains).
 */
export async function purgeDueMaterial(
  deps: RetentionDeps,
  areaIds: string[],
): Promise<PurgeReport> {
  const now = deps.clock.now();
  const report: PurgeReport = {
    researchPurged: 0,
    casesPurged: 0,
    exportsPurged: 0,
    exportsFailed: [],
  };
  for (const areaId of areaIds) {
    const area = await deps.areas.getArea(areaId);
    if (!area) continue;
    const research = await deps.retention.purgeResearch(
      areaId,
      area.policy.retention.researchHoursAfterMeeting,
      now,
    );
    for (const { meetingId, count } of research) {
      report.researchPurged += count;
      await deps.audit.record({
        at: now,
        areaId,
        actor: { kind: 'job' },
        action: 'research.purge',
        recordType: 'meeting',
        recordId: meetingId,
        meetingId,
        detail: { submissions: count },
      });
    }
    const reviewMonths = Math.max(...area.policy.retention.caseReviewMonths);
    for (const c of await deps.retention.purgeCasePersonalData(areaId, reviewMonths, now)) {
      report.casesPurged += 1;
      await deps.audit.record({
        at: now,
        areaId,
        actor: { kind: 'job' },
        action: 'case.personal-data-purge',
        recordType: 'case',
        recordId: c.caseId,
        detail: {
          caseNumber: c.caseNumber,
          subjects: c.subjects,
          agendaItems: c.agendaItems,
          reviewMonths,
        },
      });
    }
    for (const due of await deps.retention.dueExports(areaId, now)) {
      try {
        if (due.driveId && due.driveItemId) {
          if (!deps.fileShare) throw new Error('no SharePoint library is configured');
          const file = { driveId: due.driveId, itemId: due.driveItemId };
          if (due.linkPermissionId) await deps.fileShare.revoke(file, due.linkPermissionId);
          await deps.fileShare.delete(file);
        }
        await deps.retention.markExportPurged(due.id, now);
        report.exportsPurged += 1;
        await deps.audit.record({
          at: now,
          areaId,
          actor: { kind: 'job' },
          action: 'case-list-export.purge',
          recordType: 'case_list_export',
          recordId: due.id,
          meetingId: due.meetingId,
          detail: { linkRevoked: Boolean(due.linkPermissionId) },
        });
      } catch (error) {
        const reason = upstreamReason('Deleting the case-list export from SharePoint', error);
        report.exportsFailed.push({ exportId: due.id, reason });
        await deps.audit.record({
          at: now,
          areaId,
          actor: { kind: 'job' },
          action: 'case-list-export.purge-failed',
          recordType: 'case_list_export',
          recordId: due.id,
          meetingId: due.meetingId,
          detail: { reason },
        });
      }
    }
  }
  return report;
}

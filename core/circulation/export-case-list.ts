import { DomainError } from '../errors.js';
import { inArea } from '../same-area.js';
import { canReceiveMaracInformation, type Area } from '../model.js';
import { disallowedRecipients } from '../recipient-policy.js';
import { upstreamReason } from '../scheduling/scheduling-deps.js';
import type { CirculationDeps } from './circulation-deps.js';

/**
 * Optional SharePoint export (area policy, PLATFORM.md §7): the open cases only (closed cases
 * never go into a shared file) uploaded to the controlled library and shared with the invited
 * signatory people through a people-only, no-download link that expires when the meeting
 * ends; purged by the retention job. A Graph failure is audited and reported, and the job
 * tries again on its next run.
 */
export async function exportCaseList(
  deps: CirculationDeps,
  actor: { personId: string; areaId: string },
  meetingId: string,
) {
  const now = deps.clock.now();
  const { repos } = deps;
  const byPersonId = actor.personId;
  // Another area's coordinator must not share this area's cases with its invitees.
  const meeting = inArea(await repos.meetings.getMeeting(meetingId), actor);
  if (meeting.kind === 'closed') throw new DomainError('NOT_FOUND');
  const area = (await repos.directory.getArea(meeting.areaId)) as Area;
  if (!area.policy.caseListExport.uploadToSharePoint || !deps.fileShare)
    throw new DomainError(
      'INVALID_STATE',
      'This area does not export case lists to SharePoint (area policy).',
    );
  if (meeting.scheduledEnd <= now) throw new DomainError('INVALID_STATE', 'The meeting has ended.');
  const items = (await repos.circulation.caseListItems([meetingId])).filter(
    (i) => !i.isClosedSession,
  );
  const agencies = await repos.directory.listAgencies(area.id);
  const signatory = new Set(agencies.filter(canReceiveMaracInformation).map((a) => a.id));
  const invitees = (await repos.meetings.listInvitees(meetingId)).filter(
    (i) => !i.agencyId || signatory.has(i.agencyId),
  );
  const blocked = new Set(
    disallowedRecipients(
      area.policy,
      invitees.map((i) => i.email),
    ),
  );
  const emails = invitees.map((i) => i.email).filter((e) => !blocked.has(e));
  const file = await deps.renderer.render({
    meetingTitle: meeting.title,
    meetingStart: meeting.scheduledStart,
    timeZone: area.timeZone,
    items,
  });
  try {
    const stored = await deps.fileShare.upload(file.fileName, file.content, file.contentType);
    const link = await deps.fileShare.shareWithPeople(stored, emails, {
      type: area.policy.caseListExport.linkType,
      expiresAt: meeting.scheduledEnd,
    });
    const purgeDueAt = new Date(
      meeting.scheduledEnd.getTime() +
        area.policy.retention.caseListExportHoursAfterMeeting * 3_600_000,
    );
    return await deps.uow.run(async (tx) => {
      const id = await tx.circulation.insertExport({
        meetingId,
        driveId: stored.driveId,
        driveItemId: stored.itemId,
        linkPermissionId: link.permissionId,
        linkWebUrl: link.webUrl,
        linkExpiresAt: link.expiresAt,
        purgeDueAt,
        createdAt: now,
        fileName: file.fileName,
        createdBy: byPersonId,
      });
      await tx.audit.record({
        at: now,
        areaId: area.id,
        actor: byPersonId ? { kind: 'person', personId: byPersonId } : { kind: 'job' },
        action: 'case-list.export',
        recordType: 'case_list_export',
        recordId: id,
        meetingId,
        detail: {
          cases: items.length,
          sharedWith: emails.length,
          linkType: area.policy.caseListExport.linkType,
        },
      });
      return {
        exportId: id,
        cases: items.length,
        sharedWith: emails.length,
        expiresAt: link.expiresAt,
      };
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const reason = upstreamReason('Uploading the case list to SharePoint', error);
    await repos.audit.record({
      at: now,
      areaId: area.id,
      actor: byPersonId ? { kind: 'person', personId: byPersonId } : { kind: 'job' },
      action: 'case-list.export-failed',
      recordType: 'meeting',
      recordId: meetingId,
      meetingId,
      detail: { reason },
    });
    throw new DomainError('UPSTREAM_FAILED', reason);
  }
}

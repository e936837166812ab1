import { ATTENDANCE_NEEDS } from './graph-attendance-reports.js';
import { CALL_RECORD_NEEDS } from './graph-call-records.js';
import { CALLING_NEEDS } from './graph-calling-bot.js';
import { DIRECTORY_NEEDS } from './graph-directory.js';
import { FILES_NEEDS } from './graph-file-share.js';
import { MAILBOX_NEEDS } from './graph-mailbox.js';
import { MAIL_NEEDS } from './graph-mailer.js';
import { MEETING_NEEDS } from './graph-meeting-scheduler.js';
import type { GraphPermissionNeed } from './graph-permission.js';

export type { GraphPermissionNeed } from './graph-permission.js';

/**
 * Every Microsoft Graph permission the service needs, per capability, with the calls made
 * under it. The admin guide lists exactly these (a test checks it); the simulated tenant's demo
 * app is granted exactly these, so a call the declarations do not cover fails with 403 in the
 * contract tests; and the contract suite checks every declared call is exercised.
 */
export const GRAPH_NEEDS: Record<string, readonly GraphPermissionNeed[]> = {
  meetings: MEETING_NEEDS,
  mail: MAIL_NEEDS,
  mailbox: MAILBOX_NEEDS,
  files: FILES_NEEDS,
  attendance: ATTENDANCE_NEEDS,
  callRecords: CALL_RECORD_NEEDS,
  calling: CALLING_NEEDS,
  directory: DIRECTORY_NEEDS,
};

export const ALL_GRAPH_NEEDS: readonly GraphPermissionNeed[] = Object.values(GRAPH_NEEDS).flat();

/** Application permissions to grant with admin consent (deduplicated, sorted). */
export const APPLICATION_PERMISSIONS: readonly string[] = [
  ...new Set(ALL_GRAPH_NEEDS.filter((n) => n.type === 'Application').map((n) => n.permission)),
].sort();

/** Every Graph call the code makes, as `METHOD /path/{placeholder}`. */
export const ALL_GRAPH_CALLS: readonly string[] = [
  ...new Set(ALL_GRAPH_NEEDS.flatMap((n) => n.calls)),
].sort();

import { z } from 'zod';
import {
  AttendanceReportNotReady,
  type ReconcileDeps,
  reconcileMeeting,
} from '../../core/attendance/reconcile-meeting.js';

const Data = z.object({ meetingId: z.uuid() });

/**
 * The `attendance-reconcile` job: scheduled at meeting end; while the Teams
 * attendance report is not there yet it fails, so pg-boss retries it with backoff, until the
 * report appears or the wait runs out (then the live evidence alone is reconciled).
 */
export function reconcileAttendanceJob(deps: ReconcileDeps) {
  return async (data: Record<string, unknown>): Promise<void> => {
    const parsed = Data.safeParse(data);
    if (!parsed.success) {
      deps.log.warn({ job: 'attendance-reconcile' }, 'job without a valid meeting id; dropped');
      return;
    }
    try {
      const outcome = await reconcileMeeting(deps, parsed.data.meetingId);
      deps.log.info({ meetingId: parsed.data.meetingId, ...outcome }, 'attendance reconciled');
    } catch (error) {
      if (error instanceof AttendanceReportNotReady)
        deps.log.info({ meetingId: error.meetingId }, 'attendance report not ready; will retry');
      throw error;
    }
  };
}

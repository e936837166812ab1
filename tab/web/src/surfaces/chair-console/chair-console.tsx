/**
 * The chair console (FR-044..FR-053, FR-045, A-05, A-10, A-11): in the meeting side
 * panel or full screen. The agenda with planned times and a timer per case, start / close case,
 * the opening checklist, live attendance by agency (present, deputies, who left, camera state
 * and where that evidence came from), core agencies missing, and the actions volunteered in the
 * chat arriving in real time with assign / confirm / reject. Chair and deputy chair only; the
 * API refuses everyone else's changes too.
 */
import { Caption1 } from '@fluentui/react-components';
import { useState } from 'react';
import { api, ApiError } from '../../api/client.js';
import type { MeetingDetail } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import {
  ErrorBanner,
  formatDateTime,
  Notice,
  NotAvailable,
  PageLayout,
  Progress,
  Section,
} from '../../shell/components.js';
import { useLocation } from '../../shell/router.js';
import { RoleGate, useMe, WhoAmI } from '../../shell/session.js';
import type { LiveAttendance, OpeningChecklist, RunView } from './types.js';
import { usePoll } from './use-poll.js';
import { Actions } from './actions-panel.js';
import { Agenda } from './agenda-panel.js';
import { Attendance } from './attendance-panel.js';
import { Checklist } from './checklist-panel.js';
import { MinutesCapture } from './minutes-capture.js';
import { ChooseMeeting } from './choose-meeting.js';
import { EndMeeting } from './end-meeting.js';
import { useStyles } from './styles.js';

/** How often the console asks for news (volunteered actions arrive "in real time"). */
export const POLL_MS = 2500;

export default function ChairConsole() {
  const { query } = useLocation();
  const meetingId = query.get('meetingId');
  return (
    <RoleGate anyOf={['chair', 'deputy-chair']} what="The chair console">
      {meetingId ? <Console meetingId={meetingId} /> : <ChooseMeeting />}
    </RoleGate>
  );
}

function Console({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const me = useMe();
  const detail = useApi<MeetingDetail>(`/meetings/${meetingId}`);
  const run = usePoll<RunView>(`/meetings/${meetingId}/run`, POLL_MS);
  const attendance = usePoll<LiveAttendance>(`/meetings/${meetingId}/attendance`, POLL_MS);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const tz = me.area.timeZone;

  /** A change through the run API; the answer carries the new run view. */
  const change = async (key: string, path: string, body: unknown) => {
    setBusy(key);
    setFailure(null);
    try {
      const answer = await api<{ run?: RunView; openingChecklist?: OpeningChecklist }>(
        `/meetings/${meetingId}/run${path}`,
        { method: 'POST', body },
      );
      if (answer?.run) run.replace(answer.run);
      else run.refresh();
      return true;
    } catch (error) {
      setFailure(error);
      run.refresh();
      return false;
    } finally {
      setBusy(null);
    }
  };

  const title = detail.data?.meeting.title ?? 'Meeting';
  const runMissing = run.error instanceof ApiError && run.error.notAvailable;
  const lastAt = run.updatedAt ?? attendance.updatedAt;
  const updated = lastAt ? formatClock(lastAt, tz) : null;
  return (
    <PageLayout
      title="Chair console"
      subtitle={
        <>
          {title}
          {detail.data && `, ${formatDateTime(detail.data.meeting.scheduledStart, tz)}`}
          {run.data && ` · ${statusLabel(run.data.status)}`}
        </>
      }
      actions={<WhoAmI />}
    >
      <Caption1 aria-live="off" className={styles.muted} data-testid="last-updated">
        {updated ? `Last updated ${updated}` : 'Connecting…'} (every {POLL_MS / 1000} s)
      </Caption1>
      {failure !== null && <ErrorBanner error={failure} title="That change did not go through" />}
      {run.data === null && run.error !== null && !runMissing && (
        <ErrorBanner error={run.error} onRetry={run.refresh} />
      )}
      {run.data !== null && run.error !== null && (
        <Notice intent="warning">
          Could not refresh just now; showing what was known at {updated}. Still trying.
        </Notice>
      )}
      {run.data === null && run.error === null && <Progress label="Loading the meeting…" />}
      {run.data?.breakPrompt && (
        <Notice intent="info">
          The meeting has run {run.data.breakPrompt.minutes} minutes without a break: consider
          offering one after this case.
        </Notice>
      )}
      <div className={styles.columns}>
        <div className={styles.stack}>
          {runMissing && (
            <Section title="Running the meeting">
              <NotAvailable what="Running the agenda (checklist, cases, actions)" />
            </Section>
          )}
          {run.data && (
            <>
              <Checklist
                checklist={run.data.openingChecklist}
                busy={busy}
                onChange={(item, done) =>
                  void change(`check:${item}`, '/checklist', { item, done })
                }
              />
              <Agenda
                run={run.data}
                tz={tz}
                busy={busy}
                onStart={(id) => void change(`start:${id}`, '/start-case', { agendaItemId: id })}
                onClose={(id) => void change(`close:${id}`, '/close-case', { agendaItemId: id })}
              />
              <EndMeeting
                run={run.data}
                busy={busy}
                failure={failure}
                onEnd={(decisions) => change('end', '/end', { decisions })}
              />
            </>
          )}
        </div>
        <div className={styles.stack}>
          {run.data && (
            <Actions
              run={run.data}
              attendance={attendance.data}
              busy={busy}
              onChange={(action, verb, body) =>
                change(`${verb}:${action.id}`, `/actions/${action.id}/${verb}`, {
                  version: action.version,
                  ...body,
                })
              }
            />
          )}
          {run.data && <MinutesCapture meetingId={meetingId} run={run.data} />}
          <Attendance state={attendance} tz={tz} meetingId={meetingId} />
        </div>
      </div>
    </PageLayout>
  );
}

function formatClock(at: Date, timeZone: string): string {
  return at.toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone,
  });
}

function statusLabel(status: string): string {
  return (
    { 'in-progress': 'meeting running', ended: 'meeting ended', scheduled: 'not started yet' }[
      status
    ] ?? status
  );
}

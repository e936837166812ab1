/** Live attendance by agency: who is in, deputies, who left, camera state and its source. */
import { Badge, Body1, Caption1 } from '@fluentui/react-components';
import { ApiError } from '../../api/client.js';
import {
  ErrorBanner,
  formatTime,
  Notice,
  NotAvailable,
  Progress,
  Section,
} from '../../shell/components.js';
import { CAMERA_SOURCE_LABEL, type LiveAttendance, type LivePerson } from './types.js';
import { useStyles } from './styles.js';
import { ApologyForm, CameraAttest } from './attendance-record.js';
import { ROLE_LABELS } from '../coordinator/area/labels.js';

export function Attendance(props: {
  state: { data: LiveAttendance | null; error: unknown; refresh: () => void };
  tz: string;
  /** The chair console records apologies and corrects cameras; elsewhere read-only. */
  meetingId?: string;
}) {
  const styles = useStyles();
  const { data, error } = props.state;
  if (!data) {
    if (error instanceof ApiError && error.notAvailable)
      return (
        <Section title="Attendance">
          <NotAvailable what="Live attendance" />
        </Section>
      );
    return (
      <Section title="Attendance">
        {error ? (
          <ErrorBanner error={error} onRetry={props.state.refresh} />
        ) : (
          <Progress label="Loading attendance…" />
        )}
      </Section>
    );
  }
  const presentCount = data.agencies.filter((a) => a.present).length;
  return (
    <Section
      title="Attendance"
      actions={<Caption1>{`${presentCount} of ${data.agencies.length} agencies present`}</Caption1>}
    >
      {data.coreAgenciesMissing.length > 0 ? (
        <Notice intent="warning">
          Core agencies missing: {data.coreAgenciesMissing.map((a) => a.name).join(', ')}.
        </Notice>
      ) : (
        data.agencies.some((a) => a.core) && (
          <Notice intent="success">Every core agency is present.</Notice>
        )
      )}
      <ul className={styles.list} aria-label="Attendance by agency">
        {data.agencies.map((agency) => (
          <li key={agency.agencyId} className={styles.agency}>
            <div className={styles.row}>
              <Body1>
                <strong>{agency.name}</strong>
              </Body1>
              {agency.core && (
                <Badge appearance="outline" size="small">
                  Core
                </Badge>
              )}
              <Badge
                appearance="tint"
                size="small"
                color={agency.present ? 'success' : agency.core ? 'danger' : 'informative'}
              >
                {agency.present ? 'Present' : 'Not present'}
              </Badge>
            </div>
            {agency.people.length > 0 && (
              <ul className={styles.people}>
                {agency.people.map((p) => (
                  <li key={p.personId}>
                    <PersonLine person={p} tz={props.tz} />
                    {props.meetingId && (p.inMeeting || p.leftAt) && (
                      <CameraAttest
                        meetingId={props.meetingId}
                        person={p}
                        onDone={props.state.refresh}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {data.unmatched.length > 0 && (
        <Caption1>
          Also in the meeting, not matched to anyone registered:{' '}
          {data.unmatched.map((u) => u.displayName ?? 'an unknown caller').join(', ')}. The
          coordinator matches them to a person after the meeting.
        </Caption1>
      )}
      {props.meetingId && <ApologyForm meetingId={props.meetingId} attendance={data} />}
    </Section>
  );
}

function PersonLine({ person: p, tz }: { person: LivePerson; tz: string }) {
  const deputy = p.role === 'deputy';
  const where = p.inMeeting
    ? `in since ${formatTime(p.joinedAt, tz)}`
    : p.leftAt
      ? `left at ${formatTime(p.leftAt, tz)}`
      : 'not joined';
  const camera =
    p.camera.on === null
      ? 'camera unknown'
      : `camera ${p.camera.on ? 'on' : 'off'}${p.camera.source ? ` (${CAMERA_SOURCE_LABEL[p.camera.source] ?? p.camera.source})` : ''}`;
  return (
    <Body1>
      {p.displayName}
      {deputy
        ? ' (deputy)'
        : p.role !== 'representative'
          ? ` (${(ROLE_LABELS[p.role] ?? p.role).toLowerCase()})`
          : ''}{' '}
      · {where}
      {p.inMeeting && ` · ${camera}`}
    </Body1>
  );
}

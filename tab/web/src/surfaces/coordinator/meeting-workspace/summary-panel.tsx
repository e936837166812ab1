/** The meeting at a glance: when, its Teams set-up and status, and what can be done next. */
import { Button, Link } from '@fluentui/react-components';
import { api } from '../../../api/client.js';
import type { MeetingDetail } from '../../../api/types.js';
import {
  ErrorBanner,
  formatDateTime,
  formatDay,
  formatTime,
  Progress,
  Section,
} from '../../../shell/components.js';
import { StatusBadge } from '../../common/status-badge.js';
import { useStyles } from './styles.js';
import { useSubmit } from '../../../shell/use-submit.js';

export function Summary(props: { detail: MeetingDetail; timeZone: string; onChange: () => void }) {
  const styles = useStyles();
  const m = props.detail.meeting;
  const { busy, error, run } = useSubmit();
  const retry = () =>
    run(async () => {
      await api(`/meetings/${m.id}/retry-setup`, { method: 'POST', body: {} });
      props.onChange();
    });
  return (
    <Section title="Meeting">
      <dl className={styles.facts}>
        <dt className={styles.dt}>When</dt>
        <dd className={styles.dd}>
          {formatDateTime(m.scheduledStart, props.timeZone)} to{' '}
          {formatTime(m.scheduledEnd, props.timeZone)}
        </dd>
        <dt className={styles.dt}>Status</dt>
        <dd className={styles.dd}>
          <StatusBadge status={m.status} /> {m.statusReason ?? ''}
        </dd>
        <dt className={styles.dt}>Case list</dt>
        <dd className={styles.dd}>
          {m.circulatedAt
            ? `Circulated ${formatDateTime(m.circulatedAt, props.timeZone)}`
            : `Due to circulate ${formatDay(m.circulationDueOn)}`}
        </dd>
        <dt className={styles.dt}>Invited</dt>
        <dd className={styles.dd}>{props.detail.invitees?.length ?? 0} people</dd>
        {m.joinUrl && (
          <>
            <dt className={styles.dt}>Teams</dt>
            <dd className={styles.dd}>
              <Link href={m.joinUrl} target="_blank" rel="noreferrer">
                Join link
              </Link>
            </dd>
          </>
        )}
      </dl>
      {(m.status === 'needs-attention' || m.status === 'draft') && (
        <div className={styles.row}>
          <Button onClick={() => void retry()} disabled={busy}>
            {m.status === 'draft' ? 'Set up in Teams' : 'Try the Teams set-up again'}
          </Button>
          {busy && <Progress label="Setting the meeting up in Teams…" />}
        </div>
      )}
      {error !== null && <ErrorBanner error={error} />}
    </Section>
  );
}

/** The minutes after the meeting: an outline and the download. */
import { Button } from '@fluentui/react-components';
import { apiBlob, ApiError } from '../../../api/client.js';
import { useApi } from '../../../api/use-api.js';
import {
  EmptyState,
  ErrorBanner,
  NotAvailable,
  Progress,
  Section,
} from '../../../shell/components.js';
import { useStyles } from './styles.js';
import { useSubmit } from '../../../shell/use-submit.js';

export function MinutesSection({ meetingId }: { meetingId: string }) {
  const minutes = useApi<Record<string, unknown>>(`/meetings/${meetingId}/minutes`);
  const { busy, error, run } = useSubmit();
  const download = () =>
    run(async () => {
      const blob = await apiBlob(`/meetings/${meetingId}/minutes.docx`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `minutes-${meetingId.slice(0, 8)}.docx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  return (
    <Section title="Minutes">
      {minutes.loading && <Progress label="Loading the minutes…" />}
      {minutes.error instanceof ApiError && minutes.error.notAvailable && (
        <NotAvailable what="Minutes" />
      )}
      {minutes.error instanceof ApiError &&
        !minutes.error.notAvailable &&
        (minutes.error.status === 404 || minutes.error.status === 409) && (
          <EmptyState title="No minutes yet">
            {minutes.error.status === 409
              ? minutes.error.message
              : 'Minutes are drafted from the meeting once it has ended.'}
          </EmptyState>
        )}
      {minutes.error !== null &&
        !(minutes.error instanceof ApiError && [404, 409].includes(minutes.error.status)) && (
          <ErrorBanner error={minutes.error} onRetry={minutes.reload} />
        )}
      {minutes.data && (
        <>
          <MinutesSummary minutes={minutes.data} />
          <div>
            <Button onClick={() => void download()} disabled={busy}>
              Download minutes (Word)
            </Button>
          </div>
          {busy && <Progress label="Preparing the Word document…" />}
          {error !== null && <ErrorBanner error={error} />}
        </>
      )}
    </Section>
  );
}

/** A readable outline of the minutes JSON (its shape is issue 6's; show what is there). */
function MinutesSummary({ minutes }: { minutes: Record<string, unknown> }) {
  const styles = useStyles();
  const body = (minutes.minutes as Record<string, unknown> | undefined) ?? minutes;
  const entries = Object.entries(body).filter(([, v]) => v !== null && v !== undefined);
  return (
    <dl className={styles.facts}>
      {entries.map(([key, value]) => (
        <div key={key} style={{ display: 'contents' }}>
          <dt className={styles.dt}>{key.replace(/([A-Z])/g, ' $1').toLowerCase()}</dt>
          <dd className={styles.dd}>
            {Array.isArray(value)
              ? `${value.length} item${value.length === 1 ? '' : 's'}`
              : typeof value === 'object'
                ? `${Object.keys(value as object).length} fields`
                : String(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

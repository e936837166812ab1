/**
 * The minutes in the tab for every entitled member (FR-088, FR-090): the whole minutes for the
 * meeting's leads, the agency's own extract for representatives, deputies and IDVAs once the
 * minutes are circulated. The circulation notice links here.
 */
import { Body1, Button } from '@fluentui/react-components';
import { apiBlob, ApiError } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import {
  EmptyState,
  ErrorBanner,
  formatDay,
  Notice,
  PageLayout,
  Progress,
} from '../../shell/components.js';
import { useLocation } from '../../shell/router.js';
import { useMe, WhoAmI } from '../../shell/session.js';
import { useSubmit } from '../../shell/use-submit.js';
import { MinutesView, StatusBadge } from '../common/minutes/minutes-view.js';
import type { MinutesJson } from '../common/minutes/types.js';
import { type Declaration, DeclarationPrompt } from '../meeting/declaration-prompt.js';

export default function MinutesPage() {
  const { query } = useLocation();
  const meetingId = query.get('meetingId');
  return (
    <PageLayout title="Minutes" actions={<WhoAmI />}>
      {meetingId ? (
        <Minutes meetingId={meetingId} />
      ) : (
        <EmptyState title="Which meeting?">
          Open the minutes from the link in the notice you were sent, or from the meeting.
        </EmptyState>
      )}
    </PageLayout>
  );
}

function Minutes({ meetingId }: { meetingId: string }) {
  const me = useMe();
  const minutes = useApi<MinutesJson>(`/meetings/${meetingId}/minutes`);
  const needsDeclaration =
    minutes.error instanceof ApiError && minutes.error.code === 'DECLARATION_REQUIRED';
  const declaration = useApi<Declaration>(
    needsDeclaration ? `/meetings/${meetingId}/declaration` : null,
  );
  const m = minutes.data;
  if (needsDeclaration)
    return declaration.data ? (
      <DeclarationPrompt declaration={declaration.data} onAccepted={minutes.reload} />
    ) : (
      <Progress label="Loading the confidentiality declaration…" />
    );
  if (minutes.error) return <ErrorBanner error={minutes.error} onRetry={minutes.reload} />;
  if (!m) return <Progress label="Loading the minutes…" />;
  return (
    <>
      <Body1>
        {m.maracName}, meeting of {formatDay(m.meeting.date)}.{' '}
        <StatusBadge status={m.workflow.status} />
      </Body1>
      {m.notYetCirculated ? (
        <EmptyState title="Not circulated yet">
          The minutes of this meeting are read here once the chair has approved them and the
          coordinator has circulated them.
        </EmptyState>
      ) : (
        <>
          <Download meetingId={meetingId} date={m.meeting.date} />
          <MinutesView minutes={m} tz={me.area.timeZone} level={2} />
        </>
      )}
    </>
  );
}

function Download({ meetingId, date }: { meetingId: string; date: string }) {
  const { busy, error, run } = useSubmit();
  const download = () =>
    run(async () => {
      const blob = await apiBlob(`/meetings/${meetingId}/minutes.docx`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `minutes-${date}.docx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  return (
    <div>
      <Button onClick={() => void download()} disabled={busy}>
        Download (Word)
      </Button>
      {error instanceof ApiError && error.status === 403 ? (
        <Notice intent="info">{error.message}</Notice>
      ) : (
        error !== null && <ErrorBanner error={error} />
      )}
    </div>
  );
}

/**
 * The meeting details tab: the case list for the people entitled to it, shown only
 * after the confidentiality declaration (FR-046; the API refuses the list before it too),
 * research status per agency, and when to join for my agency's cases.
 */
import { Body1, Link } from '@fluentui/react-components';
import { ApiError } from '../../api/client.js';
import type { MeetingDetail } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import {
  EmptyState,
  ErrorBanner,
  formatDateTime,
  formatTime,
  Loaded,
  PageLayout,
  Progress,
  Section,
} from '../../shell/components.js';
import { useLocation } from '../../shell/router.js';
import { useMe, WhoAmI } from '../../shell/session.js';
import { CaseList } from './case-list.js';
import { ChooseMeeting } from './choose-meeting.js';
import { DeclarationPrompt, type Declaration } from './declaration-prompt.js';
import { MyCases, type MyCasesView } from './my-cases.js';
import { ApologiesForm, isAgencyVoice, MoveRequestForm } from './rep-actions.js';
import { ResearchStatus } from './research-status.js';

export default function MeetingDetails() {
  const { query } = useLocation();
  const meetingId = query.get('meetingId');
  return meetingId ? <Meeting meetingId={meetingId} /> : <ChooseMeeting />;
}

function Meeting({ meetingId }: { meetingId: string }) {
  const me = useMe();
  const detail = useApi<MeetingDetail>(`/meetings/${meetingId}`);
  const declaration = useApi<Declaration>(`/meetings/${meetingId}/declaration`);
  // People invited for one case see that case alone, after its own declaration.
  const myCases = useApi<MyCasesView>(`/meetings/${meetingId}/my-cases`);
  const oneCase = !!myCases.data && myCases.data.cases.length > 0;
  const voice = isAgencyVoice(me);
  const m = detail.data?.meeting;
  return (
    <PageLayout title={m?.title ?? 'Meeting details'} actions={<WhoAmI />}>
      <Loaded state={detail} label="Loading the meeting…">
        {(d) => (
          <Body1>
            {formatDateTime(d.meeting.scheduledStart, me.area.timeZone)} to{' '}
            {formatTime(d.meeting.scheduledEnd, me.area.timeZone)}.{' '}
            {d.meeting.joinUrl && (
              <Link href={d.meeting.joinUrl} target="_blank" rel="noreferrer">
                Join the meeting in Teams
              </Link>
            )}
          </Body1>
        )}
      </Loaded>
      {declaration.loading && <Progress label="Checking you may see the case list…" />}
      {declaration.error !== null && !myCases.loading && !oneCase && (
        <NoCaseList error={declaration.error} />
      )}
      {oneCase && myCases.data && <MyCases view={myCases.data} me={me} onChange={myCases.reload} />}
      {voice && declaration.data && <ApologiesForm meetingId={meetingId} me={me} />}
      {declaration.data && !declaration.data.accepted && (
        <DeclarationPrompt declaration={declaration.data} onAccepted={declaration.reload} />
      )}
      {declaration.data?.accepted && (
        <CaseList
          meetingId={meetingId}
          me={me}
          after={
            voice ? (items) => <MoveRequestForm meetingId={meetingId} items={items} /> : undefined
          }
        />
      )}
      {declaration.data?.accepted && <ResearchStatus meetingId={meetingId} />}
    </PageLayout>
  );
}

/** Not entitled (uninvited agency, no signatory, role without case access): say why, show nothing. */
function NoCaseList({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 403)
    return (
      <Section title="Case list">
        <EmptyState title="You cannot see this meeting's case list">
          {error.message} If you think you should, ask the MARAC coordinator.
        </EmptyState>
      </Section>
    );
  return <ErrorBanner error={error} />;
}

/**
 * The meeting details tab: the case list for the people entitled to it, shown only
 * after the confidentiality declaration (FR-046; the API refuses the list before it too),
 * research status per agency, and when to join for my agency's cases.
 */
import { Body1, Link } from '@fluentui/react-components';
import { lazy, Suspense, useEffect } from 'react';
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
import { useHost } from '../../shell/use-host.js';
import { RouteLink, useLocation, useNavigate } from '../../shell/router.js';
import { hasRole, useMe, WhoAmI } from '../../shell/session.js';
import { CaseList } from './case-list.js';
import { ChooseMeeting } from './choose-meeting.js';
import { DeclarationPrompt, type Declaration } from './declaration-prompt.js';
import { ResearchGrid } from './research-grid.js';
import { ResearchReturns } from './research-returns.js';
import { MyCases, type MyCasesView } from './my-cases.js';
import { ApologiesForm, isAgencyVoice, MoveRequestForm } from './rep-actions.js';
import { ResearchStatus } from './research-status.js';

// The chair console is its own chunk: only the chairs' side panel loads it.
const ChairConsole = lazy(() => import('../chair-console/chair-console.js'));

/**
 * One meeting tab, three faces (Teams gives it a frame context): in the side panel the chair
 * and deputy chair get the compact chair console; in the meeting details tab the coordinator
 * gets the meeting workspace; everyone else, anywhere, the case list with their agency's cases.
 */
export default function MeetingDetails() {
  const { query } = useLocation();
  const me = useMe();
  const host = useHost();
  const navigate = useNavigate();
  const meetingId = query.get('meetingId');
  // In a browser the address says which frame to play (the demo meeting room links to it).
  const asked = query.get('frameContext');
  const frame = host.embedded
    ? host.frameContext
    : asked === 'sidePanel' || asked === 'content' || asked === 'meetingStage'
      ? asked
      : host.frameContext;
  const inMeeting = frame === 'content' && (host.teamsMeetingId !== null || !host.embedded);
  const coordinatorTab = Boolean(meetingId) && inMeeting && hasRole(me, 'coordinator');
  useEffect(() => {
    if (coordinatorTab) navigate(`/coordinator/meetings/${meetingId}`);
  }, [coordinatorTab, meetingId, navigate]);
  if (!meetingId) return <ChooseMeeting />;
  if (frame === 'sidePanel' && hasRole(me, 'chair', 'deputy-chair'))
    return (
      <Suspense fallback={<Progress label="Loading the chair console…" />}>
        <ChairConsole />
      </Suspense>
    );
  if (coordinatorTab) return <Progress label="Opening the meeting workspace…" />;
  return <Meeting meetingId={meetingId} sidePanel={frame === 'sidePanel'} />;
}

function Meeting({ meetingId, sidePanel }: { meetingId: string; sidePanel: boolean }) {
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
            {d.meeting.joinUrl && !sidePanel && (
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
      {hasRole(me, 'coordinator') && (
        <Body1>
          <RouteLink to={`/coordinator/meetings/${meetingId}`}>
            Open this meeting in the coordinator workspace
          </RouteLink>
        </Body1>
      )}
      {sidePanel && me.agency && (
        <Section title="Volunteering an action">
          <Body1>
            When a case is discussed, its card appears in the meeting chat: choose Volunteer on it
            to offer an action for {me.agency.name}. The chair confirms it there.
          </Body1>
        </Section>
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
      {declaration.data?.accepted && hasRole(me, 'representative', 'deputy', 'idva') && (
        <ResearchReturns meetingId={meetingId} timeZone={me.area.timeZone} />
      )}
      {declaration.data?.accepted && hasRole(me, 'coordinator', 'chair', 'deputy-chair') && (
        <ResearchGrid meetingId={meetingId} timeZone={me.area.timeZone} />
      )}
      {declaration.data?.accepted && !hasRole(me, 'coordinator', 'chair', 'deputy-chair') && (
        <ResearchStatus meetingId={meetingId} />
      )}
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

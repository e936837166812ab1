/**
 * One meeting in the coordinator workspace: the agenda (no case content, FR-027..FR-030),
 * case-list import with row-level errors (FR-027), circulation status per recipient (FR-031),
 * the data the SafeLives return needs per case (FR-118), and the minutes with their DOCX
 * download (FR-084).
 */
import { Body1 } from '@fluentui/react-components';
import type { AgendaView, MeetingDetail } from '../../../api/types.js';
import { useApi } from '../../../api/use-api.js';
import { Loaded, Section } from '../../../shell/components.js';
import { RouteLink } from '../../../shell/router.js';
import { useMe } from '../../../shell/session.js';
import { CoordinatorPage } from '../coordinator-page.js';
import { AddCaseSection } from './add-case-panel.js';
import { AgendaTable } from './agenda-table.js';
import { ApologiesSection, CasePeopleSection, MoveRequestsSection } from './case-people-panel.js';
import { CirculationSection } from './circulation-panel.js';
import { ImportSection } from './import-panel.js';
import { ManageSection } from './manage-panel.js';
import { MinutesSection } from './minutes-panel.js';
import { ReturnDataSection } from './return-data-panel.js';
import { Summary } from './summary-panel.js';
import { TemplateSection } from './template-panel.js';

export default function MeetingWorkspace({ params }: { params: Record<string, string> }) {
  const meetingId = params.meetingId ?? '';
  const me = useMe();
  const detail = useApi<MeetingDetail>(`/meetings/${meetingId}`);
  const agenda = useApi<AgendaView>(`/meetings/${meetingId}/agenda`);
  const title = detail.data?.meeting.title ?? 'Meeting';
  const meeting = detail.data?.meeting;
  const editable =
    !!meeting &&
    !['cancelled', 'ended', 'in-progress'].includes(meeting.status) &&
    new Date(meeting.scheduledStart).getTime() > Date.now();
  const reload = () => {
    detail.reload();
    agenda.reload();
  };
  return (
    <CoordinatorPage title={title}>
      <Loaded state={detail} label="Loading the meeting…">
        {(d) => <Summary detail={d} timeZone={me.area.timeZone} onChange={detail.reload} />}
      </Loaded>
      {detail.data && (
        <ManageSection
          key={detail.data.meeting.id}
          detail={detail.data}
          timeZone={me.area.timeZone}
          onChange={reload}
        />
      )}
      <Section title="Agenda">
        <Loaded state={agenda} label="Loading the agenda…">
          {(a) => (
            <AgendaTable
              agenda={a}
              timeZone={me.area.timeZone}
              meetingId={meetingId}
              editable={editable}
              onChange={agenda.reload}
            />
          )}
        </Loaded>
      </Section>
      {editable && meeting && (
        <AddCaseSection
          meetingId={meetingId}
          closed={meeting.kind === 'closed'}
          onAdded={agenda.reload}
        />
      )}
      {meeting && meeting.kind !== 'closed' && (
        <>
          <CasePeopleSection
            meetingId={meetingId}
            items={agenda.data?.items ?? []}
            editable={editable}
          />
          <ApologiesSection meetingId={meetingId} timeZone={me.area.timeZone} />
          <MoveRequestsSection meetingId={meetingId} onDecided={agenda.reload} />
        </>
      )}
      {meeting?.kind !== 'closed' && <TemplateSection meetingId={meetingId} />}
      {meeting?.kind !== 'closed' && (
        <ImportSection meetingId={meetingId} onImported={agenda.reload} />
      )}
      <ReturnDataSection key={agenda.data?.items.length ?? 0} meetingId={meetingId} />
      <CirculationSection
        meetingId={meetingId}
        timeZone={me.area.timeZone}
        onCirculated={detail.reload}
      />
      <MinutesSection meetingId={meetingId} />
      <Section title="Actions from this meeting">
        <Body1>
          <RouteLink to={`/coordinator/actions?meetingId=${meetingId}`}>
            Open the action tracker for this meeting
          </RouteLink>
        </Body1>
      </Section>
    </CoordinatorPage>
  );
}

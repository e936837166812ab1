/**
 * The schedule (FR-001..FR-009): meetings with their Teams set-up and circulation state;
 * schedule a series or a single extraordinary/emergency meeting (each is set up in Teams as it
 * is created, so this shows progress while it runs).
 */
import { useState } from 'react';
import type { MeetingSummary } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import {
  EmptyState,
  formatDateTime,
  formatDay,
  Loaded,
  Notice,
  Section,
} from '../../shell/components.js';
import { RouteLink } from '../../shell/router.js';
import { useMe } from '../../shell/session.js';
import { DataTable } from '../common/data-table.js';
import { StatusBadge } from '../common/status-badge.js';
import { CaseReviews } from './case-reviews.js';
import { CoordinatorPage } from './coordinator-page.js';
import { SingleMeetingForm, type ScheduleResult } from './schedule-forms.js';
import { SeriesForm } from './schedule-series-form.js';

export default function Schedule() {
  const me = useMe();
  const meetings = useApi<{ meetings: MeetingSummary[] }>('/meetings');
  const [result, setResult] = useState<ScheduleResult | null>(null);
  return (
    <CoordinatorPage
      title="Schedule"
      subtitle={`${me.area.name}: meetings, their Teams set-up and when their case list goes out.`}
    >
      <Section title="Meetings">
        <Loaded state={meetings} label="Loading the schedule…">
          {(data) =>
            data.meetings.length === 0 ? (
              <EmptyState title="No meetings scheduled">
                Schedule a series below: each meeting is created in Teams with its lobby and chat
                settings.
              </EmptyState>
            ) : (
              <MeetingTable meetings={data.meetings} timeZone={me.area.timeZone} />
            )
          }
        </Loaded>
      </Section>
      <CaseReviews />
      {result && (
        <Notice intent={result.warnings.length ? 'warning' : 'success'}>
          {result.meetings.length === 1 ? 'One meeting' : `${result.meetings.length} meetings`}{' '}
          scheduled and set up in Teams.
          {result.warnings.map((w) => (
            <span key={w}>
              <br />
              {w}
            </span>
          ))}
        </Notice>
      )}
      <SeriesForm
        onDone={(r) => {
          setResult(r);
          meetings.reload();
        }}
      />
      <SingleMeetingForm
        onDone={(r) => {
          setResult(r);
          meetings.reload();
        }}
      />
    </CoordinatorPage>
  );
}

const KIND_LABEL: Record<string, string> = {
  scheduled: 'Regular',
  extraordinary: 'Extraordinary',
  emergency: 'Emergency',
  closed: 'Closed session',
};

function MeetingTable(props: { meetings: MeetingSummary[]; timeZone: string }) {
  return (
    <DataTable
      label="Meetings"
      rows={props.meetings}
      rowKey={(m) => m.id}
      columns={[
        {
          header: 'Meeting',
          cell: (m) => <RouteLink to={`/coordinator/meetings/${m.id}`}>{m.title}</RouteLink>,
        },
        { header: 'Starts', cell: (m) => formatDateTime(m.scheduledStart, props.timeZone) },
        { header: 'Kind', cell: (m) => KIND_LABEL[m.kind] ?? m.kind },
        {
          header: 'Status',
          cell: (m) => (
            <>
              <StatusBadge status={m.status} />
              {m.statusReason ? ` ${m.statusReason}` : ''}
            </>
          ),
        },
        {
          header: 'Case list',
          cell: (m) =>
            m.circulatedAt
              ? `Circulated ${formatDateTime(m.circulatedAt, props.timeZone)}`
              : m.circulationDueOn
                ? `Due ${formatDay(m.circulationDueOn)}`
                : '—',
        },
      ]}
    />
  );
}

/**
 * The minutes as a reader sees them in the tab, in the order of the CAADA minutes checklist:
 * information about the meeting (with join and leave times and camera figures and their
 * source), the confidentiality statement, actions from previous MARACs, one part per case (not
 * heard marked so), and any addenda.
 */
import { Badge, Body1, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatDateTime, formatDay, formatTime, Section } from '../../../shell/components.js';
import { type Column, DataTable } from '../data-table.js';
import {
  CAMERA_WORDS,
  type MinutesAction,
  type MinutesAttendee,
  type MinutesJson,
  RECORD_FIELDS,
  STATUS_WORDS,
  words,
} from './types.js';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%', '& table': { minWidth: '40em' } },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8em, max-content) 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    '@media (max-width: 480px)': { gridTemplateColumns: '1fr' },
  },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  caseHead: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    alignItems: 'center',
  },
  stack: { display: 'grid', gap: tokens.spacingVerticalM },
});

export function StatusBadge({ status }: { status: MinutesJson['workflow']['status'] }) {
  const color = status === 'circulated' ? 'success' : status === 'approved' ? 'brand' : 'warning';
  return (
    <Badge appearance="tint" color={color}>
      {STATUS_WORDS[status]}
    </Badge>
  );
}

/** A wide table that scrolls sideways on a narrow screen, reachable from the keyboard. */
function Scroll({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.scroll} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

export function MinutesView({
  minutes: m,
  tz,
  level = 3,
}: {
  minutes: MinutesJson;
  tz: string;
  /** The heading level of its sections: 3 inside a page section, 2 on a page of its own. */
  level?: 2 | 3;
}) {
  const styles = useStyles();
  const sub = level === 2 ? 'h3' : 'h4';
  const time = (iso: string | null) => (iso ? formatTime(iso, tz) : '—');
  const camera = (a: MinutesAttendee) =>
    a.cameraOnMinutes === null
      ? words(CAMERA_WORDS[a.cameraSource ?? 'none'] ?? 'no camera evidence')
      : `${a.cameraOnMinutes} min on (${CAMERA_WORDS[a.cameraSource ?? 'none'] ?? 'source unknown'})`;
  const people: Column<MinutesAttendee>[] = [
    { header: 'Name', cell: (a) => a.name },
    { header: 'Agency', cell: (a) => a.agency ?? '—' },
    { header: 'Joined', cell: (a) => time(a.joinedAt) },
    { header: 'Left', cell: (a) => time(a.leftAt) },
    { header: 'Minutes present', cell: (a) => a.presentMinutes },
    { header: 'Camera', cell: camera },
  ];
  const actionColumns = (withCase: boolean): Column<MinutesAction>[] => [
    { header: 'Action', cell: (a) => a.reference },
    ...(withCase ? [{ header: 'Case', cell: (a: MinutesAction) => a.caseReference }] : []),
    {
      header: 'Agency responsible',
      cell: (a) =>
        a.agency + (a.isJoint && a.partners.length ? ` (joint with ${a.partners.join(', ')})` : ''),
    },
    { header: 'Owner', cell: (a) => a.owner ?? 'No named owner yet' },
    { header: 'Action agreed', cell: (a) => a.description },
    { header: 'Due', cell: (a) => formatDay(a.dueOn) },
    {
      header: 'Status',
      cell: (a) =>
        a.state === 'not-achievable'
          ? `Not achievable: ${a.notAchievableReason ?? 'no reason given'}`
          : a.state === 'done'
            ? 'Done'
            : a.overdue
              ? 'Open, overdue'
              : 'Open',
    },
  ];
  const info = m.meetingInformation;
  return (
    <div className={styles.stack}>
      {m.extract && (
        <Body1>
          This is the extract for <strong>{m.extract.agency}</strong>: the cases your agency is
          involved in and your agency’s actions.
        </Body1>
      )}
      <Section title="1. Information about the meeting" level={level}>
        <dl className={styles.facts}>
          <dt className={styles.dt}>Date</dt>
          <dd className={styles.dd}>
            {formatDay(m.meeting.date)}, {m.meeting.start} to {m.meeting.end}
          </dd>
          <dt className={styles.dt}>Chair</dt>
          <dd className={styles.dd}>{m.meeting.chair ?? 'Not recorded'}</dd>
          <dt className={styles.dt}>Minutes</dt>
          <dd className={styles.dd}>
            <StatusBadge status={m.workflow.status} />
            {m.workflow.approvedAt &&
              ` Approved by ${m.workflow.approvedBy ?? 'the chair'}, ${formatDateTime(m.workflow.approvedAt, tz)}.`}
          </dd>
        </dl>
        <Subtitle2 as={sub}>Attendees</Subtitle2>
        {info.attendees.length ? (
          <Scroll label="Attendees">
            <DataTable
              label="Attendees"
              columns={people}
              rows={info.attendees}
              rowKey={(a) => a.personId}
            />
          </Scroll>
        ) : (
          <Body1>Attendance has not been reconciled yet.</Body1>
        )}
        <Caption1>
          Joined and left: first join and last leave. Camera: minutes with the camera on, and where
          that figure comes from.
        </Caption1>
        <Subtitle2 as={sub}>Observers present</Subtitle2>
        <Body1>{info.observers.map((o) => o.name).join(', ') || 'None.'}</Body1>
        <Subtitle2 as={sub}>Apologies</Subtitle2>
        <Body1>
          {info.apologies
            .map(
              (a) =>
                `${a.agency}${a.deputy ? ` (deputy: ${a.deputy})` : ''}${a.writtenSubmission ? ', written submission' : ''}`,
            )
            .join('; ') || 'None.'}
        </Body1>
      </Section>
      <Section title="2. Confidentiality statement" level={level}>
        <Body1>{m.confidentialityStatement}</Body1>
      </Section>
      <Section title="3. Actions from previous MARACs" level={level}>
        {m.outstandingActions.length ? (
          <Scroll label="Actions from previous MARACs">
            <DataTable
              label="Actions from previous MARACs"
              columns={actionColumns(true)}
              rows={m.outstandingActions}
              rowKey={(a) => a.reference}
            />
          </Scroll>
        ) : (
          <Body1>None outstanding.</Body1>
        )}
      </Section>
      <Section title="4. Cases" level={level}>
        {m.cases.length === 0 && <Body1>No cases to show.</Body1>}
        {m.cases.map((c) => (
          <section
            key={c.agendaItemId}
            aria-label={`Case ${c.caseNumber}`}
            className={styles.stack}
          >
            <div className={styles.caseHead}>
              <Subtitle2 as={sub}>
                Case {c.position}: {c.caseNumber}
                {c.closedSession ? ' (closed session)' : ''}
              </Subtitle2>
              <Badge appearance="outline">{words(c.riskLevel)} risk</Badge>
              {c.heard ? (
                <Caption1>
                  Heard {time(c.startedAt)} to {time(c.endedAt)}
                </Caption1>
              ) : (
                <Badge appearance="tint" color="informative">
                  Not heard
                </Badge>
              )}
            </div>
            {c.heard && (
              <dl className={styles.facts}>
                {RECORD_FIELDS.map((f) => (
                  <div key={f.key} style={{ display: 'contents' }}>
                    <dt className={styles.dt}>{f.label}</dt>
                    <dd className={styles.dd}>
                      {c.record[f.key] ?? (f.key === 'dissent' ? 'None recorded' : 'Not recorded')}
                    </dd>
                  </div>
                ))}
                <dt className={styles.dt}>Feedback to the victim</dt>
                <dd className={styles.dd}>
                  {c.duringMeeting.victimFeedbackAssigned ? 'Assigned' : 'Not assigned'}
                </dd>
              </dl>
            )}
            {c.heard && c.attendance.length > 0 && (
              <Scroll label={`Present for case ${c.caseNumber}`}>
                <DataTable
                  label={`Present for case ${c.caseNumber}`}
                  columns={people}
                  rows={c.attendance}
                  rowKey={(a) => a.personId}
                />
              </Scroll>
            )}
            {c.actions.length > 0 ? (
              <Scroll label={`Actions for case ${c.caseNumber}`}>
                <DataTable
                  label={`Actions for case ${c.caseNumber}`}
                  columns={actionColumns(false)}
                  rows={c.actions}
                  rowKey={(a) => a.reference}
                />
              </Scroll>
            ) : (
              <Body1>{c.heard ? 'No actions agreed.' : 'Not heard at this meeting.'}</Body1>
            )}
          </section>
        ))}
      </Section>
      {m.addenda.length > 0 && (
        <Section title="Addenda: corrections after approval" level={level}>
          <ul aria-label="Addenda">
            {m.addenda.map((a) => (
              <li key={a.id}>
                <Body1>
                  {formatDateTime(a.addedAt, tz)}, {a.addedBy}
                  {a.caseNumber ? ` (case ${a.caseNumber})` : ''}: {a.body}
                </Body1>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}

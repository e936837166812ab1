/**
 * The attendance report (A-13, KPI-4): attendance by agency over time, camera-on share
 * and the per-case presence matrix, from GET /api/reports/attendance (the reconciled figures).
 * Coordinator, chair and deputy chair see everything; the steering group sees aggregates only
 * (the API sends it no case references, and this page shows no matrix).
 */
import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client.js';
import {
  EmptyState,
  ErrorBanner,
  formatDay,
  PageLayout,
  Progress,
  Section,
} from '../../shell/components.js';
import { hasRole, RoleGate, useMe, WhoAmI } from '../../shell/session.js';
import { BarChart, ChartFigure, SmallMultiples } from './charts.js';
import { addMonths, month, type Period, PeriodForm, startOf, usePeriod } from './period.js';
import { DataTable } from '../common/data-table.js';
import { MeetingAttendanceExports } from './meeting-exports.js';

export interface AttendanceReport {
  meetings: { id: string; startsAt: string }[];
  byAgency: {
    agencyId: string;
    name: string;
    core: boolean;
    meetingsAttended: number;
    meetingsExpected: number;
    cameraOnShare: number | null;
  }[];
  perCase: {
    meetingId: string;
    agendaItemId: string;
    caseReference: string;
    heard: boolean;
    notHeard?: 'carried-forward' | 'not-heard' | null;
    agencies: { agencyId: string; status: Presence; present: boolean }[];
  }[];
  cases: { onAgenda: number; heard: number; notHeard: number };
}

/** Mirrors core/attendance/case-presence.ts (the web bundle imports no core values). */
type Presence =
  | 'present'
  | 'deputy-present'
  | 'apologies-written-submission'
  | 'apologies'
  | 'absent'
  | 'not-involved'
  | 'not-heard';

const PRESENCE: Record<Presence, string> = {
  present: 'Present',
  'deputy-present': 'Deputy present',
  'apologies-written-submission': 'Apologies (written submission)',
  apologies: 'Apologies',
  absent: 'Absent',
  'not-involved': 'Not involved',
  'not-heard': 'Not heard',
};

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  yes: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  no: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  figures: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap' },
  figure: { display: 'grid' },
  big: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
});

const label = (m: string) =>
  new Date(`${m}-15T12:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: '2-digit' });

export default function AttendanceReportPage() {
  return (
    <RoleGate
      anyOf={['coordinator', 'chair', 'deputy-chair', 'steering']}
      what="The attendance report"
    >
      <Report />
    </RoleGate>
  );
}

function Report() {
  const me = useMe();
  const aggregatesOnly = !hasRole(me, 'coordinator', 'chair', 'deputy-chair');
  const now = month(new Date());
  const period = usePeriod({ from: addMonths(now, -5), to: addMonths(now, 1) });
  const { asked, setAsked } = period;
  const [data, setData] = useState<{
    total: AttendanceReport;
    months: string[];
    byMonth: AttendanceReport[];
  } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    const months: string[] = [];
    for (let m = asked.from; m <= asked.to && months.length < 24; m = addMonths(m, 1))
      months.push(m);
    const period = (a: string, b: string) =>
      api<AttendanceReport>(
        `/reports/attendance?from=${encodeURIComponent(startOf(a))}&to=${encodeURIComponent(startOf(b))}`,
      );
    Promise.all([
      period(asked.from, addMonths(asked.to, 1)),
      ...months.map((m) => period(m, addMonths(m, 1))),
    ]).then(
      ([total, ...byMonth]) =>
        live && setData({ total: total as AttendanceReport, months, byMonth }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [asked]);

  return (
    <PageLayout
      title="Attendance report"
      subtitle={
        aggregatesOnly
          ? 'Attendance and cameras by agency, for the steering group: aggregates only, no cases.'
          : 'Attendance and cameras by agency, and which agencies were present for each case. Figures come from the Teams attendance reports, reconciled after each meeting.'
      }
      actions={<WhoAmI />}
    >
      <PeriodForm period={period} toLabel="To (month)" />
      {error !== null && <ErrorBanner error={error} onRetry={() => setAsked({ ...asked })} />}
      {data === null && error === null && <Progress label="Loading the attendance figures…" />}
      {data && <Figures {...data} period={asked} aggregatesOnly={aggregatesOnly} />}
    </PageLayout>
  );
}

function Figures(props: {
  total: AttendanceReport;
  months: string[];
  byMonth: AttendanceReport[];
  period: Period;
  aggregatesOnly: boolean;
}) {
  const styles = useStyles();
  const { total } = props;
  const agencies = useMemo(
    () =>
      [...total.byAgency]
        .filter((a) => a.meetingsExpected > 0 || a.core)
        .sort((a, b) => Number(b.core) - Number(a.core) || a.name.localeCompare(b.name)),
    [total],
  );
  if (total.meetings.length === 0)
    return (
      <EmptyState title="No reconciled meetings in this period">
        Figures appear once a meeting has ended and its Teams attendance report has been reconciled
        (usually within minutes). Choose another period, or run a meeting first.
      </EmptyState>
    );
  const expected = agencies.reduce((n, a) => n + a.meetingsExpected, 0);
  const attended = agencies.reduce((n, a) => n + a.meetingsAttended, 0);
  const cams = agencies.filter((a) => a.cameraOnShare !== null);
  const camAvg = cams.length
    ? cams.reduce((n, a) => n + (a.cameraOnShare ?? 0), 0) / cams.length
    : null;
  const names = new Map(total.byAgency.map((a) => [a.agencyId, a.name]));
  return (
    <>
      <Section title="In this period">
        <div className={styles.figures}>
          <Figure label="Meetings" value={String(total.meetings.length)} />
          <Figure
            label="Cases heard"
            value={String(total.cases.heard)}
            detail={`${total.cases.notHeard} listed but not heard`}
          />
          <Figure
            label="Agency attendance"
            value={expected ? `${Math.round((attended / expected) * 100)}%` : '—'}
            detail={`${attended} of ${expected} expected`}
          />
          <Figure
            label="Camera on (agency average)"
            value={camAvg === null ? '—' : `${Math.round(camAvg * 100)}%`}
          />
        </div>
      </Section>
      <Section title="Attendance by agency over time">
        <ChartFigure
          title="Meetings attended, by agency and month"
          measures="Share of the meetings each agency was invited to where its representative, deputy or IDVA was present. A dot: not invited that month."
          chart={
            <SmallMultiples
              title="Attendance by agency over time"
              periods={props.months.map(label)}
              series={agencies.map((a) => ({
                label: a.name,
                values: props.byMonth.map((r) => {
                  const row = r.byAgency.find((x) => x.agencyId === a.agencyId);
                  return row && row.meetingsExpected > 0
                    ? row.meetingsAttended / row.meetingsExpected
                    : null;
                }),
              }))}
            />
          }
          table={
            <DataTable
              label="Attendance by agency"
              rows={agencies}
              rowKey={(a) => a.agencyId}
              columns={[
                { header: 'Agency', cell: (a) => `${a.name}${a.core ? ' (core)' : ''}` },
                { header: 'Attended', cell: (a) => a.meetingsAttended },
                { header: 'Expected', cell: (a) => a.meetingsExpected },
                {
                  header: 'Camera on',
                  cell: (a) =>
                    a.cameraOnShare === null ? '—' : `${Math.round(a.cameraOnShare * 100)}%`,
                },
              ]}
            />
          }
        />
      </Section>
      <Section title="Camera-on share">
        <ChartFigure
          title="Camera on, by agency"
          measures="Time with the camera on, as a share of the time present, where Teams gave camera evidence. This is camera use, not attendance."
          tableSummary="Show the camera figures as a table"
          chart={
            <BarChart
              title="Camera-on share by agency"
              bars={agencies.map((a) => ({
                label: a.name,
                value: a.cameraOnShare,
                detail:
                  a.cameraOnShare === null
                    ? 'no camera evidence'
                    : `${Math.round(a.cameraOnShare * 100)}% of the time present`,
              }))}
            />
          }
          table={
            <DataTable
              label="Camera on by agency"
              rows={agencies}
              rowKey={(a) => a.agencyId}
              columns={[
                { header: 'Agency', cell: (a) => a.name },
                {
                  header: 'Camera on',
                  cell: (a) =>
                    a.cameraOnShare === null
                      ? 'No camera evidence'
                      : `${Math.round(a.cameraOnShare * 100)}%`,
                },
              ]}
            />
          }
        />
      </Section>
      {!props.aggregatesOnly && (
        <MeetingAttendanceExports meetings={total.meetings} period={props.period} />
      )}
      {!props.aggregatesOnly && (
        <Section title="Presence per case">
          <Caption1>
            Only the agencies involved with a case, or that referred it, were expected for it. Cases
            listed but not started and closed in the meeting were not heard.
          </Caption1>
          {total.perCase.length === 0 ? (
            <EmptyState title="No cases heard in this period" />
          ) : (
            <PresenceMatrix report={total} names={names} />
          )}
        </Section>
      )}
    </>
  );
}

function Figure(props: { label: string; value: string; detail?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.figure}>
      <span className={styles.big}>{props.value}</span>
      <Body1>{props.label}</Body1>
      {props.detail && <Caption1>{props.detail}</Caption1>}
    </div>
  );
}

function PresenceMatrix({
  report,
  names,
}: {
  report: AttendanceReport;
  names: Map<string, string>;
}) {
  const styles = useStyles();
  const ids = [...new Set(report.perCase.flatMap((c) => c.agencies.map((a) => a.agencyId)))].sort(
    (a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? ''),
  );
  const when = new Map(report.meetings.map((m) => [m.id, m.startsAt]));
  return (
    <div className={styles.scroll}>
      <DataTable
        label="Presence per case"
        rows={report.perCase}
        rowKey={(c) => c.agendaItemId}
        columns={[
          { header: 'Case', cell: (c) => c.caseReference },
          { header: 'Meeting', cell: (c) => formatDay(when.get(c.meetingId) ?? null) },
          {
            header: 'Heard',
            cell: (c) =>
              c.heard
                ? 'Heard'
                : c.notHeard === 'carried-forward'
                  ? 'Not heard (carried forward)'
                  : 'Not heard',
          },
          ...ids.map((id) => ({
            header: names.get(id) ?? 'Agency',
            cell: (c: AttendanceReport['perCase'][number]) => {
              const cell = c.agencies.find((a) => a.agencyId === id);
              if (!cell) return <span className={styles.muted}>Not invited</span>;
              const className =
                cell.status === 'absent'
                  ? styles.no
                  : cell.present
                    ? styles.yes
                    : cell.status.startsWith('apologies')
                      ? undefined
                      : styles.muted;
              return <span className={className}>{PRESENCE[cell.status]}</span>;
            },
          })),
        ]}
      />
    </div>
  );
}

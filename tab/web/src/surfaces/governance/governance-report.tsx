/**
 * The steering/governance report (FR-115, FR-075, KPI-1, KPI-3, KPI-4, KPI-6, KPI-12, KPI-13):
 * volumes, action completion, escalations and attendance for a period, from
 * GET /api/reports/governance. The steering group sees aggregates only: the API sends it no
 * case or action references, and this page then shows no list of escalated actions. Every chart
 * is a titled figure saying what it measures, with a text alternative and a table of the same
 * numbers; the requirement ids above stay in code, never on screen.
 */
import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import {
  EmptyState,
  ErrorBanner,
  formatDay,
  Notice,
  PageLayout,
  Progress,
  Section,
} from '../../shell/components.js';
import { RouteLink } from '../../shell/router.js';
import { hasRole, RoleGate, useMe, WhoAmI } from '../../shell/session.js';
import { BarChart, ChartFigure } from '../reports/charts.js';
import { addMonths, month, PeriodForm, startOf, usePeriod } from '../reports/period.js';
// The API's JSON shape is the core use case's result type (type-only: nothing of core is bundled).
import type { GovernanceReport } from '../../../../../core/reports/governance.js';
import { DataTable } from '../common/data-table.js';
import { SafeLivesReturnSection } from './safelives-return-panel.js';

const useStyles = makeStyles({
  figures: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap' },
  figure: { display: 'grid' },
  big: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: 'auto' },
});

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

export default function GovernanceReportPage() {
  return (
    <RoleGate
      anyOf={['coordinator', 'chair', 'deputy-chair', 'steering']}
      what="The governance report"
    >
      <Report />
    </RoleGate>
  );
}

function Report() {
  const isCoordinator = hasRole(useMe(), 'coordinator');
  const now = month(new Date());
  const period = usePeriod({ from: addMonths(now, -2), to: now });
  const { asked, setAsked } = period;
  const [data, setData] = useState<GovernanceReport | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    api<GovernanceReport>(
      `/reports/governance?from=${encodeURIComponent(startOf(asked.from))}&to=${encodeURIComponent(startOf(addMonths(asked.to, 1)))}`,
    ).then(
      (r) => live && setData(r),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [asked]);

  return (
    <PageLayout
      title="Governance report"
      subtitle="Volumes, action completion, escalations and attendance for the steering group. Aggregates only; case and action references are shown to the coordinator and chair."
      actions={<WhoAmI />}
    >
      <Body1>
        The steering group’s quarterly pack, with the equality profile, timeliness and the action
        mix, and its Word and Excel downloads:{' '}
        <RouteLink to="/reports/steering-pack">the steering group pack</RouteLink>.
      </Body1>
      <PeriodForm period={period} toLabel="To (month, included)" />
      {error !== null && <ErrorBanner error={error} onRetry={() => setAsked({ ...asked })} />}
      {data === null && error === null && <Progress label="Loading the governance figures…" />}
      {data && <Figures report={data} />}
      {isCoordinator && (
        <SafeLivesReturnSection from={startOf(asked.from)} to={startOf(addMonths(asked.to, 1))} />
      )}
    </PageLayout>
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

/** A small table of figures that scrolls sideways on a narrow screen. */
function FigureTable(props: { label: string; head: string[]; rows: (string | number)[][] }) {
  const styles = useStyles();
  return (
    <div className={styles.scroll}>
      <DataTable
        label={props.label}
        rows={props.rows}
        rowKey={(_r, i) => i}
        columns={props.head.map((h, j) => ({ header: h, cell: (r: (string | number)[]) => r[j] }))}
      />
    </div>
  );
}

function Figures({ report }: { report: GovernanceReport }) {
  const styles = useStyles();
  const { volumes: v, actions: a, escalations: e, attendance: at } = report;
  if (v.meetings === 0 && a.created === 0 && e.outstanding === 0 && at.meetingsReconciled === 0)
    return (
      <EmptyState title="Nothing to report for this period">
        Figures appear once meetings have ended in the period and actions were agreed at them.
        Choose another period.
      </EmptyState>
    );
  const expected = at.byAgency.filter((x) => x.meetingsExpected > 0);
  return (
    <>
      {!report.withReferences && (
        <Notice intent="info">
          Counts of cases, children and actions from 1 to 4 are shown as “fewer than 5”, and a share
          built on them is not shown, so that no one can be identified.
        </Notice>
      )}
      <Section title="Volumes">
        <div className={styles.figures}>
          <Figure label="Meetings" value={String(v.meetings)} />
          <Figure
            label="Cases heard"
            value={String(v.casesHeard)}
            detail={v.casesPerMeeting === null ? undefined : `${v.casesPerMeeting} per meeting`}
          />
          <Figure
            label="Cases listed but not heard"
            value={String(v.casesNotHeard)}
            detail={`of ${v.casesOnAgenda} on the agendas`}
          />
          <Figure
            label="Repeat cases"
            value={pct(v.repeatRate)}
            detail={`${v.repeatCases} of the cases heard`}
          />
          <Figure label="Children in the households" value={String(v.childrenInHouseholds)} />
          <Figure
            label="Referred by the police"
            value={pct(v.policeShare)}
            detail={`${v.distinctReferringAgencies} referring agencies`}
          />
        </div>
        {v.referralsBySector.length > 0 && (
          <ChartFigure
            title="Where the cases heard were referred from"
            measures="Share of the cases heard, by the kind of agency that referred them."
            chart={
              <BarChart
                title="Where the cases heard were referred from"
                bars={v.referralsBySector.map((s) => ({
                  label: s.label,
                  value: s.suppressed ? null : s.share,
                  detail: `${s.cases} cases`,
                }))}
              />
            }
            table={
              <FigureTable
                label="Where the cases heard were referred from"
                head={['Referred by', 'Cases heard', 'Share']}
                rows={v.referralsBySector.map((s) => [
                  s.label,
                  s.cases,
                  s.suppressed ? '—' : pct(s.share),
                ])}
              />
            }
          />
        )}
      </Section>
      <Section title="Action completion">
        <div className={styles.figures}>
          <Figure label="Actions agreed" value={String(a.created)} />
          <Figure
            label="Done by the due date"
            value={pct(a.completionRate)}
            detail={`${a.doneOnTime} on time, ${a.doneLate} late`}
          />
          <Figure label="Open" value={String(a.open)} detail={`${a.overdue} overdue`} />
          <Figure label="Cannot be achieved" value={String(a.notAchievable)} />
          <Figure
            label="Median days to completion"
            value={a.medianDaysToCompletion === null ? '—' : String(a.medianDaysToCompletion)}
          />
        </div>
        {a.byAgency.length > 0 && (
          <ChartFigure
            title="Actions done by the due date, by agency"
            measures="Share of each agency’s actions that were due by today (or closed) and were done by their due date."
            chart={
              <BarChart
                title="Actions done by the due date, by agency"
                bars={a.byAgency.map((g) => ({
                  label: g.name,
                  value: g.completionRate,
                  detail:
                    g.completionRate === null
                      ? 'nothing due yet'
                      : `${g.doneOnTime} on time of ${g.created} agreed`,
                }))}
              />
            }
            table={
              <FigureTable
                label="Action completion by agency"
                head={[
                  'Agency',
                  'Agreed',
                  'On time',
                  'Late',
                  'Cannot be achieved',
                  'Open',
                  'Overdue',
                  'Done by due date',
                ]}
                rows={a.byAgency.map((g) => [
                  g.name,
                  g.created,
                  g.doneOnTime,
                  g.doneLate,
                  g.notAchievable,
                  g.open,
                  g.overdue,
                  pct(g.completionRate),
                ])}
              />
            }
          />
        )}
      </Section>
      <Section title="Escalations">
        <Body1>
          {e.escalatedInPeriod} actions of this period were escalated to an agency’s escalation
          contact; {e.outstanding} escalated actions are still open today (
          {formatDay(report.period.today)}).
        </Body1>
        {e.byAgency.length === 0 ? (
          <EmptyState title="No escalations" />
        ) : (
          <FigureTable
            label="Escalations by agency"
            head={['Agency', 'Escalated in the period', 'Still open']}
            rows={e.byAgency.map((g) => [g.name, g.escalated, g.outstanding])}
          />
        )}
        {report.withReferences && e.outstandingActions.length > 0 && (
          <FigureTable
            label="Escalated actions still open"
            head={['Action', 'Case', 'Owner agency', 'Due', 'Working days overdue']}
            rows={e.outstandingActions.map((x) => [
              x.reference,
              x.caseReference,
              x.ownerAgencyName,
              formatDay(x.dueOn),
              x.workingDaysOverdue ?? `${x.daysOverdue} days`,
            ])}
          />
        )}
      </Section>
      <Section title="Attendance and cameras">
        <div className={styles.figures}>
          <Figure label="Reconciled meetings" value={String(at.meetingsReconciled)} />
          <Figure label="Agency attendance" value={pct(at.attendanceRate)} />
          <Figure label="Core agencies" value={pct(at.coreAttendanceRate)} />
          <Figure label="Camera on (agency average)" value={pct(at.cameraOnShare)} />
        </div>
        {expected.length > 0 && (
          <>
            <ChartFigure
              title="Meetings attended, by agency"
              measures="Meetings where the agency’s representative, deputy or IDVA was present, as a share of the meetings it was invited to. This is attendance, not camera use."
              chart={
                <BarChart
                  title="Meetings attended, by agency"
                  bars={expected.map((x) => ({
                    label: x.name,
                    value: x.meetingsAttended / x.meetingsExpected,
                    detail: `${x.meetingsAttended} of ${x.meetingsExpected}`,
                  }))}
                />
              }
              table={
                <FigureTable
                  label="Attendance by agency"
                  head={['Agency', 'Meetings attended', 'Meetings invited to', 'Camera on']}
                  rows={expected.map((x) => [
                    `${x.name}${x.core ? ' (core)' : ''}`,
                    x.meetingsAttended,
                    x.meetingsExpected,
                    pct(x.cameraOnShare),
                  ])}
                />
              }
            />
            <ChartFigure
              title="Camera on, by agency"
              measures="Time with the camera on, as a share of the time present, where Teams gave camera evidence."
              tableSummary="Show the camera figures as a table"
              chart={
                <BarChart
                  title="Camera on, by agency"
                  bars={expected.map((x) => ({
                    label: x.name,
                    value: x.cameraOnShare,
                    detail:
                      x.cameraOnShare === null
                        ? 'no camera evidence'
                        : `${pct(x.cameraOnShare)} of the time present`,
                  }))}
                />
              }
              table={
                <FigureTable
                  label="Camera on by agency"
                  head={['Agency', 'Camera on']}
                  rows={expected.map((x) => [x.name, pct(x.cameraOnShare)])}
                />
              }
            />
          </>
        )}
        <Caption1>
          Details over time: <RouteLink to="/reports/attendance">the attendance report</RouteLink>.
        </Caption1>
      </Section>
    </>
  );
}

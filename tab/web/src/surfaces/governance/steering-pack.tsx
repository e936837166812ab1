/**
 * The steering group's quarterly pack (GET /api/reports/steering-pack): headline figures, then
 * each part as a titled chart saying what it measures, with its table (the same tables the Word
 * pack and the Excel workbook are made from), and the downloads. The steering group always sees
 * aggregates with counts under 5 shown as "fewer than 5"; the coordinator and chair may look at
 * exact figures but download the steering group's version unless they choose otherwise. The
 * coordinator also finds the SafeLives return for the period here, and the link to the local
 * population figures.
 */
import { Body1, Button, Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api, apiBlob } from '../../api/client.js';
import { ErrorBanner, Notice, PageLayout, Progress, Section } from '../../shell/components.js';
import { RouteLink } from '../../shell/router.js';
import { hasRole, RoleGate, useMe, WhoAmI } from '../../shell/session.js';
import { useSubmit } from '../../shell/use-submit.js';
import { DataTable } from '../common/data-table.js';
import { BarChart, ChartFigure } from '../reports/charts.js';
import { addMonths, month, PeriodForm, startOf, usePeriod } from '../reports/period.js';
// The API's JSON shape is the core use case's result type (type-only: nothing of core is bundled).
import type { PackTable, SteeringPack } from '../../../../../core/reports/steering-pack.js';
import { SafeLivesReturnSection } from './safelives-return-panel.js';

const useStyles = makeStyles({
  figures: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap' },
  figure: { display: 'grid', minWidth: '8rem' },
  big: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
});

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const BAND_WORDS = { below: 'below', within: 'within', above: 'above' } as const;

export default function SteeringPackPage() {
  return (
    <RoleGate
      anyOf={['coordinator', 'chair', 'deputy-chair', 'steering']}
      what="The steering group pack"
    >
      <Pack />
    </RoleGate>
  );
}

/** The quarter the current month is in: its first and last month. */
function currentQuarter(): { from: string; to: string } {
  const now = month(new Date());
  const m = Number(now.slice(5, 7));
  const from = addMonths(now, -((m - 1) % 3));
  return { from, to: addMonths(from, 2) };
}

function Pack() {
  const styles = useStyles();
  const me = useMe();
  const exactReader = ['coordinator', 'chair', 'deputy-chair'].some((r) =>
    hasRole(me, r as 'coordinator'),
  );
  const isCoordinator = hasRole(me, 'coordinator');
  const period = usePeriod(currentQuarter());
  const { asked, setAsked } = period;
  const [steeringVersion, setSteeringVersion] = useState(true);
  const [data, setData] = useState<SteeringPack | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = useSubmit();
  const from = startOf(asked.from);
  const to = startOf(addMonths(asked.to, 1));
  const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${
    exactReader && steeringVersion ? '&version=steering' : ''
  }`;

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    api<SteeringPack>(`/reports/steering-pack?${query}`).then(
      (r) => live && setData(r),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [query, asked]);

  const download = (ext: 'docx' | 'xlsx') =>
    submit.run(async () => {
      const blob = await apiBlob(`/reports/steering-pack.${ext}?${query}`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `steering-pack-${asked.from}.${ext}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });

  return (
    <PageLayout
      title="Steering group pack"
      subtitle="The quarter’s figures for the steering group: volumes and repeats against SafeLives’ expected ranges, referral sources, the equality profile, attendance, timeliness and the action mix. Aggregates only: no case reference and no name."
      actions={<WhoAmI />}
    >
      <PeriodForm period={period} toLabel="To (month, included)" />
      <Section title="Download the pack">
        {exactReader && (
          <Checkbox
            checked={steeringVersion}
            onChange={(_e, d) => setSteeringVersion(d.checked === true)}
            label="The steering group’s version: counts under 5 shown as “fewer than 5”"
          />
        )}
        <div className={styles.row}>
          <Button appearance="primary" disabled={submit.busy} onClick={() => void download('docx')}>
            Download the pack (Word)
          </Button>
          <Button disabled={submit.busy} onClick={() => void download('xlsx')}>
            Download the tables (Excel)
          </Button>
        </div>
        {submit.error !== null && <ErrorBanner error={submit.error} />}
        {isCoordinator && (
          <Caption1>
            The recommended volume and the equality comparison use the{' '}
            <RouteLink to="/reports/population">local population figures</RouteLink> you enter.
          </Caption1>
        )}
      </Section>
      {error !== null && <ErrorBanner error={error} onRetry={() => setAsked({ ...asked })} />}
      {data === null && error === null && <Progress label="Loading the pack…" />}
      {data && <PackView pack={data} />}
      {isCoordinator && <SafeLivesReturnSection from={from} to={to} />}
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

function PackTableView({ table }: { table: PackTable }) {
  const styles = useStyles();
  if (table.rows.length === 0) return <Body1>Nothing to show for this period.</Body1>;
  return (
    <div className={styles.scroll}>
      <DataTable
        label={table.title}
        rows={table.rows}
        rowKey={(_r, i) => i}
        columns={table.head.map((h, j) => ({
          header: h,
          cell: (r: (string | number | null)[]) => r[j] ?? '',
        }))}
      />
    </div>
  );
}

function PackView({ pack }: { pack: SteeringPack }) {
  const styles = useStyles();
  const v = pack.volumes;
  return (
    <>
      {pack.suppressed ? (
        <Notice intent="info">
          Counts of cases, children and actions from 1 to 4 are shown as “fewer than 5”, and a share
          built on them is not shown, so that no one can be identified.
        </Notice>
      ) : (
        <Notice intent="warning">
          Exact figures, for the coordinator and chair. Share the steering group’s version.
        </Notice>
      )}
      <Section title="At a glance">
        <div className={styles.figures}>
          <Figure label="Meetings" value={String(v.meetings)} />
          <Figure label="Cases heard" value={String(v.casesHeard)} />
          <Figure label="Cases listed but not heard" value={String(v.casesNotHeard)} />
          <Figure
            label="Repeat rate"
            value={pct(v.repeatRate)}
            detail={
              v.repeatBand.position === null
                ? 'SafeLives expects 28–40%'
                : `${BAND_WORDS[v.repeatBand.position]} SafeLives’ expected 28–40%`
            }
          />
          <Figure
            label="Of the recommended volume"
            value={pct(v.volumeShare)}
            detail={
              v.expectedCases === null
                ? 'local population not entered'
                : `${v.expectedCases} cases recommended; ${
                    v.volumeBand.position === null ? 'expected' : BAND_WORDS[v.volumeBand.position]
                  } 80–100%`
            }
          />
          <Figure label="Children in the households" value={String(v.childrenInHouseholds)} />
        </div>
      </Section>
      {pack.tables.map((t) => (
        <Section key={t.key} title={t.title}>
          {t.bars && t.bars.length > 0 ? (
            <ChartFigure
              title={t.chartTitle ?? t.title}
              measures={t.measures}
              chart={<BarChart title={t.chartTitle ?? t.title} bars={t.bars} />}
              table={<PackTableView table={t} />}
            />
          ) : (
            <>
              <Caption1>{t.measures}</Caption1>
              <PackTableView table={t} />
            </>
          )}
        </Section>
      ))}
    </>
  );
}

/**
 * The SafeLives per-meeting data return for the coordinator (FR-118): the check list of data
 * still missing for the cases heard, the figures per meeting, and the Excel downloads (for the
 * whole period and per meeting). A blank figure is data not collected, never zero.
 */
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api, apiBlob } from '../../api/client.js';
import {
  EmptyState,
  ErrorBanner,
  formatDay,
  Notice,
  Progress,
  Section,
} from '../../shell/components.js';
import { RouteLink } from '../../shell/router.js';
import { useSubmit } from '../../shell/use-submit.js';
import { DataTable } from '../common/data-table.js';
// The API's JSON shape is the core use case's result type (type-only).
import type { SafeLivesReturn } from '../../../../../core/reports/safelives-return.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  scroll: { overflowX: 'auto' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export function SafeLivesReturnSection(props: { from: string; to: string }) {
  const styles = useStyles();
  const query = `from=${encodeURIComponent(props.from)}&to=${encodeURIComponent(props.to)}`;
  const [data, setData] = useState<SafeLivesReturn | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = useSubmit();
  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    api<SafeLivesReturn>(`/reports/safelives-return?${query}`).then(
      (r) => live && setData(r),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [query]);

  const download = (which: string, name: string) =>
    submit.run(async () => {
      const blob = await apiBlob(`/reports/safelives-return.xlsx?${which}`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `safelives-return-${name}.xlsx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });

  return (
    <Section title="SafeLives data return">
      <Body1>
        One row per meeting, counting the cases heard. A blank figure means some case heard at that
        meeting has no answer recorded for it; complete the cases listed below before you submit.
      </Body1>
      {error !== null && <ErrorBanner error={error} />}
      {data === null && error === null && <Progress label="Loading the return…" />}
      {data &&
        (data.rows.length === 0 ? (
          <EmptyState title="No ended meetings in this period" />
        ) : (
          <>
            {data.checks.length === 0 ? (
              <Notice intent="success">
                Every case heard has its data recorded: the return is complete.
              </Notice>
            ) : (
              <Notice intent="warning">
                {data.checks.length} cases heard still lack data for the return:
              </Notice>
            )}
            {data.checks.length > 0 && (
              <ul className={styles.list} aria-label="Data missing for the return">
                {data.checks.map((c) => (
                  <li key={`${c.meetingId}-${c.caseReference}`}>
                    <RouteLink to={`/coordinator/meetings/${c.meetingId}`}>
                      {formatDay(c.meetingDate)}, {c.caseReference}
                    </RouteLink>
                    : {c.missing.join(', ')}
                  </li>
                ))}
              </ul>
            )}
            <div className={styles.row}>
              <Button
                appearance="primary"
                disabled={submit.busy}
                onClick={() => void download(query, props.from.slice(0, 10))}
              >
                Download the return for the period (Excel)
              </Button>
            </div>
            {submit.error !== null && <ErrorBanner error={submit.error} />}
            <div className={styles.scroll}>
              <DataTable
                label="SafeLives return by meeting"
                rows={data.rows}
                rowKey={(r) => r.meetingId}
                columns={[
                  { header: 'Meeting', cell: (r) => formatDay(String(r.cells[1])) },
                  { header: 'Cases discussed', cell: (r) => r.cells[2] ?? '' },
                  { header: 'Repeat cases', cell: (r) => r.cells[3] ?? '' },
                  {
                    header: 'Figures left blank',
                    cell: (r) => r.cells.slice(2).filter((c) => c === null).length,
                  },
                  {
                    header: 'Download',
                    cell: (r) => (
                      <Button
                        size="small"
                        disabled={submit.busy}
                        onClick={() =>
                          void download(`meetingId=${r.meetingId}`, String(r.cells[1]))
                        }
                      >
                        Excel for {formatDay(String(r.cells[1]))}
                      </Button>
                    ),
                  },
                ]}
              />
            </div>
            <Caption1>
              The columns follow SafeLives’ published Marac data; check them against the data form
              SafeLives sends you before the first submission.
            </Caption1>
          </>
        ))}
    </Section>
  );
}

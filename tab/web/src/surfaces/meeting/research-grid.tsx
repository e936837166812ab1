/**
 * FR-038: the research grid for the coordinator and the meeting's chairs: per case and
 * involved agency, returned / nil / no involvement / written submission / missing, with counts,
 * and one case's returns read in full. Views are audited by the service.
 */
import { Badge, Body1, Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import {
  EmptyState,
  formatDateTime,
  formatDay,
  Loaded,
  Notice,
  Section,
} from '../../shell/components.js';
import { DataTable } from '../common/data-table.js';
import {
  RESEARCH_BADGE,
  RESEARCH_LABEL,
  type ResearchReturnView,
  type ResearchStatusValue,
} from './research-returns.js';
import { useStyles } from './styles.js';

type Cell = ResearchStatusValue | 'missing';
type Counts = Record<Cell, number>;

interface Grid {
  deadline: string;
  destroyed: boolean;
  totals: Counts;
  agencies: { agencyId: string; name: string; counts: Counts }[];
  cases: {
    agendaItemId: string;
    caseNumber: string;
    position: number;
    isClosedSession: boolean;
    counts: Counts;
    cells: { agencyId: string; agencyName: string; cell: Cell; returnedAt: string | null }[];
  }[];
}

const CELLS: Cell[] = [
  'submitted',
  'nil-return',
  'no-involvement',
  'written-submission',
  'missing',
];

export function ResearchGrid({ meetingId, timeZone }: { meetingId: string; timeZone: string }) {
  const grid = useApi<Grid>(`/meetings/${meetingId}/research/grid`);
  const [open, setOpen] = useState<string | null>(null);
  const styles = useStyles();
  if (grid.error instanceof ApiError && grid.error.status === 403) return null;
  return (
    <Section title="Research by case and agency">
      <Loaded state={grid} label="Loading the research grid…">
        {(g) => (
          <>
            <Body1>
              Due by {formatDateTime(g.deadline, timeZone)}.{' '}
              {CELLS.map((c) => `${RESEARCH_LABEL[c]}: ${g.totals[c]}`).join(' · ')}
            </Body1>
            {g.destroyed && (
              <Notice intent="info">
                The research text has been destroyed after the meeting; what each agency returned is
                kept.
              </Notice>
            )}
            {g.cases.length === 0 ? (
              <EmptyState title="No cases on the agenda yet" />
            ) : (
              <ul className={styles.cases} aria-label="Research by case">
                {g.cases.map((c) => (
                  <li key={c.agendaItemId} className={styles.caseCard}>
                    <div className={styles.row}>
                      <Text weight="semibold">
                        {c.position}. Case {c.caseNumber}
                      </Text>
                      {c.isClosedSession && <Badge appearance="outline">Closed session</Badge>}
                      <Text>
                        {c.counts.missing === 0
                          ? 'All involved agencies have returned'
                          : `${c.counts.missing} missing`}
                      </Text>
                    </div>
                    <ul className={styles.chips} aria-label={`Agencies on case ${c.caseNumber}`}>
                      {c.cells.map((cell) => (
                        <li key={cell.agencyId} className={styles.chip}>
                          <Text>{cell.agencyName}</Text>
                          <Badge appearance="filled" color={RESEARCH_BADGE[cell.cell]}>
                            {RESEARCH_LABEL[cell.cell]}
                          </Badge>
                        </li>
                      ))}
                    </ul>
                    <div className={styles.row}>
                      <Button
                        size="small"
                        onClick={() => setOpen(open === c.agendaItemId ? null : c.agendaItemId)}
                        aria-expanded={open === c.agendaItemId}
                      >
                        {open === c.agendaItemId ? 'Hide the returns' : 'Read the returns'}
                      </Button>
                    </div>
                    {open === c.agendaItemId && (
                      <CaseReturns meetingId={meetingId} agendaItemId={c.agendaItemId} />
                    )}
                  </li>
                ))}
              </ul>
            )}
            <div className={styles.scroll}>
              <DataTable
                label="Research counts by agency"
                rows={g.agencies}
                rowKey={(a) => a.agencyId}
                columns={[
                  { header: 'Agency', cell: (a) => a.name },
                  ...CELLS.map((c) => ({
                    header: RESEARCH_LABEL[c],
                    cell: (a: Grid['agencies'][number]) => a.counts[c],
                  })),
                ]}
              />
            </div>
          </>
        )}
      </Loaded>
    </Section>
  );
}

interface CaseResearch {
  caseNumber: string;
  agencies: { agencyId: string; agencyName: string; return: ResearchReturnView | null }[];
}

function CaseReturns({ meetingId, agendaItemId }: { meetingId: string; agendaItemId: string }) {
  const detail = useApi<CaseResearch>(`/meetings/${meetingId}/research/cases/${agendaItemId}`);
  const styles = useStyles();
  return (
    <Loaded state={detail} label="Loading the returns…">
      {(d) => (
        <dl className={styles.stacked} aria-label={`Returns for case ${d.caseNumber}`}>
          {d.agencies.map((a) => (
            <div key={a.agencyId} className={styles.contents}>
              <dt className={styles.dt}>{a.agencyName}</dt>
              <dd className={`${styles.dd} ${styles.prewrap}`}>
                {!a.return
                  ? 'Missing'
                  : a.return.destroyed
                    ? `${RESEARCH_LABEL[a.return.status]}; destroyed after the meeting`
                    : [
                        RESEARCH_LABEL[a.return.status],
                        a.return.information,
                        a.return.reason && `Why shared: ${a.return.reason}`,
                        a.return.restrictions && `Restrictions: ${a.return.restrictions}`,
                        a.return.researchedOn &&
                          `Researched on ${formatDay(a.return.researchedOn)}`,
                      ]
                        .filter(Boolean)
                        .join('\n')}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Loaded>
  );
}

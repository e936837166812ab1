import { ApiError } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { Body1 } from '@fluentui/react-components';
import { EmptyState, formatDay, Loaded, NotAvailable, Section } from '../../shell/components.js';
import { DataTable } from '../common/data-table.js';
import { useStyles } from './styles.js';

interface ResearchStatusView {
  cases: number;
  writtenSubmissionsDueOn?: string | null;
  agencies: {
    agencyId: string;
    name: string;
    involvedIn: number;
    submitted: number;
    nilReturns: number;
    noInvolvement: number;
    writtenSubmissions: number;
    missing: number;
  }[];
}

/** FR-038: research status per invited agency (counts only) for the cases I may see. */
export function ResearchStatus({ meetingId }: { meetingId: string }) {
  const research = useApi<ResearchStatusView>(`/meetings/${meetingId}/research`);
  const styles = useStyles();
  return (
    <Section title="Research status by agency">
      {research.error instanceof ApiError && research.error.notAvailable ? (
        <NotAvailable what="Research status" />
      ) : research.error instanceof ApiError && research.error.status === 403 ? (
        <EmptyState title="Research status is not shown">{research.error.message}</EmptyState>
      ) : (
        <Loaded state={research} label="Loading research status…">
          {(d) => (
            <>
              {d.writtenSubmissionsDueOn && (
                <Body1 as="p">
                  Agencies that cannot attend send a written submission by{' '}
                  <strong>{formatDay(d.writtenSubmissionsDueOn)}</strong>.
                </Body1>
              )}
              {d.agencies.length === 0 ? (
                <EmptyState title="No agencies invited yet" />
              ) : (
                <div className={styles.scroll}>
                  <DataTable
                    label="Research status by agency"
                    rows={d.agencies}
                    rowKey={(a) => a.agencyId}
                    columns={[
                      { header: 'Agency', cell: (a) => a.name },
                      { header: <>Cases involved (of {d.cases})</>, cell: (a) => a.involvedIn },
                      { header: 'Returned', cell: (a) => a.submitted },
                      { header: 'Nil returns', cell: (a) => a.nilReturns },
                      { header: 'No involvement', cell: (a) => a.noInvolvement },
                      { header: 'Written submissions', cell: (a) => a.writtenSubmissions },
                      { header: 'Missing', cell: (a) => a.missing },
                    ]}
                  />
                </div>
              )}
            </>
          )}
        </Loaded>
      )}
    </Section>
  );
}

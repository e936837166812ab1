import { ApiError } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { Body1 } from '@fluentui/react-components';
import { EmptyState, formatDay, Loaded, NotAvailable, Section } from '../../shell/components.js';
import { DataTable } from '../common/data-table.js';

interface ResearchStatusView {
  cases: number;
  writtenSubmissionsDueOn?: string | null;
  agencies: {
    agencyId: string;
    name: string;
    submitted: number;
    nilReturns: number;
    missing: number;
  }[];
}

/** FR-038: research status per invited agency (counts only) for the cases I may see. */
export function ResearchStatus({ meetingId }: { meetingId: string }) {
  const research = useApi<ResearchStatusView>(`/meetings/${meetingId}/research`);
  return (
    <Section title="Research status by agency">
      {research.error instanceof ApiError && research.error.notAvailable ? (
        <NotAvailable what="Research status" />
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
                <DataTable
                  label="Research status by agency"
                  rows={d.agencies}
                  rowKey={(a) => a.agencyId}
                  columns={[
                    { header: 'Agency', cell: (a) => a.name },
                    { header: 'Submitted', cell: (a) => a.submitted },
                    { header: 'Nil returns', cell: (a) => a.nilReturns },
                    { header: <>Missing (of {d.cases})</>, cell: (a) => a.missing },
                  ]}
                />
              )}
            </>
          )}
        </Loaded>
      )}
    </Section>
  );
}

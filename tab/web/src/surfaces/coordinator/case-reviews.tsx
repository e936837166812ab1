/**
 * IS-09, FR-109: cases due for their 6- or 12-month review (the months are the area's policy),
 * on the coordinator's home page. References and dates only.
 */
import { useApi } from '../../api/use-api.js';
import { EmptyState, formatDay, Loaded, Section } from '../../shell/components.js';
import { DataTable } from '../common/data-table.js';

interface CaseReview {
  caseId: string;
  caseReference: string;
  lastHeardOn: string;
  months: number;
  reviewOn: string;
}

export function CaseReviews() {
  const reviews = useApi<{ reviews: CaseReview[] }>('/area/case-reviews');
  return (
    <Section title="Cases due for review">
      <Loaded state={reviews} label="Loading the cases due for review…">
        {(d) =>
          d.reviews.length === 0 ? (
            <EmptyState title="No case reviews due">
              A case appears here two weeks before its review date (set in Area set-up, Data
              protection) and stays for four weeks after.
            </EmptyState>
          ) : (
            <DataTable
              label="Cases due for review"
              rows={d.reviews}
              rowKey={(r) => `${r.caseId}:${r.months}`}
              columns={[
                { header: 'Case', cell: (r) => r.caseReference },
                { header: 'Last heard', cell: (r) => formatDay(r.lastHeardOn) },
                { header: 'Review', cell: (r) => `${r.months}-month review` },
                { header: 'Review date', cell: (r) => formatDay(r.reviewOn) },
              ]}
            />
          )
        }
      </Loaded>
    </Section>
  );
}

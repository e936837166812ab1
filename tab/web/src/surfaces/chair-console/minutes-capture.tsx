/**
 * Minutes captured in the meeting (REQUIREMENTS.md §3.9): for the case being heard (or any
 * other), the chair records the risk summary, the victim's views through the IDVA, the decisions
 * and any dissent; the coordinator completes them afterwards. When the coordinator has sent the
 * minutes for approval, the chair approves them here (or sends them back).
 */
import { Body1, Button, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { api, ApiError } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { ErrorBanner, Notice, Progress, Section } from '../../shell/components.js';
import { RouteLink } from '../../shell/router.js';
import { useSubmit } from '../../shell/use-submit.js';
import { CaseRecordForm } from '../common/minutes/case-record-form.js';
import { StatusBadge } from '../common/minutes/minutes-view.js';
import { ToReview } from '../common/minutes/to-review.js';
import type { MinutesJson } from '../common/minutes/types.js';
import type { RunView } from './types.js';

export function MinutesCapture({ meetingId, run }: { meetingId: string; run: RunView }) {
  const minutes = useApi<MinutesJson>(`/meetings/${meetingId}/minutes`);
  const [chosen, setChosen] = useState<string | null>(null);
  const decision = useSubmit();
  const started = run.agenda.filter((a) => a.actualStart);
  // The case being heard, else the one the chair chose, else the last one heard.
  const itemId =
    chosen ?? run.currentAgendaItemId ?? started[started.length - 1]?.agendaItemId ?? null;
  const sheet = minutes.data?.cases?.find((c) => c.agendaItemId === itemId) ?? null;
  const status = minutes.data?.workflow.status;
  const decide = (value: 'approve' | 'return') =>
    decision.run(async () => {
      await api(`/meetings/${meetingId}/minutes/decision`, {
        method: 'POST',
        body: { decision: value },
      });
      minutes.reload();
    });

  return (
    <Section
      title="Minutes"
      actions={minutes.data ? <StatusBadge status={minutes.data.workflow.status} /> : undefined}
    >
      {minutes.loading && !minutes.data && <Progress label="Loading the minutes…" />}
      {minutes.error !== null && !minutes.data && (
        <ErrorBanner error={minutes.error} onRetry={minutes.reload} />
      )}
      {status === 'awaiting-approval' && (
        <>
          <Notice intent="info">
            The coordinator has sent these minutes for your approval.{' '}
            <RouteLink to={`/tab/minutes?meetingId=${encodeURIComponent(meetingId)}`}>
              Read the minutes
            </RouteLink>
            , then approve them.
          </Notice>
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button
              appearance="primary"
              disabled={decision.busy}
              onClick={() => void decide('approve')}
            >
              Approve the minutes
            </Button>
            <Button disabled={decision.busy} onClick={() => void decide('return')}>
              Send back to the coordinator
            </Button>
          </div>
          {decision.error !== null && <ErrorBanner error={decision.error} />}
        </>
      )}
      {(status === 'approved' || status === 'circulated') && (
        <Body1>
          These minutes are approved. Corrections are added by the coordinator as addenda.
        </Body1>
      )}
      {minutes.data?.cases && !run.agenda.some((a) => a.actualStart) && (
        <ToReview
          minutes={minutes.data}
          previousLink={(id) => (
            <RouteLink to={`/tab/minutes?meetingId=${encodeURIComponent(id)}`}>
              read the previous minutes
            </RouteLink>
          )}
        />
      )}
      {minutes.data &&
        run.status !== 'scheduled' &&
        (status === 'draft' || status === 'awaiting-approval') && (
          <>
            <Field label="Case">
              <Select value={itemId ?? ''} onChange={(_, d) => setChosen(d.value || null)}>
                {!itemId && <option value="">Choose a case</option>}
                {run.agenda.map((a) => (
                  <option key={a.agendaItemId} value={a.agendaItemId}>
                    {a.caseReference}
                    {a.agendaItemId === run.currentAgendaItemId
                      ? ' (being heard)'
                      : a.actualStart
                        ? ' (heard)'
                        : ' (not heard yet)'}
                  </option>
                ))}
              </Select>
            </Field>
            {sheet && (
              <CaseRecordForm
                meetingId={meetingId}
                agendaItemId={sheet.agendaItemId}
                caseNumber={sheet.caseNumber}
                record={sheet.record}
                onSaved={minutes.reload}
              />
            )}
          </>
        )}
      {minutes.error instanceof ApiError && minutes.data && (
        <Notice intent="warning">Could not refresh the minutes just now.</Notice>
      )}
    </Section>
  );
}

/**
 * The minutes of one meeting for the coordinator (REQUIREMENTS.md §3.9): before the meeting,
 * what it reviews (the previous meeting's minutes and the actions still outstanding); after it,
 * the draft captured in the chair console to complete case by case, sending it to the chair,
 * circulating it once approved (a notice with a link, nothing else), corrections as addenda,
 * the Word download where the area allows it, and the unknown joiners to match to people.
 */
import { Body1, Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { api, apiBlob, ApiError } from '../../../api/client.js';
import { useApi } from '../../../api/use-api.js';
import {
  EmptyState,
  ErrorBanner,
  formatDateTime,
  Notice,
  NotAvailable,
  Progress,
  Section,
} from '../../../shell/components.js';
import { RouteLink } from '../../../shell/router.js';
import { useMe } from '../../../shell/session.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { CaseRecordForm } from '../../common/minutes/case-record-form.js';
import { ToReview } from '../../common/minutes/to-review.js';
import { MinutesView, StatusBadge } from '../../common/minutes/minutes-view.js';
import type { MinutesJson } from '../../common/minutes/types.js';
import { UnknownJoiners } from './unknown-joiners.js';

export function MinutesSection({ meetingId }: { meetingId: string }) {
  const me = useMe();
  const tz = me.area.timeZone;
  const minutes = useApi<MinutesJson>(`/meetings/${meetingId}/minutes`);
  const m = minutes.data;
  const notAvailable = minutes.error instanceof ApiError && minutes.error.notAvailable;
  const started = m ? m.meeting.status === 'in-progress' || m.meeting.status === 'ended' : false;
  return (
    <Section
      title="Minutes"
      actions={m && started ? <StatusBadge status={m.workflow.status} /> : undefined}
    >
      {minutes.loading && !m && <Progress label="Loading the minutes…" />}
      {notAvailable && <NotAvailable what="Minutes" />}
      {minutes.error !== null && !notAvailable && !m && (
        <ErrorBanner error={minutes.error} onRetry={minutes.reload} />
      )}
      {m && !started && (
        <Body1>The minutes are written in the chair console while the meeting runs.</Body1>
      )}
      {m && !started && (
        <ToReview
          minutes={m}
          previousLink={(id) => (
            <RouteLink to={`/coordinator/meetings/${id}`}>open the previous meeting</RouteLink>
          )}
        />
      )}
      {m && started && (
        <>
          <Workflow meetingId={meetingId} minutes={m} tz={tz} onChange={minutes.reload} />
          {(m.workflow.status === 'draft' || m.workflow.status === 'awaiting-approval') && (
            <CompleteCases meetingId={meetingId} minutes={m} onSaved={minutes.reload} />
          )}
          {(m.workflow.status === 'approved' || m.workflow.status === 'circulated') && (
            <AddendumForm meetingId={meetingId} minutes={m} onAdded={minutes.reload} />
          )}
          <Download meetingId={meetingId} date={m.meeting.date} />
          <UnknownJoiners meetingId={meetingId} onMatched={minutes.reload} />
          <MinutesView minutes={m} tz={tz} />
        </>
      )}
    </Section>
  );
}

function Workflow(props: {
  meetingId: string;
  minutes: MinutesJson;
  tz: string;
  onChange: () => void;
}) {
  const { busy, error, run } = useSubmit();
  const [sent, setSent] = useState<string | null>(null);
  const w = props.minutes.workflow;
  const post = (path: string, message: (r: { queued?: number; blocked?: number }) => string) =>
    run(async () => {
      const r = await api<{ queued?: number; blocked?: number }>(
        `/meetings/${props.meetingId}/minutes/${path}`,
        { method: 'POST', body: {} },
      );
      setSent(message(r ?? {}));
      props.onChange();
    });
  return (
    <>
      {w.status === 'draft' && (
        <>
          <Body1>
            Complete each heard case below, then send the minutes to the chair for approval.
          </Body1>
          <div>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void post('submit', () => 'Sent to the chair for approval.')}
            >
              Send to the chair for approval
            </Button>
          </div>
        </>
      )}
      {w.status === 'awaiting-approval' && (
        <Body1>
          Sent to the chair for approval
          {w.submittedAt ? ` on ${formatDateTime(w.submittedAt, props.tz)}` : ''}. The chair
          approves them in the chair console.
        </Body1>
      )}
      {w.status === 'approved' && (
        <>
          <Body1>
            Approved by {w.approvedBy ?? 'the chair'}
            {w.approvedAt ? ` on ${formatDateTime(w.approvedAt, props.tz)}` : ''}. Circulating sends
            each invited member a notice with a link to the minutes in the tab; representatives read
            their own agency’s extract.
          </Body1>
          <div>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() =>
                void post(
                  'circulate',
                  (r) =>
                    `Circulated: ${r.queued ?? 0} notice${r.queued === 1 ? '' : 's'} queued${r.blocked ? `, ${r.blocked} not sent (address outside the allowed domains)` : ''}.`,
                )
              }
            >
              Circulate the minutes
            </Button>
          </div>
        </>
      )}
      {w.status === 'circulated' && (
        <Body1>
          Circulated{w.circulatedAt ? ` on ${formatDateTime(w.circulatedAt, props.tz)}` : ''}.
        </Body1>
      )}
      {busy && <Progress label="Saving…" />}
      {sent && !busy && <Notice intent="success">{sent}</Notice>}
      {error !== null && <ErrorBanner error={error} />}
    </>
  );
}

function CompleteCases(props: { meetingId: string; minutes: MinutesJson; onSaved: () => void }) {
  const heard = props.minutes.cases.filter((c) => c.heard);
  const [chosen, setChosen] = useState<string>(heard[0]?.agendaItemId ?? '');
  const sheet = props.minutes.cases.find((c) => c.agendaItemId === chosen);
  if (heard.length === 0)
    return (
      <EmptyState title="No case has been heard yet">
        Cases appear here once the chair has started them in the chair console.
      </EmptyState>
    );
  return (
    <Section title="Complete the minutes" level={3}>
      <Field label="Case">
        <Select value={chosen} onChange={(_, d) => setChosen(d.value)}>
          {heard.map((c) => (
            <option key={c.agendaItemId} value={c.agendaItemId}>
              {c.caseNumber}
            </option>
          ))}
        </Select>
      </Field>
      {sheet && (
        <CaseRecordForm
          meetingId={props.meetingId}
          agendaItemId={sheet.agendaItemId}
          caseNumber={sheet.caseNumber}
          record={sheet.record}
          onSaved={props.onSaved}
        />
      )}
    </Section>
  );
}

function AddendumForm(props: { meetingId: string; minutes: MinutesJson; onAdded: () => void }) {
  const [caseId, setCaseId] = useState('');
  const [body, setBody] = useState('');
  const { busy, error, done, run } = useSubmit();
  const problem =
    error instanceof ApiError ? error.problems.find((p) => p.path === 'body')?.message : undefined;
  const add = () =>
    run(async () => {
      await api(`/meetings/${props.meetingId}/minutes/addenda`, {
        method: 'POST',
        body: { agendaItemId: caseId || null, body },
      });
      setBody('');
      props.onAdded();
    });
  return (
    <Section title="Add a correction (addendum)" level={3}>
      <Body1>
        Approved minutes are not changed: a correction is added after them, dated and named.
      </Body1>
      <form
        aria-label="Add a correction"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
        style={{ display: 'grid', gap: 8 }}
      >
        <Field label="About">
          <Select value={caseId} onChange={(_, d) => setCaseId(d.value)}>
            <option value="">The whole minutes</option>
            {props.minutes.cases.map((c) => (
              <option key={c.agendaItemId} value={c.agendaItemId}>
                Case {c.caseNumber}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Correction"
          validationMessage={problem}
          validationState={problem ? 'error' : 'none'}
        >
          <Textarea value={body} onChange={(_, d) => setBody(d.value)} resize="vertical" />
        </Field>
        <div>
          <Button type="submit" disabled={busy}>
            Add the correction
          </Button>
        </div>
        {done && !busy && <Notice intent="success">Correction added.</Notice>}
        {error !== null && !problem && <ErrorBanner error={error} />}
      </form>
    </Section>
  );
}

function Download({ meetingId, date }: { meetingId: string; date: string }) {
  const { busy, error, run } = useSubmit();
  const download = () =>
    run(async () => {
      const blob = await apiBlob(`/meetings/${meetingId}/minutes.docx`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `minutes-${date}.docx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  return (
    <div>
      <Button onClick={() => void download()} disabled={busy}>
        Download minutes (Word)
      </Button>
      {busy && <Progress label="Preparing the Word document…" />}
      {error instanceof ApiError && error.status === 403 ? (
        <Notice intent="info">
          {error.message}{' '}
          <RouteLink to="/coordinator/area">
            Change “Minutes” under Data protection in Area set-up
          </RouteLink>
          .
        </Notice>
      ) : (
        error !== null && <ErrorBanner error={error} />
      )}
    </div>
  );
}

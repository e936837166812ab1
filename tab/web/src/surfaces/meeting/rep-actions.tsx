/**
 * A representative's own actions before the meeting: send apologies naming a deputy for this
 * meeting or confirming a written submission (FR-064, A-07), and ask for a case to move earlier
 * or later within the area's limit, seeing each request's outcome (FR-034).
 */
import { Body1, Button, Checkbox, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../../api/client.js';
import type { CaseListItem } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import {
  EmptyState,
  formatDateTime,
  Loaded,
  Notice,
  Progress,
  Section,
} from '../../shell/components.js';
import type { Me } from '../../shell/session.js';
import { useSubmit } from '../../shell/use-submit.js';
import { DataTable } from '../common/data-table.js';
import {
  DECISION_LABEL,
  fieldMessage,
  GeneralError,
  type MoveRequest,
} from '../common/case-people.js';

interface MyApology {
  agency: { id: string; name: string };
  open: boolean;
  apology: {
    deputyPersonId: string | null;
    deputyName: string | null;
    writtenSubmission: boolean;
    sentAt: string | null;
  } | null;
  colleagues: { id: string; displayName: string }[];
}

export const isAgencyVoice = (me: Me) =>
  !!me.agency && me.roles.some((r) => r === 'representative' || r === 'deputy' || r === 'idva');

export function ApologiesForm(props: { meetingId: string; me: Me }) {
  const state = useApi<MyApology>(`/meetings/${props.meetingId}/my-apology`);
  const { busy, error, done, run } = useSubmit();
  const [deputy, setDeputy] = useState('');
  const [written, setWritten] = useState(false);
  const send = async () => {
    const r = await run(() =>
      api(`/meetings/${props.meetingId}/my-apology`, {
        method: 'POST',
        body: { deputyPersonId: deputy || null, writtenSubmission: written },
      }),
    );
    if (r !== undefined) state.reload();
  };
  return (
    <Section title="Apologies for this meeting">
      <Loaded state={state} label="Loading your agency’s apologies…">
        {(d) => (
          <>
            {d.apology ? (
              <Notice intent="info">
                {d.agency.name} sent apologies on{' '}
                {formatDateTime(d.apology.sentAt, props.me.area.timeZone)}
                {d.apology.deputyName
                  ? `; ${d.apology.deputyName} attends as deputy for this meeting`
                  : '; no deputy'}
                {d.apology.writtenSubmission ? ', with a written submission.' : '.'}
              </Notice>
            ) : (
              <Body1>
                If you cannot attend, name a colleague as deputy for this meeting: they are invited
                to the Teams meeting and expected. With no deputy, your agency sends a written
                submission instead.
              </Body1>
            )}
            {d.open && (
              <form
                aria-label="Send apologies"
                onSubmit={(e) => {
                  e.preventDefault();
                  void send();
                }}
              >
                <Field
                  label="Deputy for this meeting"
                  validationMessage={fieldMessage(error, 'deputyPersonId')}
                >
                  <Select value={deputy} onChange={(_e, v) => setDeputy(v.value)}>
                    <option value="">No deputy</option>
                    {d.colleagues.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.displayName}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field validationMessage={fieldMessage(error, 'writtenSubmission')}>
                  <Checkbox
                    checked={written}
                    onChange={(_e, v) => setWritten(v.checked === true)}
                    label="My agency sends a written submission"
                  />
                </Field>
                <Button type="submit" appearance="primary" disabled={busy}>
                  Send apologies
                </Button>
              </form>
            )}
            {busy && <Progress label="Sending your apologies…" />}
            <GeneralError error={error} />
            {done && <Notice intent="success">Your apologies are recorded.</Notice>}
          </>
        )}
      </Loaded>
    </Section>
  );
}

export function MoveRequestForm(props: { meetingId: string; items: readonly CaseListItem[] }) {
  const mine = useApi<{ limit: number; used: number; requests: MoveRequest[] }>(
    `/meetings/${props.meetingId}/my-move-requests`,
  );
  const { busy, error, done, run } = useSubmit();
  const open = props.items.filter((i) => !i.isClosedSession);
  const [itemId, setItemId] = useState('');
  const [toPosition, setToPosition] = useState('');
  const item = open.find((i) => i.agendaItemId === itemId);
  const ask = async () => {
    const r = await run(() =>
      api(`/meetings/${props.meetingId}/agenda/${itemId}/move-requests`, {
        method: 'POST',
        body: { toPosition: Number(toPosition) },
      }),
    );
    if (r !== undefined) mine.reload();
  };
  return (
    <Section title="Ask for a case to move">
      <Loaded state={mine} label="Loading your agency’s requests…">
        {(d) => (
          <>
            <Body1>
              The chair or coordinator decides. Your agency can have at most {d.limit} cases moved
              on the meeting day; {d.used} moved so far.
            </Body1>
            <form
              aria-label="Ask for a case to move"
              onSubmit={(e) => {
                e.preventDefault();
                void ask();
              }}
            >
              <Field label="Case" required>
                <Select value={itemId} onChange={(_e, v) => setItemId(v.value)}>
                  <option value="">Choose a case</option>
                  {open.map((i) => (
                    <option key={i.agendaItemId} value={i.agendaItemId}>
                      {i.position}. {i.caseNumber}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                label="Move to slot"
                required
                validationMessage={fieldMessage(error, 'toPosition')}
              >
                <Select value={toPosition} onChange={(_e, v) => setToPosition(v.value)}>
                  <option value="">Choose a slot</option>
                  {props.items.map((_, n) =>
                    n + 1 === item?.position ? null : (
                      <option key={n} value={String(n + 1)}>
                        {n + 1}
                        {item ? (n + 1 < item.position ? ' (earlier)' : ' (later)') : ''}
                      </option>
                    ),
                  )}
                </Select>
              </Field>
              <Button type="submit" appearance="primary" disabled={busy || !itemId || !toPosition}>
                Ask to move
              </Button>
            </form>
            {busy && <Progress label="Sending your request…" />}
            <GeneralError error={error} />
            {done && <Notice intent="success">Your request is with the chair.</Notice>}
            {d.requests.length === 0 ? (
              <EmptyState title="Your agency has not asked to move a case" />
            ) : (
              <DataTable
                label="Your agency’s move requests"
                rows={d.requests}
                rowKey={(m) => m.id}
                columns={[
                  { header: 'Case', cell: (m) => m.caseNumber },
                  { header: 'Move', cell: (m) => `From ${m.fromPosition} to ${m.toPosition}` },
                  {
                    header: 'Outcome',
                    cell: (m) =>
                      `${DECISION_LABEL[m.decision]}${m.decisionReason ? `: ${m.decisionReason}` : ''}`,
                  },
                ]}
              />
            )}
          </>
        )}
      </Loaded>
    </Section>
  );
}

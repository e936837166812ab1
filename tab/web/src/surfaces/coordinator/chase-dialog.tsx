/**
 * One action's chasing, for the coordinator: what was sent to whom and when (and what could not
 * be sent), pause or resume chasing, and extend the due date with a reason. The ladder restarts
 * from a new due date; every change is kept in the action's history and the audit log.
 */
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client.js';
import type { Action } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { formatDateTime, formatDay, Loaded } from '../../shell/components.js';
import { useSubmit } from '../../shell/use-submit.js';
import { DataTable } from '../common/data-table.js';
import { FieldErrors } from '../common/field-errors.js';
import { DateInput } from '../common/date-inputs.js';

interface ChaseRow {
  at: string;
  step: string;
  dueOn: string;
  recipientEmail: string;
  recipientName: string | null;
  state: 'pending' | 'sending' | 'sent' | 'failed' | 'blocked';
  sentAt: string | null;
  problem: string | null;
}

export const STEP_WORDS: Record<string, string> = {
  assigned: 'New action notice',
  reminder: 'Reminder before the due date',
  due: 'Due today',
  overdue: 'Overdue',
  escalation: 'Escalation',
};
export const stepInWords = (step: string) =>
  STEP_WORDS[step] ?? (step.startsWith('manual-') ? 'Chased by the coordinator' : 'Chaser');

const STATE_WORDS: Record<ChaseRow['state'], string> = {
  pending: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Not sent',
  blocked: 'Blocked',
};
export const BLOCK_REASONS: Record<string, string> = {
  'domain-not-allowed': 'Mail domain not on the area’s allowed list',
  'no-recipient': 'Nobody to send it to (no escalation contact or coordinator)',
};

export function ChaseDialog(props: { action: Action; onClose: (changed: boolean) => void }) {
  const a = props.action;
  const history = useApi<{ reference: string; paused: boolean; chasers: ChaseRow[] }>(
    `/chasing/actions/${a.id}`,
  );
  const [dueOn, setDueOn] = useState('');
  const [reason, setReason] = useState('');
  const [changed, setChanged] = useState(false);
  const { busy, error, run } = useSubmit();
  const paused = history.data?.paused ?? false;
  const open = a.state === 'open';
  const togglePause = () =>
    run(async () => {
      await api(`/chasing/actions/${a.id}/${paused ? 'resume' : 'pause'}`, {
        method: 'POST',
        body: {},
      });
      setChanged(true);
      history.reload();
    });
  const extend = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api(`/chasing/actions/${a.id}/extend`, {
        method: 'POST',
        body: { dueOn, reason: reason.trim(), version: a.version },
      });
      props.onClose(true);
    });
  };
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && props.onClose(changed)}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Chasing {a.reference}</DialogTitle>
          <DialogContent>
            <Body1 as="p">
              {a.caseReference}, {a.ownerAgency.name}: due {formatDay(a.dueOn)}.{' '}
              {open ? (paused ? 'Chasing is paused.' : 'Chasing is on.') : 'The action is closed.'}
            </Body1>
            <Loaded state={history} label="Loading the chase history…">
              {(d) =>
                d.chasers.length === 0 ? (
                  <Body1 as="p">No chasers yet.</Body1>
                ) : (
                  <DataTable
                    label={`Chasers for ${a.reference}`}
                    rows={d.chasers}
                    rowKey={(c) => `${c.step}|${c.dueOn}|${c.recipientEmail}`}
                    columns={[
                      { header: 'When', cell: (c) => formatDateTime(c.sentAt ?? c.at) },
                      { header: 'Chaser', cell: (c) => stepInWords(c.step) },
                      {
                        header: 'To',
                        cell: (c) => c.recipientName ?? (c.recipientEmail || 'Nobody'),
                      },
                      {
                        header: 'Result',
                        cell: (c) =>
                          c.state === 'blocked'
                            ? `${STATE_WORDS.blocked}: ${BLOCK_REASONS[c.problem ?? ''] ?? ''}`
                            : STATE_WORDS[c.state],
                      },
                    ]}
                  />
                )
              }
            </Loaded>
            {open && (
              <form onSubmit={extend} aria-label={`Extend the due date of ${a.reference}`}>
                <Field label="New due date" required>
                  <DateInput value={dueOn} onChange={(_e, d) => setDueOn(d.value)} />
                </Field>
                <Field label="Why it is extended (no names)" required>
                  <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} />
                </Field>
                <Button type="submit" disabled={busy || !dueOn || !reason.trim()}>
                  Extend the due date
                </Button>
              </form>
            )}
            <FieldErrors error={error} />
          </DialogContent>
          <DialogActions>
            {open && (
              <Button appearance="primary" disabled={busy || !history.data} onClick={togglePause}>
                {paused ? 'Resume chasing' : 'Pause chasing'}
              </Button>
            )}
            <Button appearance="secondary" onClick={() => props.onClose(changed)}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

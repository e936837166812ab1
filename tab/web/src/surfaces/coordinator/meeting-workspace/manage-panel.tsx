/**
 * Changing a meeting after it was created (FR-004, FR-006, FR-007): move it, cancel it, choose
 * its chair and deputy chair, add a closed session. Each change updates the Teams meeting; a
 * change that reaches every invitee asks for confirmation first, saying how many people.
 */
import { Body1, Button, Field, Textarea } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { api } from '../../../api/client.js';
import type { MeetingDetail } from '../../../api/types.js';
import { formatDateTime, Notice, Progress, Section } from '../../../shell/components.js';
import { RouteLink } from '../../../shell/router.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { FieldErrors } from '../../common/field-errors.js';
import { StatusBadge } from '../../common/status-badge.js';
import { PersonPicker, useChairs } from '../schedule-series-form.js';
import { useStyles } from './styles.js';
import { DateInput, TimeInput } from '../../common/date-inputs.js';

function localParts(iso: string, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return {
    day: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

/** A two-step button: the first press says what will happen, the second does it. */
function Confirmed(props: {
  label: string;
  confirmLabel: string;
  what: ReactNode;
  busy: boolean;
  onConfirm: () => void;
}) {
  const styles = useStyles();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button disabled={props.busy} onClick={() => setAsking(true)}>
        {props.label}
      </Button>
    );
  return (
    <div role="alertdialog" aria-label={props.label}>
      <Notice intent="warning">{props.what}</Notice>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={props.busy}
          onClick={() => {
            setAsking(false);
            props.onConfirm();
          }}
        >
          {props.confirmLabel}
        </Button>
        <Button onClick={() => setAsking(false)}>Go back</Button>
      </div>
    </div>
  );
}

export function ManageSection(props: {
  detail: MeetingDetail;
  timeZone: string;
  onChange: () => void;
}) {
  const styles = useStyles();
  const m = props.detail.meeting;
  const invited = props.detail.invitees?.length ?? 0;
  const chairs = useChairs();
  const { busy, error, done, run } = useSubmit();
  const [what, setWhat] = useState('');
  const start = localParts(m.scheduledStart, props.timeZone);
  const [move, setMove] = useState({
    day: start.day,
    startTime: start.time,
    endTime: localParts(m.scheduledEnd, props.timeZone).time,
    reason: '',
  });
  const [leads, setLeads] = useState({
    chairPersonId: m.chairPersonId ?? '',
    deputyChairPersonId: m.deputyChairPersonId ?? '',
  });
  const [closed, setClosed] = useState({ startTime: '13:15', endTime: '13:45' });
  const changeable = !['cancelled', 'ended', 'in-progress'].includes(m.status);
  const act = (label: string, path: string, method: 'POST' | 'PUT', body: unknown) => {
    setWhat(label);
    void run(() => api(`/meetings/${m.id}/${path}`, { method, body })).then(
      (r) => r !== undefined && props.onChange(),
    );
  };
  const reasonBody = (reason: string) => (reason.trim() ? { reason } : {});
  if (!changeable)
    return (
      <Section title="Change the meeting">
        <Body1>This meeting is {m.status.replace('-', ' ')}; it can no longer be changed.</Body1>
      </Section>
    );
  return (
    <Section title="Change the meeting">
      <form aria-label="Move the meeting" onSubmit={(e) => e.preventDefault()}>
        <div className={styles.grid}>
          <Field label="New day">
            <DateInput value={move.day} onChange={(_e, d) => setMove({ ...move, day: d.value })} />
          </Field>
          <Field label="Starts at">
            <TimeInput
              value={move.startTime}
              onChange={(_e, d) => setMove({ ...move, startTime: d.value })}
            />
          </Field>
          <Field label="Ends at">
            <TimeInput
              value={move.endTime}
              onChange={(_e, d) => setMove({ ...move, endTime: d.value })}
            />
          </Field>
        </div>
        <Field
          label="Reason for moving or cancelling"
          hint="Needed inside the notice period; counted for governance, never sent out."
        >
          <Textarea
            value={move.reason}
            onChange={(_e, d) => setMove({ ...move, reason: d.value })}
          />
        </Field>
        <div className={styles.row}>
          <Confirmed
            label="Move the meeting"
            confirmLabel="Move it"
            busy={busy}
            what={`This moves the meeting for ${invited} invited people: Teams sends each of them the new time, and inside the notice period they are also told by mail.`}
            onConfirm={() =>
              act('Moving the meeting in Teams…', 'reschedule', 'POST', {
                day: move.day,
                startTime: move.startTime,
                endTime: move.endTime,
                ...reasonBody(move.reason),
              })
            }
          />
          <Confirmed
            label="Cancel the meeting"
            confirmLabel="Cancel it"
            busy={busy}
            what={`This cancels the meeting and its closed sessions for ${invited} invited people: Teams sends each of them the cancellation.`}
            onConfirm={() =>
              act('Cancelling the meeting in Teams…', 'cancel', 'POST', reasonBody(move.reason))
            }
          />
        </div>
      </form>
      {m.kind !== 'closed' && (
        <form aria-label="Chair and deputy chair" onSubmit={(e) => e.preventDefault()}>
          <div className={styles.grid}>
            <PersonPicker
              label="Chair"
              people={chairs}
              value={leads.chairPersonId}
              emptyLabel="Choose the chair"
              onChange={(_e, d) => setLeads({ ...leads, chairPersonId: d.value })}
            />
            <PersonPicker
              label="Deputy chair"
              people={chairs}
              value={leads.deputyChairPersonId}
              emptyLabel="No deputy chair"
              onChange={(_e, d) => setLeads({ ...leads, deputyChairPersonId: d.value })}
            />
          </div>
          <Button
            disabled={busy || !leads.chairPersonId}
            onClick={() =>
              act('Updating the chair in Teams…', 'leads', 'PUT', {
                chairPersonId: leads.chairPersonId,
                deputyChairPersonId: leads.deputyChairPersonId || null,
              })
            }
          >
            Save chair and deputy
          </Button>
        </form>
      )}
      {m.kind !== 'closed' && (
        <form aria-label="Add a closed session" onSubmit={(e) => e.preventDefault()}>
          <Body1>
            A closed session is a separate Teams meeting on the same day. It invites only the chair,
            deputy chair, you, and the people you list on each of its cases.
          </Body1>
          <div className={styles.grid}>
            <Field label="Closed session starts at">
              <TimeInput
                value={closed.startTime}
                onChange={(_e, d) => setClosed({ ...closed, startTime: d.value })}
              />
            </Field>
            <Field label="Closed session ends at">
              <TimeInput
                value={closed.endTime}
                onChange={(_e, d) => setClosed({ ...closed, endTime: d.value })}
              />
            </Field>
          </div>
          <Button
            disabled={busy}
            onClick={() =>
              act('Creating the closed session in Teams…', 'closed-sessions', 'POST', closed)
            }
          >
            Add closed session
          </Button>
          {(props.detail.closedSessions ?? []).length > 0 && (
            <ul>
              {(props.detail.closedSessions ?? []).map((c) => (
                <li key={c.id}>
                  <RouteLink to={`/coordinator/meetings/${c.id}`}>
                    Closed session, {formatDateTime(c.scheduledStart, props.timeZone)}
                  </RouteLink>{' '}
                  <StatusBadge status={c.status} />: add its cases and the people permitted on each
                  there.
                </li>
              ))}
            </ul>
          )}
        </form>
      )}
      {busy && <Progress bar label={what} />}
      {done && !busy && <Notice intent="success">Saved, and the Teams meeting updated.</Notice>}
      <FieldErrors error={error} />
    </Section>
  );
}

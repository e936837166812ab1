/** One volunteered action: confirm, or assign / reject with a small form. */
import { Badge, Body1, Button, Caption1, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { formatDay } from '../../shell/components.js';
import type { LiveAttendance, RunAction } from './types.js';
import { useStyles } from './styles.js';
import { DateInput } from '../common/date-inputs.js';

export type Verb = 'assign' | 'confirm' | 'reject';

export function VolunteeredAction(props: {
  action: RunAction;
  caseReference: string;
  attendance: LiveAttendance | null;
  busy: string | null;
  onChange: (action: RunAction, verb: Verb, body: Record<string, unknown>) => Promise<boolean>;
}) {
  const styles = useStyles();
  const a = props.action;
  const [form, setForm] = useState<'assign' | 'reject' | null>(null);
  const agencies = props.attendance?.agencies ?? [];
  const [agencyId, setAgencyId] = useState(a.ownerAgency.id);
  const [ownerId, setOwnerId] = useState(a.ownerPerson?.id ?? '');
  const [dueOn, setDueOn] = useState(a.dueOn);
  const [reason, setReason] = useState('');
  const owners = agencies.find((x) => x.agencyId === agencyId)?.people ?? [];
  const disabled = props.busy !== null;
  const label = `${a.reference} for case ${props.caseReference}`;
  return (
    <article className={styles.action} aria-label={label}>
      <div className={styles.row}>
        <Body1>
          <strong>{a.reference}</strong> · case {props.caseReference} · {a.ownerAgency.name}
          {a.ownerPerson ? ` (${a.ownerPerson.displayName})` : ''}
        </Body1>
        <Badge appearance="tint">{a.category}</Badge>
      </div>
      <Body1>{a.description}</Body1>
      <Caption1>Due {formatDay(a.dueOn)}</Caption1>
      <div className={styles.row}>
        <Button
          size="small"
          appearance="primary"
          disabled={disabled}
          onClick={() => void props.onChange(a, 'confirm', {})}
          aria-label={`Confirm ${a.reference}`}
        >
          {props.busy === `confirm:${a.id}` ? 'Confirming…' : 'Confirm'}
        </Button>
        <Button
          size="small"
          disabled={disabled}
          aria-expanded={form === 'assign'}
          onClick={() => setForm(form === 'assign' ? null : 'assign')}
          aria-label={`Assign ${a.reference}`}
        >
          Assign
        </Button>
        <Button
          size="small"
          disabled={disabled}
          aria-expanded={form === 'reject'}
          onClick={() => setForm(form === 'reject' ? null : 'reject')}
          aria-label={`Reject ${a.reference}`}
        >
          Reject
        </Button>
      </div>
      {form === 'assign' && (
        <form
          className={styles.form}
          aria-label={`Assign ${a.reference}`}
          onSubmit={(e) => {
            e.preventDefault();
            void props
              .onChange(a, 'assign', {
                ...(agencyId !== a.ownerAgency.id ? { agencyId } : {}),
                ownerPersonId: ownerId || null,
                dueOn: dueOn || null,
              })
              .then((ok) => ok && setForm(null));
          }}
        >
          <Field label="Owning agency">
            <Select value={agencyId} onChange={(_e, d) => (setAgencyId(d.value), setOwnerId(''))}>
              {!agencies.some((x) => x.agencyId === a.ownerAgency.id) && (
                <option value={a.ownerAgency.id}>{a.ownerAgency.name}</option>
              )}
              {agencies.map((x) => (
                <option key={x.agencyId} value={x.agencyId}>
                  {x.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Owner">
            <Select value={ownerId} onChange={(_e, d) => setOwnerId(d.value)}>
              <option value="">The agency (no named owner)</option>
              {owners.map((p) => (
                <option key={p.personId} value={p.personId}>
                  {p.displayName}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Due on">
            <DateInput value={dueOn} onChange={(_e, d) => setDueOn(d.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={disabled}>
            {props.busy === `assign:${a.id}` ? 'Assigning…' : 'Assign action'}
          </Button>
        </form>
      )}
      {form === 'reject' && (
        <form
          className={styles.form}
          aria-label={`Reject ${a.reference}`}
          onSubmit={(e) => {
            e.preventDefault();
            void props
              .onChange(a, 'reject', { reason: reason.trim() || null })
              .then((ok) => ok && setForm(null));
          }}
        >
          <Field label="Reason (optional, no names)">
            <Input value={reason} maxLength={300} onChange={(_e, d) => setReason(d.value)} />
          </Field>
          <Button type="submit" disabled={disabled}>
            {props.busy === `reject:${a.id}` ? 'Rejecting…' : 'Reject action'}
          </Button>
        </form>
      )}
    </article>
  );
}

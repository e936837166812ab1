/**
 * Adding one case from a form (FR-027), e.g. a late referral. In a closed session each case
 * lists the people permitted to see it (FR-007); they are invited to the closed session.
 */
import { Button, Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client.js';
import type { Agency, Person } from '../../../api/types.js';
import { useApi } from '../../../api/use-api.js';
import { Notice, Progress, Section } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { FieldErrors } from '../../common/field-errors.js';
import { useStyles } from './styles.js';
import { DateInput } from '../../common/date-inputs.js';

const EMPTY = {
  caseNumber: '',
  riskLevel: 'high',
  riskScore: '',
  referringAgencyId: '',
  summary: '',
  victimName: '',
  victimDob: '',
  perpetratorName: '',
  perpetratorDob: '',
  plannedMinutes: '',
  markedRepeat: false,
};

export function AddCaseSection(props: { meetingId: string; closed: boolean; onAdded: () => void }) {
  const styles = useStyles();
  const agencies = useApi<{ agencies: Agency[] }>('/area/agencies');
  const people = useApi<{ people: Person[] }>(props.closed ? '/area/people' : null);
  const { busy, error, done, run } = useSubmit();
  const [form, setForm] = useState(EMPTY);
  const [involved, setInvolved] = useState<string[]>([]);
  const [permitted, setPermitted] = useState<string[]>([]);
  const set = (key: keyof typeof EMPTY) => (_e: unknown, d: { value: string }) =>
    setForm((f) => ({ ...f, [key]: d.value }));
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const subject = (kind: string, fullName: string, dob: string) => ({
      kind,
      fullName,
      dateOfBirth: dob || null,
    });
    void run(() =>
      api(`/meetings/${props.meetingId}/agenda`, {
        method: 'POST',
        body: {
          caseNumber: form.caseNumber,
          riskLevel: form.riskLevel,
          riskScore: form.riskScore ? Number(form.riskScore) : null,
          referringAgencyId: form.referringAgencyId,
          agenciesInvolved: involved,
          summary: form.summary,
          subjects: [
            subject('victim', form.victimName, form.victimDob),
            subject('perpetrator', form.perpetratorName, form.perpetratorDob),
          ],
          markedRepeat: form.markedRepeat,
          plannedMinutes: form.plannedMinutes ? Number(form.plannedMinutes) : null,
          permittedPersonIds: permitted,
        },
      }),
    ).then((r) => {
      if (r === undefined) return;
      setForm(EMPTY);
      setInvolved([]);
      setPermitted([]);
      props.onAdded();
    });
  };
  const agencyList = agencies.data?.agencies ?? [];
  return (
    <Section title="Add a case">
      <form aria-label="Add a case" className={styles.form} onSubmit={onSubmit}>
        <div className={styles.grid}>
          <Field label="Case number" required>
            <Input value={form.caseNumber} onChange={set('caseNumber')} />
          </Field>
          <Field label="Risk level" required>
            <Select value={form.riskLevel} onChange={set('riskLevel')}>
              <option value="very-high">Very high</option>
              <option value="high">High</option>
              <option value="medium">Medium</option>
            </Select>
          </Field>
          <Field label="Risk score">
            <Input type="number" value={form.riskScore} onChange={set('riskScore')} />
          </Field>
          <Field label="Referring agency" required>
            <Select value={form.referringAgencyId} onChange={set('referringAgencyId')}>
              <option value="">Choose the agency</option>
              {agencyList.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Victim's name" required>
            <Input value={form.victimName} onChange={set('victimName')} />
          </Field>
          <Field label="Victim's date of birth">
            <DateInput value={form.victimDob} onChange={set('victimDob')} />
          </Field>
          <Field label="Perpetrator's name" required>
            <Input value={form.perpetratorName} onChange={set('perpetratorName')} />
          </Field>
          <Field label="Perpetrator's date of birth">
            <DateInput value={form.perpetratorDob} onChange={set('perpetratorDob')} />
          </Field>
          <Field label="Minutes for the case" hint="Blank: the area's usual time">
            <Input type="number" value={form.plannedMinutes} onChange={set('plannedMinutes')} />
          </Field>
        </div>
        <Field label="Risk summary" required>
          <Textarea value={form.summary} onChange={set('summary')} />
        </Field>
        <Checkbox
          label="Known repeat (heard at MARAC in the last 12 months)"
          checked={form.markedRepeat}
          onChange={(_e, d) => setForm((f) => ({ ...f, markedRepeat: d.checked === true }))}
        />
        <fieldset className={styles.fieldset}>
          <legend>Other agencies involved</legend>
          {agencyList
            .filter((a) => a.id !== form.referringAgencyId)
            .map((a) => (
              <Checkbox
                key={a.id}
                label={a.name}
                checked={involved.includes(a.id)}
                onChange={(_e, d) => setInvolved((l) => toggle(l, a.id, d.checked === true))}
              />
            ))}
        </fieldset>
        {props.closed && (
          <fieldset className={styles.fieldset}>
            <legend>People permitted to see this case (they are invited to the session)</legend>
            {(people.data?.people ?? [])
              .filter((p) => p.isActive !== false)
              .map((p) => (
                <Checkbox
                  key={p.id}
                  label={p.displayName}
                  checked={permitted.includes(p.id)}
                  onChange={(_e, d) => setPermitted((l) => toggle(l, p.id, d.checked === true))}
                />
              ))}
          </fieldset>
        )}
        <Button type="submit" appearance="primary" disabled={busy}>
          Add the case
        </Button>
      </form>
      {busy && <Progress label="Adding the case and planning the agenda…" />}
      {done && !busy && <Notice intent="success">Case added to the agenda.</Notice>}
      <FieldErrors error={error} />
    </Section>
  );
}

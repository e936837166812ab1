/** The area, its confidentiality statement and the policy values a coordinator changes. */
import { Body1, Button, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../../api/client.js';
import { Notice, Progress, Section } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { FieldErrors } from '../../common/field-errors.js';
import { useStyles } from './styles.js';

export interface AreaResponse {
  area: {
    id: string;
    name: string;
    nation: string;
    timeZone: string;
    confidentialityStatement: string;
  };
  policy: Record<string, unknown>;
}

/** The policy values a coordinator changes most; the rest keep their validated defaults. */
const POLICY_FIELDS: { key: string; label: string; kind: 'number' | string[] }[] = [
  {
    key: 'caseListLeadWorkingDays',
    label: 'Case list circulated (working days before)',
    kind: 'number',
  },
  { key: 'minutesPerCase', label: 'Minutes per case', kind: 'number' },
  { key: 'agendaOpeningMinutes', label: 'Opening minutes before the first case', kind: 'number' },
  { key: 'noticePeriodWorkingDays', label: 'Notice period (working days)', kind: 'number' },
  { key: 'maxReordersPerAgencyPerDay', label: 'Case moves per agency per day', kind: 'number' },
  {
    key: 'actionDueRule',
    label: 'Default action due date',
    kind: ['plus-14-days', 'end-of-marac-week', 'same-day'],
  },
  { key: 'completionEvidence', label: 'Completion detail', kind: ['optional', 'required'] },
  { key: 'attendancePolicy', label: 'Attendance', kind: ['all-cases', 'leave-after-own-case'] },
];

export function AreaPolicy(props: { data: AreaResponse; onSaved: () => void }) {
  const styles = useStyles();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(POLICY_FIELDS.map((f) => [f.key, String(props.data.policy[f.key] ?? '')])),
  );
  const { busy, error, done: saved, run } = useSubmit();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const changes: Record<string, unknown> = {};
    for (const f of POLICY_FIELDS) {
      const v = values[f.key] ?? '';
      const typed = f.kind === 'number' ? Number(v) : v;
      if (typed !== props.data.policy[f.key]) changes[f.key] = typed;
    }
    await run(async () => {
      await api('/area/policy', { method: 'PATCH', body: changes });
      props.onSaved();
    });
  };
  return (
    <Section title={props.data.area.name}>
      <Body1>
        Time zone {props.data.area.timeZone}, {props.data.area.nation.replace(/-/g, ' ')}.
      </Body1>
      <Section level={3} title="Confidentiality statement">
        <Body1 className={styles.statement}>{props.data.area.confidentialityStatement}</Body1>
      </Section>
      <form onSubmit={save} aria-label="Area policy">
        <div className={styles.form}>
          {POLICY_FIELDS.map((f) => (
            <Field key={f.key} label={f.label}>
              {f.kind === 'number' ? (
                <Input
                  type="number"
                  value={values[f.key] ?? ''}
                  onChange={(_e, d) => setValues((v) => ({ ...v, [f.key]: d.value }))}
                />
              ) : (
                <Select
                  value={values[f.key] ?? ''}
                  onChange={(_e, d) => setValues((v) => ({ ...v, [f.key]: d.value }))}
                >
                  {f.kind.map((o) => (
                    <option key={o} value={o}>
                      {o.replace(/-/g, ' ')}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ))}
        </div>
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabled={busy}>
            Save policy
          </Button>
        </div>
      </form>
      {busy && <Progress label="Saving…" />}
      {saved && <Notice intent="success">Policy saved.</Notice>}
      <FieldErrors error={error} />
    </Section>
  );
}

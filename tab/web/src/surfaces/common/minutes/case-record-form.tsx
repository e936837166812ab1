/**
 * What is minuted for one case: risk summary, the victim's views (through the IDVA), decisions
 * and dissent. Used by the chair in the meeting and by the coordinator afterwards.
 */
import { Button, Field, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../../api/client.js';
import { ErrorBanner, Notice, Progress } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { type CaseRecord, RECORD_FIELDS } from './types.js';

export function CaseRecordForm(props: {
  meetingId: string;
  agendaItemId: string;
  caseNumber: string;
  record: CaseRecord;
  onSaved: () => void;
}) {
  const [values, setValues] = useState<CaseRecord>(props.record);
  const { busy, error, done, run } = useSubmit();
  useEffect(() => setValues(props.record), [props.agendaItemId, props.record]);
  const fieldError = (key: string) =>
    error instanceof ApiError ? error.problems.find((p) => p.path === key)?.message : undefined;
  const save = () =>
    run(async () => {
      await api(`/meetings/${props.meetingId}/minutes/cases/${props.agendaItemId}`, {
        method: 'PUT',
        body: values,
      });
      props.onSaved();
    });
  return (
    <form
      aria-label={`Minutes for case ${props.caseNumber}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      style={{ display: 'grid', gap: 8 }}
    >
      {RECORD_FIELDS.map((f) => (
        <Field
          key={f.key}
          label={f.label}
          hint={f.hint}
          validationMessage={fieldError(f.key)}
          validationState={fieldError(f.key) ? 'error' : 'none'}
        >
          <Textarea
            resize="vertical"
            value={values[f.key] ?? ''}
            onChange={(_, d) => setValues((v) => ({ ...v, [f.key]: d.value }))}
          />
        </Field>
      ))}
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          Save the minutes for {props.caseNumber}
        </Button>
      </div>
      {busy && <Progress label="Saving…" />}
      {done && !busy && <Notice intent="success">Saved.</Notice>}
      {error !== null && !(error instanceof ApiError && error.problems.length > 0) && (
        <ErrorBanner error={error} />
      )}
    </form>
  );
}

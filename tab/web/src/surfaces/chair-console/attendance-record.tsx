/**
 * What the chair records about attendance (FR-062, FR-064, A-07): an apology for an agency,
 * with or without a written submission, and the chair's word on a person's camera when the
 * bot could not see it or saw it wrong (stored as the chair's attestation, its own source).
 */
import { Button, Checkbox, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { ErrorBanner, Notice } from '../../shell/components.js';
import { useSubmit } from '../../shell/use-submit.js';
import type { LiveAttendance, LivePerson } from './types.js';
import { useStyles } from './styles.js';

export function ApologyForm(props: { meetingId: string; attendance: LiveAttendance }) {
  const styles = useStyles();
  const absent = props.attendance.agencies.filter((a) => !a.present);
  const [agencyId, setAgencyId] = useState('');
  const [written, setWritten] = useState(false);
  const [recorded, setRecorded] = useState<string[]>([]);
  const { busy, error, run } = useSubmit();
  const record = () =>
    run(async () => {
      await api(`/meetings/${props.meetingId}/apologies`, {
        method: 'POST',
        body: { agencyId, writtenSubmission: written },
      });
      const name = props.attendance.agencies.find((a) => a.agencyId === agencyId)?.name ?? '';
      setRecorded((r) => [
        ...r.filter((x) => !x.startsWith(name)),
        `${name}${written ? ' (written submission)' : ''}`,
      ]);
      setAgencyId('');
      setWritten(false);
    });
  return (
    <form
      aria-label="Record an apology"
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void record();
      }}
    >
      <Field
        label="Apology from"
        validationMessage={error && !agencyId ? 'Choose the agency.' : undefined}
      >
        <Select value={agencyId} onChange={(_, d) => setAgencyId(d.value)}>
          <option value="">Choose an agency</option>
          {absent.map((a) => (
            <option key={a.agencyId} value={a.agencyId}>
              {a.name}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        label="Written submission received"
        checked={written}
        onChange={(_, d) => setWritten(Boolean(d.checked))}
      />
      <Button type="submit" disabled={busy || !agencyId}>
        Record apology
      </Button>
      {recorded.length > 0 && (
        <Notice intent="success">Apologies recorded: {recorded.join('; ')}.</Notice>
      )}
      {error !== null && <ErrorBanner error={error} />}
    </form>
  );
}

export function CameraAttest(props: { meetingId: string; person: LivePerson; onDone: () => void }) {
  const { busy, error, run } = useSubmit();
  const [open, setOpen] = useState(false);
  const p = props.person;
  const attest = (cameraOn: boolean) =>
    run(async () => {
      await api(`/meetings/${props.meetingId}/attendance/attest`, {
        method: 'POST',
        body: { personId: p.personId, cameraOn },
      });
      setOpen(false);
      props.onDone();
    });
  if (!open)
    return (
      <Button
        size="small"
        appearance="subtle"
        onClick={() => setOpen(true)}
        aria-label={`Correct camera of ${p.displayName}`}
      >
        Correct camera
      </Button>
    );
  return (
    <span
      role="group"
      aria-label={`Camera of ${p.displayName}`}
      style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}
    >
      <Button size="small" disabled={busy} onClick={() => void attest(true)}>
        Camera was on
      </Button>
      <Button size="small" disabled={busy} onClick={() => void attest(false)}>
        Camera was off
      </Button>
      <Button size="small" appearance="subtle" onClick={() => setOpen(false)}>
        Cancel
      </Button>
      {error !== null && <ErrorBanner error={error} />}
    </span>
  );
}

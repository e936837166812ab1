/**
 * The two ways to schedule: a series, or one extraordinary / emergency meeting. Each meeting is
 * set up in Teams as it is created, so the forms show progress while that runs.
 */
import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { api } from '../../api/client.js';
import type { MeetingSummary } from '../../api/types.js';
import { Notice, Progress, Section } from '../../shell/components.js';
import { useSubmit } from '../../shell/use-submit.js';
import { FieldErrors } from '../common/field-errors.js';
import { DateInput, TimeInput } from '../common/date-inputs.js';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** What a series (or one day of it) would create: answered before anything is sent. */
export interface SeriesPreview {
  pattern: string;
  days: string[];
  invitees: number;
  insideNoticePeriod: number;
  warnings: string[];
}

export interface ScheduleResult {
  meetings: MeetingSummary[];
  warnings: string[];
}

export function today(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** A scheduling form's fields, and posting them to `path` (the reason only when one is given). */
function useScheduleForm<F extends { reason: string }>(
  initial: () => F,
  path: string,
  onDone: (r: ScheduleResult) => void,
  /** Says what submitting would send, for the coordinator to confirm first. */
  describe?: (form: F) => Promise<string>,
) {
  const { busy, error, run } = useSubmit();
  const [form, setForm] = useState(initial);
  const [asking, setAsking] = useState<string | null>(null);
  const set = (key: keyof F) => (_e: unknown, data: { value: string }) => {
    setAsking(null);
    setForm((f) => ({ ...f, [key]: data.value }));
  };
  const send = () => {
    setAsking(null);
    const { reason, ...rest } = form;
    const body = reason.trim() ? { ...rest, reason } : rest;
    void run(() => api<ScheduleResult>(path, { method: 'POST', body })).then(
      (result) => result !== undefined && onDone(result),
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!describe) return send();
    void run(() => describe(form)).then((message) => message !== undefined && setAsking(message));
  };
  const cancel = () => setAsking(null);
  return { form, set, busy, error, onSubmit, asking, send, cancel };
}

/** What both forms share: the heading, the fields in a grid, the button, progress and refusals. */
function ScheduleFormFrame(props: {
  title: string;
  label: string;
  submitLabel: string;
  progressLabel: string;
  state: {
    busy: boolean;
    error: unknown;
    onSubmit: (event: FormEvent) => void;
    asking?: string | null;
    send?: () => void;
    cancel?: () => void;
  };
  children: ReactNode;
}) {
  const styles = useStyles();
  const { busy, error, onSubmit, asking, send, cancel } = props.state;
  return (
    <Section title={props.title}>
      <form onSubmit={onSubmit} aria-label={props.label}>
        <div className={styles.form}>{props.children}</div>
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabled={busy}>
            {props.submitLabel}
          </Button>
        </div>
      </form>
      {asking && (
        <div role="alertdialog" aria-label={`${props.label}: confirm`}>
          <Notice intent="info">{asking}</Notice>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy} onClick={send}>
              Confirm
            </Button>
            <Button onClick={cancel}>Go back</Button>
          </div>
        </div>
      )}
      {busy && <Progress bar label={props.progressLabel} />}
      <FieldErrors error={error} />
    </Section>
  );
}

export function SingleMeetingForm(props: { onDone: (r: ScheduleResult) => void }) {
  const state = useScheduleForm(
    () => ({
      kind: 'extraordinary',
      title: 'Extraordinary MARAC',
      day: today(35),
      startTime: '14:00',
      endTime: '15:00',
      reason: '',
    }),
    '/meetings',
    props.onDone,
    async (form) => {
      // The series preview of this one day counts the same invitees a single meeting gets.
      const weekday = [
        'sunday',
        'monday',
        'tuesday',
        'wednesday',
        'thursday',
        'friday',
        'saturday',
      ][new Date(`${form.day}T12:00:00Z`).getUTCDay()];
      const preview = await api<SeriesPreview>('/meetings/series/preview', {
        method: 'POST',
        body: {
          frequency: 'weekly',
          dayOfWeek: weekday,
          startTime: form.startTime,
          endTime: form.endTime,
          startsOn: form.day,
          endsOn: form.day,
        },
      });
      return (
        `This invites ${preview.invitees} people to 1 meeting; Teams sends each of them the invitation.` +
        (preview.insideNoticePeriod > 0 && !form.reason.trim()
          ? ' It falls inside the notice period: give a reason first.'
          : '')
      );
    },
  );
  const { form, set } = state;
  return (
    <ScheduleFormFrame
      title="Add an extraordinary or emergency meeting"
      label="Add a meeting"
      submitLabel="Add meeting"
      progressLabel="Creating the meeting and setting it up in Teams…"
      state={state}
    >
      <Field label="Kind">
        <Select value={form.kind} onChange={set('kind')}>
          <option value="extraordinary">Extraordinary</option>
          <option value="emergency">Emergency</option>
        </Select>
      </Field>
      <Field label="Title" required>
        <Input value={form.title} onChange={set('title')} />
      </Field>
      <Field label="Day">
        <DateInput value={form.day} onChange={set('day')} />
      </Field>
      <Field label="Starts at">
        <TimeInput value={form.startTime} onChange={set('startTime')} />
      </Field>
      <Field label="Ends at">
        <TimeInput value={form.endTime} onChange={set('endTime')} />
      </Field>
      <Field label="Reason (needed inside the notice period)">
        <Input value={form.reason} onChange={set('reason')} />
      </Field>
    </ScheduleFormFrame>
  );
}

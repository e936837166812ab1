/**
 * Scheduling a series in two steps: the coordinator fills the pattern in and sees the dates it
 * gives ("2nd Tuesday of each month") and how many people it invites; only "Confirm" creates the
 * meetings in Teams and sends the invitations.
 */
import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import type { Person } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { formatDay, Notice, Progress, Section } from '../../shell/components.js';
import { useSubmit } from '../../shell/use-submit.js';
import { FieldErrors } from '../common/field-errors.js';
import { today, type ScheduleResult, type SeriesPreview } from './schedule-forms.js';
import { DateInput, TimeInput } from '../common/date-inputs.js';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    // A select sizes to its longest option; in a narrow grid cell it must shrink instead.
    '& > *': { minWidth: 0 },
    '& .fui-Select': { minWidth: 0, maxWidth: '100%' },
  },
  buttons: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    marginTop: tokens.spacingVerticalM,
  },
  days: {
    marginBlock: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalXL,
    columns: '10rem auto',
  },
});

interface AreaPattern {
  meetingFrequency: string;
  meetingDay: string;
  meetingWeekOfMonth: number;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const WEEKS = ['1st', '2nd', '3rd', '4th'];
const capital = (d: string) => `${d[0]?.toUpperCase() ?? ''}${d.slice(1)}`;

/** People who may chair: the pickers offer only them. */
export function useChairs(): Person[] {
  const people = useApi<{ people: Person[] }>('/area/people');
  return (people.data?.people ?? []).filter(
    (p) => p.isActive !== false && p.roles.some((r) => r === 'chair' || r === 'deputy-chair'),
  );
}

export function SeriesForm(props: { onDone: (r: ScheduleResult) => void }) {
  const styles = useStyles();
  const chairs = useChairs();
  const { busy, error, run } = useSubmit();
  const [preview, setPreview] = useState<SeriesPreview | null>(null);
  const [form, setForm] = useState({
    title: 'Northfield MARAC',
    frequency: 'fortnightly',
    dayOfWeek: 'wednesday',
    weekOfMonth: '2',
    startTime: '09:30',
    endTime: '13:00',
    startsOn: today(14),
    endsOn: today(120),
    chairPersonId: '',
    deputyChairPersonId: '',
    reason: '',
  });
  // FR-002: the area's usual pattern (policy) is the default, until the coordinator changes it.
  const area = useApi<{ policy: AreaPattern }>('/area');
  const touched = useRef(false);
  useEffect(() => {
    const p = area.data?.policy;
    if (!p || touched.current) return;
    setForm((f) => ({
      ...f,
      frequency: p.meetingFrequency,
      dayOfWeek: p.meetingDay,
      weekOfMonth: String(p.meetingWeekOfMonth),
    }));
  }, [area.data]);
  const set = (key: keyof typeof form) => (_e: unknown, data: { value: string }) => {
    touched.current = true;
    setPreview(null);
    setForm((f) => ({ ...f, [key]: data.value }));
  };
  const pattern = () => ({
    frequency: form.frequency,
    dayOfWeek: form.dayOfWeek,
    startTime: form.startTime,
    endTime: form.endTime,
    startsOn: form.startsOn,
    endsOn: form.endsOn,
    ...(form.frequency === 'monthly' ? { weekOfMonth: Number(form.weekOfMonth) } : {}),
    ...(form.chairPersonId ? { chairPersonId: form.chairPersonId } : {}),
    ...(form.deputyChairPersonId ? { deputyChairPersonId: form.deputyChairPersonId } : {}),
  });
  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    void run(() =>
      api<SeriesPreview>('/meetings/series/preview', { method: 'POST', body: pattern() }),
    ).then((p) => p && setPreview(p));
  };
  const onConfirm = () =>
    void run(() =>
      api<ScheduleResult>('/meetings/series', {
        method: 'POST',
        body: {
          ...pattern(),
          title: form.title,
          ...(form.reason.trim() ? { reason: form.reason } : {}),
        },
      }),
    ).then((r) => {
      if (!r) return;
      setPreview(null);
      props.onDone(r);
    });
  return (
    <Section title="Schedule a series">
      <form onSubmit={onPreview} aria-label="Schedule a series">
        <div className={styles.form}>
          <Field label="Title" required>
            <Input value={form.title} onChange={set('title')} />
          </Field>
          <Field label="Frequency">
            <Select value={form.frequency} onChange={set('frequency')}>
              <option value="daily">Every weekday</option>
              <option value="weekly">Weekly</option>
              <option value="fortnightly">Fortnightly</option>
              <option value="monthly">Monthly</option>
            </Select>
          </Field>
          {form.frequency !== 'daily' && (
            <Field label="Day of the week">
              <Select value={form.dayOfWeek} onChange={set('dayOfWeek')}>
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {capital(d)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {form.frequency === 'monthly' && (
            <Field label="Week of the month">
              <Select value={form.weekOfMonth} onChange={set('weekOfMonth')}>
                {WEEKS.map((w, i) => (
                  <option key={w} value={String(i + 1)}>
                    {w} {capital(form.dayOfWeek)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Field label="Starts at">
            <TimeInput value={form.startTime} onChange={set('startTime')} />
          </Field>
          <Field label="Ends at">
            <TimeInput value={form.endTime} onChange={set('endTime')} />
          </Field>
          <Field label="First day">
            <DateInput value={form.startsOn} onChange={set('startsOn')} />
          </Field>
          <Field label="Last day">
            <DateInput value={form.endsOn} onChange={set('endsOn')} />
          </Field>
          <PersonPicker
            label="Chair"
            people={chairs}
            value={form.chairPersonId}
            onChange={set('chairPersonId')}
          />
          <PersonPicker
            label="Deputy chair"
            people={chairs}
            value={form.deputyChairPersonId}
            onChange={set('deputyChairPersonId')}
          />
          <Field label="Reason (needed inside the notice period)">
            <Input value={form.reason} onChange={set('reason')} />
          </Field>
        </div>
        <div className={styles.buttons}>
          <Button type="submit" disabled={busy}>
            Preview the dates
          </Button>
        </div>
      </form>
      {preview && (
        <div role="region" aria-label="Series preview">
          <Body1>
            <strong>{preview.pattern}</strong>, {preview.days.length} meetings:
          </Body1>
          <ul className={styles.days}>
            {preview.days.map((d) => (
              <li key={d}>{formatDay(d)}</li>
            ))}
          </ul>
          {preview.warnings.map((w) => (
            <Notice key={w} intent="warning">
              {w}
            </Notice>
          ))}
          {preview.insideNoticePeriod > 0 && (
            <Notice intent="warning">
              {preview.insideNoticePeriod} of these fall inside the notice period: give a reason.
            </Notice>
          )}
          <Notice intent="info">
            This invites {preview.invitees} people to {preview.days.length} meetings. Teams sends
            each of them the invitation.
          </Notice>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy} onClick={onConfirm}>
              Confirm: schedule {preview.days.length} meetings
            </Button>
            <Button disabled={busy} onClick={() => setPreview(null)}>
              Change the pattern
            </Button>
          </div>
        </div>
      )}
      {busy && <Progress bar label="Working…" />}
      <FieldErrors error={error} />
    </Section>
  );
}

export function PersonPicker(props: {
  label: string;
  people: Person[];
  value: string;
  onChange: (e: unknown, data: { value: string }) => void;
  emptyLabel?: string;
}) {
  return (
    <Field label={props.label}>
      <Select value={props.value} onChange={props.onChange}>
        <option value="">{props.emptyLabel ?? "The area's usual"}</option>
        {props.people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * The schedule (FR-001..FR-009): meetings with their Teams set-up and circulation state;
 * schedule a series or a single extraordinary/emergency meeting (each is set up in Teams as it
 * is created, so this shows progress while it runs).
 */
import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client.js';
import type { MeetingSummary } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import {
  EmptyState,
  formatDateTime,
  formatDay,
  Loaded,
  Notice,
  Progress,
  Section,
} from '../../shell/components.js';
import { RouteLink } from '../../shell/router.js';
import { useMe } from '../../shell/session.js';
import { useSubmit } from '../../shell/use-submit.js';
import { DataTable } from '../common/data-table.js';
import { FieldErrors } from '../common/field-errors.js';
import { StatusBadge } from '../common/status-badge.js';
import { CoordinatorPage } from './coordinator-page.js';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface ScheduleResult {
  meetings: MeetingSummary[];
  warnings: string[];
}

export default function Schedule() {
  const me = useMe();
  const meetings = useApi<{ meetings: MeetingSummary[] }>('/meetings');
  const [result, setResult] = useState<ScheduleResult | null>(null);
  return (
    <CoordinatorPage
      title="Schedule"
      subtitle={`${me.area.name}: meetings, their Teams set-up and when their case list goes out.`}
    >
      <Section title="Meetings">
        <Loaded state={meetings} label="Loading the schedule…">
          {(data) =>
            data.meetings.length === 0 ? (
              <EmptyState title="No meetings scheduled">
                Schedule a series below: each meeting is created in Teams with its lobby and chat
                settings.
              </EmptyState>
            ) : (
              <MeetingTable meetings={data.meetings} timeZone={me.area.timeZone} />
            )
          }
        </Loaded>
      </Section>
      {result && (
        <Notice intent={result.warnings.length ? 'warning' : 'success'}>
          {result.meetings.length === 1 ? 'One meeting' : `${result.meetings.length} meetings`}{' '}
          scheduled and set up in Teams.
          {result.warnings.map((w) => (
            <span key={w}>
              <br />
              {w}
            </span>
          ))}
        </Notice>
      )}
      <SeriesForm
        onDone={(r) => {
          setResult(r);
          meetings.reload();
        }}
      />
      <SingleMeetingForm
        onDone={(r) => {
          setResult(r);
          meetings.reload();
        }}
      />
    </CoordinatorPage>
  );
}

function MeetingTable(props: { meetings: MeetingSummary[]; timeZone: string }) {
  return (
    <DataTable
      label="Meetings"
      rows={props.meetings}
      rowKey={(m) => m.id}
      columns={[
        {
          header: 'Meeting',
          cell: (m) => <RouteLink to={`/coordinator/meetings/${m.id}`}>{m.title}</RouteLink>,
        },
        { header: 'Starts', cell: (m) => formatDateTime(m.scheduledStart, props.timeZone) },
        { header: 'Kind', cell: (m) => m.kind },
        {
          header: 'Status',
          cell: (m) => (
            <>
              <StatusBadge status={m.status} />
              {m.statusReason ? ` ${m.statusReason}` : ''}
            </>
          ),
        },
        {
          header: 'Case list',
          cell: (m) =>
            m.circulatedAt
              ? `Circulated ${formatDateTime(m.circulatedAt, props.timeZone)}`
              : m.circulationDueOn
                ? `Due ${formatDay(m.circulationDueOn)}`
                : '—',
        },
      ]}
    />
  );
}

function today(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Schedules through `path`, then hands the new meetings to `onDone`. */
function useSchedule(onDone: (r: ScheduleResult) => void) {
  const { busy, error, run } = useSubmit();
  const submit = async (path: string, body: Record<string, unknown>) => {
    const result = await run(() => api<ScheduleResult>(path, { method: 'POST', body }));
    if (result !== undefined) onDone(result);
  };
  return { busy, error, submit };
}

function SeriesForm(props: { onDone: (r: ScheduleResult) => void }) {
  const styles = useStyles();
  const { busy, error, submit } = useSchedule(props.onDone);
  const [form, setForm] = useState({
    title: 'Northfield MARAC',
    frequency: 'fortnightly',
    dayOfWeek: 'wednesday',
    startTime: '09:30',
    endTime: '13:00',
    startsOn: today(14),
    endsOn: today(120),
    reason: '',
  });
  const set = (key: keyof typeof form) => (_e: unknown, data: { value: string }) =>
    setForm((f) => ({ ...f, [key]: data.value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { reason, ...rest } = form;
    void submit('/meetings/series', reason.trim() ? { ...rest, reason } : rest);
  };
  return (
    <Section title="Schedule a series">
      <form onSubmit={onSubmit} aria-label="Schedule a series">
        <div className={styles.form}>
          <Field label="Title" required>
            <Input value={form.title} onChange={set('title')} />
          </Field>
          <Field label="Frequency">
            <Select value={form.frequency} onChange={set('frequency')}>
              <option value="weekly">Weekly</option>
              <option value="fortnightly">Fortnightly</option>
              <option value="monthly">Monthly</option>
            </Select>
          </Field>
          <Field label="Day of the week">
            <Select value={form.dayOfWeek} onChange={set('dayOfWeek')}>
              {['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => (
                <option key={d} value={d}>
                  {d[0]?.toUpperCase()}
                  {d.slice(1)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Starts at">
            <Input type="time" value={form.startTime} onChange={set('startTime')} />
          </Field>
          <Field label="Ends at">
            <Input type="time" value={form.endTime} onChange={set('endTime')} />
          </Field>
          <Field label="First day">
            <Input type="date" value={form.startsOn} onChange={set('startsOn')} />
          </Field>
          <Field label="Last day">
            <Input type="date" value={form.endsOn} onChange={set('endsOn')} />
          </Field>
          <Field label="Reason (needed inside the notice period)">
            <Input value={form.reason} onChange={set('reason')} />
          </Field>
        </div>
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabled={busy}>
            Schedule series
          </Button>
        </div>
      </form>
      {busy && <Progress bar label="Scheduling the meetings and setting each up in Teams…" />}
      <FieldErrors error={error} />
    </Section>
  );
}

function SingleMeetingForm(props: { onDone: (r: ScheduleResult) => void }) {
  const styles = useStyles();
  const { busy, error, submit } = useSchedule(props.onDone);
  const [form, setForm] = useState({
    kind: 'extraordinary',
    title: 'Extraordinary MARAC',
    day: today(35),
    startTime: '14:00',
    endTime: '15:00',
    reason: '',
  });
  const set = (key: keyof typeof form) => (_e: unknown, data: { value: string }) =>
    setForm((f) => ({ ...f, [key]: data.value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { reason, ...rest } = form;
    void submit('/meetings', reason.trim() ? { ...rest, reason } : rest);
  };
  return (
    <Section title="Add an extraordinary or emergency meeting">
      <form onSubmit={onSubmit} aria-label="Add a meeting">
        <div className={styles.form}>
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
            <Input type="date" value={form.day} onChange={set('day')} />
          </Field>
          <Field label="Starts at">
            <Input type="time" value={form.startTime} onChange={set('startTime')} />
          </Field>
          <Field label="Ends at">
            <Input type="time" value={form.endTime} onChange={set('endTime')} />
          </Field>
          <Field label="Reason (needed inside the notice period)">
            <Input value={form.reason} onChange={set('reason')} />
          </Field>
        </div>
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabled={busy}>
            Add meeting
          </Button>
        </div>
      </form>
      {busy && <Progress bar label="Creating the meeting and setting it up in Teams…" />}
      <FieldErrors error={error} />
    </Section>
  );
}

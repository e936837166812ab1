/**
 * The chair console (issue 7; FR-044..FR-053, FR-045, A-05, A-10, A-11): in the meeting side
 * panel or full screen. The agenda with planned times and a timer per case, start / close case,
 * the opening checklist, live attendance by agency (present, deputies, who left, camera state
 * and where that evidence came from), core agencies missing, and the actions volunteered in the
 * chat arriving in real time with assign / confirm / reject. Chair and deputy chair only; the
 * API refuses everyone else's changes too.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client.js';
import type { MeetingDetail, MeetingSummary } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import {
  EmptyState,
  ErrorBanner,
  formatDateTime,
  formatDay,
  formatTime,
  Loaded,
  Notice,
  NotAvailable,
  PageLayout,
  Progress,
  Section,
} from '../../shell/components.js';
import { RouteLink, useLocation } from '../../shell/router.js';
import { RoleGate, useMe, WhoAmI } from '../../shell/session.js';
import {
  CAMERA_SOURCE_LABEL,
  CHECKLIST,
  type LiveAttendance,
  type LivePerson,
  type OpeningChecklist,
  type RunAction,
  type RunAgendaItem,
  type RunView,
} from './types.js';
import { usePoll } from './use-poll.js';

/** How often the console asks for news (issue 7: volunteered actions "in real time"). */
export const POLL_MS = 2500;

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(340px, 1fr))',
    gap: tokens.spacingVerticalL,
    alignItems: 'start',
  },
  stack: { display: 'grid', gap: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  current: { backgroundColor: tokens.colorBrandBackground2 },
  overrun: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  timer: { fontVariantNumeric: 'tabular-nums' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  agency: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  people: { margin: 0, paddingLeft: '1.2em', display: 'grid', gap: tokens.spacingVerticalXXS },
  action: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  form: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    flexWrap: 'wrap',
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

export default function ChairConsole() {
  const { query } = useLocation();
  const meetingId = query.get('meetingId');
  return (
    <RoleGate anyOf={['chair', 'deputy-chair']} what="The chair console">
      {meetingId ? <Console meetingId={meetingId} /> : <ChooseMeeting />}
    </RoleGate>
  );
}

function ChooseMeeting() {
  const meetings = useApi<{ meetings: MeetingSummary[] }>('/meetings');
  const now = Date.now();
  return (
    <PageLayout title="Chair console" actions={<WhoAmI />}>
      <Section title="Choose a meeting">
        <Loaded state={meetings} label="Loading meetings…">
          {(data) => {
            const open = data.meetings
              .filter(
                (m) =>
                  m.status !== 'cancelled' && new Date(m.scheduledEnd).getTime() > now - 86_400_000,
              )
              .sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart));
            if (open.length === 0)
              return (
                <EmptyState title="No meetings to run">
                  When the coordinator schedules a meeting you chair, it appears here.
                </EmptyState>
              );
            return (
              <ul>
                {open.map((m) => (
                  <li key={m.id}>
                    <RouteLink to={`/tab/meeting/chair?meetingId=${m.id}`}>{m.title}</RouteLink>,{' '}
                    {formatDateTime(m.scheduledStart)}
                  </li>
                ))}
              </ul>
            );
          }}
        </Loaded>
      </Section>
    </PageLayout>
  );
}

/** Re-renders every `ms` so timers tick. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(t);
  }, [ms]);
  return now;
}

function Console({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const me = useMe();
  const detail = useApi<MeetingDetail>(`/meetings/${meetingId}`);
  const run = usePoll<RunView>(`/meetings/${meetingId}/run`, POLL_MS);
  const attendance = usePoll<LiveAttendance>(`/meetings/${meetingId}/attendance`, POLL_MS);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const tz = me.area.timeZone;

  /** A change through the run API; the answer carries the new run view. */
  const change = async (key: string, path: string, body: unknown) => {
    setBusy(key);
    setFailure(null);
    try {
      const answer = await api<{ run?: RunView; openingChecklist?: OpeningChecklist }>(
        `/meetings/${meetingId}/run${path}`,
        { method: 'POST', body },
      );
      if (answer?.run) run.replace(answer.run);
      else run.refresh();
      return true;
    } catch (error) {
      setFailure(error);
      run.refresh();
      return false;
    } finally {
      setBusy(null);
    }
  };

  const title = detail.data?.meeting.title ?? 'Meeting';
  const runMissing = run.error instanceof ApiError && run.error.notAvailable;
  const lastAt = run.updatedAt ?? attendance.updatedAt;
  const updated = lastAt ? formatClock(lastAt, tz) : null;
  return (
    <PageLayout
      title="Chair console"
      subtitle={
        <>
          {title}
          {detail.data && `, ${formatDateTime(detail.data.meeting.scheduledStart, tz)}`}
          {run.data && ` · ${statusLabel(run.data.status)}`}
        </>
      }
      actions={<WhoAmI />}
    >
      <Caption1 aria-live="off" className={styles.muted} data-testid="last-updated">
        {updated ? `Last updated ${updated}` : 'Connecting…'} (every {POLL_MS / 1000} s)
      </Caption1>
      {failure !== null && <ErrorBanner error={failure} title="That change did not go through" />}
      {run.data === null && run.error !== null && !runMissing && (
        <ErrorBanner error={run.error} onRetry={run.refresh} />
      )}
      {run.data !== null && run.error !== null && (
        <Notice intent="warning">
          Could not refresh just now; showing what was known at {updated}. Still trying.
        </Notice>
      )}
      {run.data === null && run.error === null && <Progress label="Loading the meeting…" />}
      <div className={styles.columns}>
        <div className={styles.stack}>
          {runMissing && (
            <Section title="Running the meeting">
              <NotAvailable what="Running the agenda (checklist, cases, actions)" />
            </Section>
          )}
          {run.data && (
            <>
              <Checklist
                checklist={run.data.openingChecklist}
                busy={busy}
                onChange={(item, done) =>
                  void change(`check:${item}`, '/checklist', { item, done })
                }
              />
              <Agenda
                run={run.data}
                tz={tz}
                busy={busy}
                onStart={(id) => void change(`start:${id}`, '/start-case', { agendaItemId: id })}
                onClose={(id) => void change(`close:${id}`, '/close-case', { agendaItemId: id })}
              />
            </>
          )}
        </div>
        <div className={styles.stack}>
          {run.data && (
            <Actions
              run={run.data}
              attendance={attendance.data}
              busy={busy}
              onChange={(action, verb, body) =>
                change(`${verb}:${action.id}`, `/actions/${action.id}/${verb}`, {
                  version: action.version,
                  ...body,
                })
              }
            />
          )}
          <Attendance state={attendance} tz={tz} />
        </div>
      </div>
    </PageLayout>
  );
}

function Checklist(props: {
  checklist: OpeningChecklist;
  busy: string | null;
  onChange: (item: keyof OpeningChecklist, done: boolean) => void;
}) {
  const done = CHECKLIST.filter((c) => props.checklist[c.item]).length;
  return (
    <Section
      title="Opening checklist"
      actions={<Caption1>{`${done} of ${CHECKLIST.length} done`}</Caption1>}
    >
      {CHECKLIST.map((c) => (
        <Checkbox
          key={c.item}
          label={c.label}
          checked={props.checklist[c.item]}
          disabled={props.busy !== null}
          onChange={(_e, d) => props.onChange(c.item, d.checked === true)}
        />
      ))}
    </Section>
  );
}

function Agenda(props: {
  run: RunView;
  tz: string;
  busy: string | null;
  onStart: (agendaItemId: string) => void;
  onClose: (agendaItemId: string) => void;
}) {
  const styles = useStyles();
  const now = useNow(1000);
  const { run } = props;
  if (run.agenda.length === 0)
    return (
      <Section title="Agenda">
        <EmptyState title="No cases on the agenda">
          The coordinator adds cases by importing the case list in the workspace.
        </EmptyState>
      </Section>
    );
  const ended = run.status === 'ended';
  return (
    <Section title="Agenda">
      <Table aria-label="Agenda" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>#</TableHeaderCell>
            <TableHeaderCell>Case</TableHeaderCell>
            <TableHeaderCell>Planned</TableHeaderCell>
            <TableHeaderCell>Timer</TableHeaderCell>
            <TableHeaderCell>Run</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {run.agenda.map((item) => {
            const isCurrent = item.state === 'current';
            const elapsed = elapsedSeconds(item, now);
            const over = elapsed !== null && elapsed > item.plannedMinutes * 60;
            return (
              <TableRow
                key={item.agendaItemId}
                className={isCurrent ? styles.current : undefined}
                aria-current={isCurrent ? 'step' : undefined}
              >
                <TableCell>{item.position}</TableCell>
                <TableCell>
                  {item.caseReference}{' '}
                  <Badge
                    appearance="tint"
                    size="small"
                    color={
                      isCurrent ? 'brand' : item.state === 'closed' ? 'success' : 'informative'
                    }
                  >
                    {isCurrent ? 'Now' : item.state === 'closed' ? 'Closed' : 'To come'}
                  </Badge>
                </TableCell>
                <TableCell>
                  {formatTime(item.plannedStart, props.tz)}, {item.plannedMinutes} min
                </TableCell>
                <TableCell>
                  <span
                    className={`${styles.timer} ${over ? styles.overrun : ''}`}
                    role={isCurrent ? 'timer' : undefined}
                    aria-label={
                      elapsed === null
                        ? 'Not started'
                        : `${clock(elapsed)} of ${item.plannedMinutes} minutes${over ? ', over time' : ''}`
                    }
                  >
                    {elapsed === null ? '—' : `${clock(elapsed)} / ${item.plannedMinutes}:00`}
                    {over && ' over'}
                  </span>
                </TableCell>
                <TableCell>
                  {item.state === 'pending' && !ended && (
                    <Button
                      size="small"
                      appearance={run.currentAgendaItemId ? 'secondary' : 'primary'}
                      disabled={props.busy !== null}
                      onClick={() => props.onStart(item.agendaItemId)}
                      // The accessible name contains the visible text, also while busy (label-content-name-mismatch).
                      aria-label={`${props.busy === `start:${item.agendaItemId}` ? 'Starting' : 'Start'} case ${item.caseReference}`}
                    >
                      {props.busy === `start:${item.agendaItemId}` ? 'Starting…' : 'Start'}
                    </Button>
                  )}
                  {isCurrent && !ended && (
                    <Button
                      size="small"
                      appearance="primary"
                      disabled={props.busy !== null}
                      onClick={() => props.onClose(item.agendaItemId)}
                      aria-label={`${props.busy === `close:${item.agendaItemId}` ? 'Closing' : 'Close'} case ${item.caseReference}`}
                    >
                      {props.busy === `close:${item.agendaItemId}` ? 'Closing…' : 'Close'}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Section>
  );
}

type Verb = 'assign' | 'confirm' | 'reject';

function Actions(props: {
  run: RunView;
  attendance: LiveAttendance | null;
  busy: string | null;
  onChange: (action: RunAction, verb: Verb, body: Record<string, unknown>) => Promise<boolean>;
}) {
  const styles = useStyles();
  const { run } = props;
  const cases = new Map(run.agenda.map((i) => [i.agendaItemId, i]));
  const volunteered = run.actions.filter((a) => a.state === 'volunteered');
  const agreed = run.actions.filter((a) => a.state !== 'volunteered' && a.state !== 'rejected');
  const order = (a: RunAction) =>
    a.agendaItemId === run.currentAgendaItemId
      ? -1
      : (cases.get(a.agendaItemId ?? '')?.position ?? 999);
  volunteered.sort((a, b) => order(a) - order(b) || a.reference.localeCompare(b.reference));
  return (
    <Section
      title="Volunteered actions"
      actions={
        <Badge
          appearance="filled"
          color={volunteered.length ? 'warning' : 'informative'}
          aria-live="polite"
        >
          {volunteered.length} waiting
        </Badge>
      }
    >
      {volunteered.length === 0 ? (
        <EmptyState title="Nothing waiting">
          Actions that representatives volunteer on the case card in the meeting chat appear here as
          they arrive.
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label="Volunteered actions waiting">
          {volunteered.map((a) => (
            <li key={a.id}>
              <VolunteeredAction
                action={a}
                caseReference={cases.get(a.agendaItemId ?? '')?.caseReference ?? '—'}
                attendance={props.attendance}
                busy={props.busy}
                onChange={props.onChange}
              />
            </li>
          ))}
        </ul>
      )}
      {agreed.length > 0 && (
        <>
          <Subtitle2 as="h3">Agreed in this meeting</Subtitle2>
          <Table aria-label="Agreed actions" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Action</TableHeaderCell>
                <TableHeaderCell>Case</TableHeaderCell>
                <TableHeaderCell>Owner</TableHeaderCell>
                <TableHeaderCell>Due</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {agreed.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    {a.reference}: {a.description}
                  </TableCell>
                  <TableCell>{cases.get(a.agendaItemId ?? '')?.caseReference ?? '—'}</TableCell>
                  <TableCell>
                    {a.ownerAgency.name}
                    {a.ownerPerson ? ` (${a.ownerPerson.displayName})` : ''}
                  </TableCell>
                  <TableCell>{formatDay(a.dueOn)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Section>
  );
}

function VolunteeredAction(props: {
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
            <Input type="date" value={dueOn} onChange={(_e, d) => setDueOn(d.value)} />
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

function Attendance(props: {
  state: { data: LiveAttendance | null; error: unknown; refresh: () => void };
  tz: string;
}) {
  const styles = useStyles();
  const { data, error } = props.state;
  if (!data) {
    if (error instanceof ApiError && error.notAvailable)
      return (
        <Section title="Attendance">
          <NotAvailable what="Live attendance" />
        </Section>
      );
    return (
      <Section title="Attendance">
        {error ? (
          <ErrorBanner error={error} onRetry={props.state.refresh} />
        ) : (
          <Progress label="Loading attendance…" />
        )}
      </Section>
    );
  }
  const presentCount = data.agencies.filter((a) => a.present).length;
  return (
    <Section
      title="Attendance"
      actions={<Caption1>{`${presentCount} of ${data.agencies.length} agencies present`}</Caption1>}
    >
      {data.coreAgenciesMissing.length > 0 ? (
        <Notice intent="warning">
          Core agencies missing: {data.coreAgenciesMissing.map((a) => a.name).join(', ')}.
        </Notice>
      ) : (
        data.agencies.some((a) => a.core) && (
          <Notice intent="success">Every core agency is present.</Notice>
        )
      )}
      <ul className={styles.list} aria-label="Attendance by agency">
        {data.agencies.map((agency) => (
          <li key={agency.agencyId} className={styles.agency}>
            <div className={styles.row}>
              <Body1>
                <strong>{agency.name}</strong>
              </Body1>
              {agency.core && (
                <Badge appearance="outline" size="small">
                  Core
                </Badge>
              )}
              <Badge
                appearance="tint"
                size="small"
                color={agency.present ? 'success' : agency.core ? 'danger' : 'informative'}
              >
                {agency.present ? 'Present' : 'Not present'}
              </Badge>
            </div>
            {agency.people.length > 0 && (
              <ul className={styles.people}>
                {agency.people.map((p) => (
                  <li key={p.personId}>
                    <PersonLine person={p} tz={props.tz} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {data.unmatched.length > 0 && (
        <Caption1>
          Also in the meeting, not matched to anyone registered:{' '}
          {data.unmatched.map((u) => u.displayName ?? 'an unknown caller').join(', ')}.
        </Caption1>
      )}
    </Section>
  );
}

function PersonLine({ person: p, tz }: { person: LivePerson; tz: string }) {
  const deputy = p.role === 'deputy';
  const where = p.inMeeting
    ? `in since ${formatTime(p.joinedAt, tz)}`
    : p.leftAt
      ? `left at ${formatTime(p.leftAt, tz)}`
      : 'not joined';
  const camera =
    p.camera.on === null
      ? 'camera unknown'
      : `camera ${p.camera.on ? 'on' : 'off'}${p.camera.source ? ` (${CAMERA_SOURCE_LABEL[p.camera.source] ?? p.camera.source})` : ''}`;
  return (
    <Body1>
      {p.displayName}
      {deputy ? ' (deputy)' : p.role !== 'representative' ? ` (${p.role})` : ''} · {where}
      {p.inMeeting && ` · ${camera}`}
    </Body1>
  );
}

function elapsedSeconds(item: RunAgendaItem, now: number): number | null {
  if (!item.actualStart) return null;
  const end = item.actualEnd ? new Date(item.actualEnd).getTime() : now;
  return Math.max(0, Math.floor((end - new Date(item.actualStart).getTime()) / 1000));
}

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

function formatClock(at: Date, timeZone: string): string {
  return at.toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone,
  });
}

function statusLabel(status: string): string {
  return (
    { 'in-progress': 'meeting running', ended: 'meeting ended', scheduled: 'not started yet' }[
      status
    ] ?? status
  );
}

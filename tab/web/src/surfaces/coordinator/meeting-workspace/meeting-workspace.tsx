/**
 * One meeting in the coordinator workspace: the agenda (no case content, FR-027..FR-030),
 * case-list import with row-level errors (FR-027), circulation status per recipient (FR-031),
 * and the minutes with their DOCX download (FR-084).
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Label,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { api, apiBlob, ApiError, type ProblemDetail } from '../../../api/client.js';
import type { AgendaView, CirculationView, MeetingDetail } from '../../../api/types.js';
import { RISK_LABEL } from '../../../api/types.js';
import { useApi } from '../../../api/use-api.js';
import {
  EmptyState,
  ErrorBanner,
  formatDateTime,
  formatDay,
  formatTime,
  Loaded,
  NotAvailable,
  Notice,
  Progress,
  Section,
} from '../../../shell/components.js';
import { RouteLink } from '../../../shell/router.js';
import { useMe } from '../../../shell/session.js';
import { StatusBadge } from '../schedule.js';
import { CoordinatorPage } from '../workspace.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0 },
  fileField: { display: 'grid', gap: tokens.spacingVerticalXS },
  fileInput: {
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

export default function MeetingWorkspace({ params }: { params: Record<string, string> }) {
  const meetingId = params.meetingId ?? '';
  const me = useMe();
  const detail = useApi<MeetingDetail>(`/meetings/${meetingId}`);
  const agenda = useApi<AgendaView>(`/meetings/${meetingId}/agenda`);
  const title = detail.data?.meeting.title ?? 'Meeting';
  return (
    <CoordinatorPage title={title}>
      <Loaded state={detail} label="Loading the meeting…">
        {(d) => <Summary detail={d} timeZone={me.area.timeZone} onChange={detail.reload} />}
      </Loaded>
      <Section title="Agenda">
        <Loaded state={agenda} label="Loading the agenda…">
          {(a) => <AgendaTable agenda={a} timeZone={me.area.timeZone} />}
        </Loaded>
      </Section>
      <ImportSection meetingId={meetingId} onImported={agenda.reload} />
      <CirculationSection
        meetingId={meetingId}
        timeZone={me.area.timeZone}
        onCirculated={detail.reload}
      />
      <MinutesSection meetingId={meetingId} />
      <Section title="Actions from this meeting">
        <Body1>
          <RouteLink to={`/coordinator/actions?meetingId=${meetingId}`}>
            Open the action tracker for this meeting
          </RouteLink>
        </Body1>
      </Section>
    </CoordinatorPage>
  );
}

function Summary(props: { detail: MeetingDetail; timeZone: string; onChange: () => void }) {
  const styles = useStyles();
  const m = props.detail.meeting;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/meetings/${m.id}/retry-setup`, { method: 'POST', body: {} });
      props.onChange();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="Meeting">
      <dl className={styles.facts}>
        <dt className={styles.dt}>When</dt>
        <dd className={styles.dd}>
          {formatDateTime(m.scheduledStart, props.timeZone)} to{' '}
          {formatTime(m.scheduledEnd, props.timeZone)}
        </dd>
        <dt className={styles.dt}>Status</dt>
        <dd className={styles.dd}>
          <StatusBadge status={m.status} /> {m.statusReason ?? ''}
        </dd>
        <dt className={styles.dt}>Case list</dt>
        <dd className={styles.dd}>
          {m.circulatedAt
            ? `Circulated ${formatDateTime(m.circulatedAt, props.timeZone)}`
            : `Due to circulate ${formatDay(m.circulationDueOn)}`}
        </dd>
        <dt className={styles.dt}>Invited</dt>
        <dd className={styles.dd}>{props.detail.invitees?.length ?? 0} people</dd>
        {m.joinUrl && (
          <>
            <dt className={styles.dt}>Teams</dt>
            <dd className={styles.dd}>
              <Link href={m.joinUrl} target="_blank" rel="noreferrer">
                Join link
              </Link>
            </dd>
          </>
        )}
      </dl>
      {(m.status === 'needs-attention' || m.status === 'draft') && (
        <div className={styles.row}>
          <Button onClick={() => void retry()} disabled={busy}>
            {m.status === 'draft' ? 'Set up in Teams' : 'Try the Teams set-up again'}
          </Button>
          {busy && <Progress label="Setting the meeting up in Teams…" />}
        </div>
      )}
      {error !== null && <ErrorBanner error={error} />}
    </Section>
  );
}

function AgendaTable(props: { agenda: AgendaView; timeZone: string }) {
  const { items, capacity } = props.agenda;
  if (items.length === 0)
    return (
      <EmptyState title="No cases on the agenda yet">
        Import the case list below (Excel or CSV, one row per case).
      </EmptyState>
    );
  return (
    <>
      <Body1>
        {capacity.caseCount} cases, {capacity.plannedMinutes} minutes planned, ending about{' '}
        {formatTime(capacity.plannedEnd, props.timeZone)} (limits: {capacity.maxCases} cases,{' '}
        {capacity.maxSessionMinutes} minutes).
      </Body1>
      {capacity.warnings.map((w) => (
        <Notice key={w} intent="warning">
          {w}
        </Notice>
      ))}
      <Table aria-label="Agenda" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>#</TableHeaderCell>
            <TableHeaderCell>Case</TableHeaderCell>
            <TableHeaderCell>Risk</TableHeaderCell>
            <TableHeaderCell>Repeat</TableHeaderCell>
            <TableHeaderCell>Planned</TableHeaderCell>
            <TableHeaderCell>Minutes</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((i) => (
            <TableRow key={i.id}>
              <TableCell>{i.position}</TableCell>
              <TableCell>
                {i.caseNumber}{' '}
                {i.isClosedSession && (
                  <Badge appearance="outline" color="important">
                    Closed session
                  </Badge>
                )}
                {i.addedAfterCirculation && (
                  <Badge appearance="outline" color="warning">
                    Added after circulation
                  </Badge>
                )}
              </TableCell>
              <TableCell>
                {RISK_LABEL[i.riskLevel] ?? i.riskLevel}
                {i.riskScore !== null ? ` (${i.riskScore})` : ''}
              </TableCell>
              <TableCell>{i.isRepeat ? `Repeat ×${i.repeatCount}` : 'No'}</TableCell>
              <TableCell>{formatTime(i.plannedStart, props.timeZone)}</TableCell>
              <TableCell>{i.plannedMinutes}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/** The rows and columns a rejected import names (never a cell's content). */
export function ProblemTable({ problems }: { problems: ProblemDetail[] }) {
  return (
    <Table aria-label="Problems in the file" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Row</TableHeaderCell>
          <TableHeaderCell>Column</TableHeaderCell>
          <TableHeaderCell>What is wrong</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {problems.map((p, i) => (
          <TableRow key={i}>
            <TableCell>{p.row === 0 ? 'File' : p.row === 1 ? 'Header' : p.row}</TableCell>
            <TableCell>{p.field ?? p.path ?? ''}</TableCell>
            <TableCell>{p.message}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ImportSection(props: { meetingId: string; onImported: () => void }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<null | 'check' | 'import'>(null);
  const [outcome, setOutcome] = useState<
    | { kind: 'ok'; imported: number; dryRun: boolean }
    | { kind: 'rejected'; problems: ProblemDetail[]; message: string }
    | { kind: 'error'; error: unknown }
    | null
  >(null);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setOutcome(null);
    try {
      const result = await api<{ imported: number; dryRun: boolean }>(
        `/meetings/${props.meetingId}/agenda/import${dryRun ? '?dryRun=true' : ''}`,
        { method: 'POST', body: file },
      );
      setOutcome({ kind: 'ok', imported: result.imported, dryRun: result.dryRun });
      if (!dryRun) {
        props.onImported();
        setFile(null);
        if (input.current) input.current.value = '';
      }
    } catch (e) {
      if (e instanceof ApiError && e.problems.length > 0)
        setOutcome({ kind: 'rejected', problems: e.problems, message: e.message });
      else setOutcome({ kind: 'error', error: e });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Section title="Import the case list">
      <Body1>
        An Excel (.xlsx) or CSV file, one row per case, with the template&apos;s columns. The whole
        file is checked first: if any row is wrong nothing is imported and every problem is listed.
      </Body1>
      <div className={styles.row}>
        <div className={styles.fileField}>
          <Label htmlFor="case-list-file">Case-list file</Label>
          <input
            ref={input}
            id="case-list-file"
            className={styles.fileInput}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setOutcome(null);
            }}
          />
        </div>
        <Button disabled={!file || busy !== null} onClick={() => void run(true)}>
          Check file
        </Button>
        <Button
          appearance="primary"
          disabled={!file || busy !== null}
          onClick={() => void run(false)}
        >
          Import
        </Button>
      </div>
      {busy && (
        <Progress
          bar
          label={
            busy === 'check'
              ? `Checking ${file?.name ?? 'the file'}…`
              : `Importing ${file?.name ?? 'the file'} and planning the agenda…`
          }
        />
      )}
      {outcome?.kind === 'ok' && (
        <Notice intent="success">
          {outcome.dryRun
            ? `The file is good: ${outcome.imported} cases would be imported.`
            : `Imported ${outcome.imported} cases onto the agenda.`}
        </Notice>
      )}
      {outcome?.kind === 'rejected' && (
        <>
          <ErrorBanner error={new ApiError(422, 'IMPORT_REJECTED', outcome.message)} />
          <Caption1>
            {outcome.problems.length} problem{outcome.problems.length === 1 ? '' : 's'} found. Fix
            them in the file and choose it again.
          </Caption1>
          <ProblemTable problems={outcome.problems} />
        </>
      )}
      {outcome?.kind === 'error' && <ErrorBanner error={outcome.error} />}
    </Section>
  );
}

function CirculationSection(props: {
  meetingId: string;
  timeZone: string;
  onCirculated: () => void;
}) {
  const status = useApi<CirculationView>(`/meetings/${props.meetingId}/circulation`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const circulate = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await api<{
        circulation: { kind: string; caseCount: number; queued: number; blocked: number } | null;
      }>(`/meetings/${props.meetingId}/circulation`, { method: 'POST', body: {} });
      setDone(
        r.circulation
          ? `${r.circulation.kind === 'addendum' ? 'Addendum' : 'Case list'} circulated: ${r.circulation.caseCount} cases, ${r.circulation.queued} notices queued${r.circulation.blocked ? `, ${r.circulation.blocked} blocked by the allow-list` : ''}.`
          : 'Nothing new to circulate: everyone already has the current case list.',
      );
      status.reload();
      props.onCirculated();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section
      title="Circulation"
      actions={
        <Button appearance="primary" disabled={busy} onClick={() => void circulate()}>
          Circulate now
        </Button>
      }
    >
      <Body1>
        Each invited person gets a notice with a link into the tab (no names in it); this shows who
        has opened the case list.
      </Body1>
      {busy && <Progress bar label="Circulating the case list…" />}
      {done && <Notice intent="success">{done}</Notice>}
      {error !== null && <ErrorBanner error={error} />}
      <Loaded state={status} label="Loading circulation status…">
        {(s) =>
          s.circulations.length === 0 ? (
            <EmptyState title="Not circulated yet">
              {s.circulationDueOn
                ? `It goes out automatically on ${formatDay(s.circulationDueOn)}, or choose Circulate now.`
                : 'Choose Circulate now when the agenda is ready.'}
            </EmptyState>
          ) : (
            <>
              {s.circulations.map((c) => {
                const opened = c.recipients.filter((r) => r.opened).length;
                return (
                  <div key={c.id}>
                    <Section
                      level={3}
                      title={`${c.kind === 'addendum' ? 'Addendum' : 'Case list'} of ${formatDateTime(c.circulatedAt, props.timeZone)}: ${c.caseCount} cases, opened by ${opened} of ${c.recipients.length}`}
                    >
                      <RecipientTable circulation={c} timeZone={props.timeZone} />
                    </Section>
                  </div>
                );
              })}
            </>
          )
        }
      </Loaded>
    </Section>
  );
}

const DELIVERY_LABEL: Record<string, string> = {
  opened: 'Opened',
  'not-opened': 'Sent, not opened',
  queued: 'Queued',
  failed: 'Failed',
  blocked: 'Blocked (not on the allow-list)',
};

function RecipientTable(props: {
  circulation: CirculationView['circulations'][number];
  timeZone: string;
}) {
  return (
    <Table aria-label="Recipients" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Recipient</TableHeaderCell>
          <TableHeaderCell>Agency</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>First opened</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.circulation.recipients.map((r) => (
          <TableRow key={r.personId}>
            <TableCell>{r.displayName}</TableCell>
            <TableCell>{r.agencyName ?? '—'}</TableCell>
            <TableCell>{DELIVERY_LABEL[r.status] ?? r.status}</TableCell>
            <TableCell>
              {r.firstOpenedAt ? formatDateTime(r.firstOpenedAt, props.timeZone) : '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function MinutesSection({ meetingId }: { meetingId: string }) {
  const minutes = useApi<Record<string, unknown>>(`/meetings/${meetingId}/minutes`);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const blob = await apiBlob(`/meetings/${meetingId}/minutes.docx`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `minutes-${meetingId.slice(0, 8)}.docx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="Minutes">
      {minutes.loading && <Progress label="Loading the minutes…" />}
      {minutes.error instanceof ApiError && minutes.error.notAvailable && (
        <NotAvailable what="Minutes" />
      )}
      {minutes.error instanceof ApiError &&
        !minutes.error.notAvailable &&
        (minutes.error.status === 404 || minutes.error.status === 409) && (
          <EmptyState title="No minutes yet">
            {minutes.error.status === 409
              ? minutes.error.message
              : 'Minutes are drafted from the meeting once it has ended.'}
          </EmptyState>
        )}
      {minutes.error !== null &&
        !(minutes.error instanceof ApiError && [404, 409].includes(minutes.error.status)) && (
          <ErrorBanner error={minutes.error} onRetry={minutes.reload} />
        )}
      {minutes.data && (
        <>
          <MinutesSummary minutes={minutes.data} />
          <div>
            <Button onClick={() => void download()} disabled={busy}>
              Download minutes (Word)
            </Button>
          </div>
          {busy && <Progress label="Preparing the Word document…" />}
          {error !== null && <ErrorBanner error={error} />}
        </>
      )}
    </Section>
  );
}

/** A readable outline of the minutes JSON (its shape is issue 6's; show what is there). */
function MinutesSummary({ minutes }: { minutes: Record<string, unknown> }) {
  const styles = useStyles();
  const body = (minutes.minutes as Record<string, unknown> | undefined) ?? minutes;
  const entries = Object.entries(body).filter(([, v]) => v !== null && v !== undefined);
  return (
    <dl className={styles.facts}>
      {entries.map(([key, value]) => (
        <div key={key} style={{ display: 'contents' }}>
          <dt className={styles.dt}>{key.replace(/([A-Z])/g, ' $1').toLowerCase()}</dt>
          <dd className={styles.dd}>
            {Array.isArray(value)
              ? `${value.length} item${value.length === 1 ? '' : 's'}`
              : typeof value === 'object'
                ? `${Object.keys(value as object).length} fields`
                : String(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The agenda with planned times, a ticking timer per case and start / close. */
import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { EmptyState, formatTime, Section } from '../../shell/components.js';
import type { RunAgendaItem, RunView } from './types.js';
import { useStyles } from './styles.js';

/** Re-renders every `ms` so timers tick. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(t);
  }, [ms]);
  return now;
}

export function Agenda(props: {
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
            <TableHeaderCell className={styles.wideOnly}>#</TableHeaderCell>
            <TableHeaderCell>Case</TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>Planned</TableHeaderCell>
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
                <TableCell className={styles.wideOnly}>{item.position}</TableCell>
                <TableCell className={styles.cell}>
                  {item.caseReference}{' '}
                  <Badge
                    appearance="tint"
                    size="small"
                    color={
                      isCurrent
                        ? 'brand'
                        : item.state === 'closed'
                          ? 'success'
                          : item.unheard
                            ? 'warning'
                            : 'informative'
                    }
                  >
                    {badgeText(item, isCurrent)}
                  </Badge>
                </TableCell>
                <TableCell className={styles.wideOnly}>
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

function badgeText(item: RunAgendaItem, isCurrent: boolean): string {
  if (isCurrent) return 'Now';
  if (item.state === 'closed') return 'Closed';
  if (item.unheard?.outcome === 'carried-forward') return 'Carried forward';
  if (item.unheard) return 'Not heard';
  return 'To come';
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

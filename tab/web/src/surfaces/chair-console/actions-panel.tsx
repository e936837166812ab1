/** Volunteered actions waiting for the chair, and the ones agreed so far. */
import { Badge, Subtitle2 } from '@fluentui/react-components';
import { EmptyState, formatDay, Section } from '../../shell/components.js';
import type { LiveAttendance, RunAction, RunView } from './types.js';
import { DataTable } from '../common/data-table.js';
import { useStyles } from './styles.js';
import { VolunteeredAction, type Verb } from './volunteered-action.js';

export function Actions(props: {
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
          <DataTable
            label="Agreed actions"
            rows={agreed}
            rowKey={(a) => a.id}
            columns={[
              { header: 'Action', cell: (a) => `${a.reference}: ${a.description}` },
              {
                header: 'Case',
                cell: (a) => cases.get(a.agendaItemId ?? '')?.caseReference ?? '—',
              },
              {
                header: 'Owner',
                cell: (a) =>
                  `${a.ownerAgency.name}${a.ownerPerson ? ` (${a.ownerPerson.displayName})` : ''}`,
              },
              { header: 'Due', cell: (a) => formatDay(a.dueOn) },
            ]}
          />
        </>
      )}
    </Section>
  );
}

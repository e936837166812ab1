/**
 * The meeting's agenda: cases in order with their planned times and risk. Before the meeting the
 * coordinator reorders (drag the handle, or the up and down buttons from the keyboard), changes
 * a case's minutes, defers a case to the next meeting or removes it with a reason.
 */
import { Badge, Body1, Button, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import type { AgendaItem, AgendaView } from '../../../api/types.js';
import { RISK_LABEL } from '../../../api/types.js';
import { EmptyState, formatDay, formatTime, Notice, Progress } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { DataTable } from '../../common/data-table.js';
import { FieldErrors } from '../../common/field-errors.js';
import { useStyles } from './styles.js';

export function AgendaTable(props: {
  agenda: AgendaView;
  timeZone: string;
  meetingId: string;
  editable: boolean;
  onChange: () => void;
}) {
  const styles = useStyles();
  const { items, capacity } = props.agenda;
  const { busy, error, run } = useSubmit();
  const [removing, setRemoving] = useState<{ id: string; reason: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const change = (path: string, body: unknown, done?: (r: unknown) => string | null) =>
    void run(() =>
      api<unknown>(`/meetings/${props.meetingId}/agenda/${path}`, { method: 'POST', body }),
    ).then((r) => {
      if (r === undefined) return;
      setMessage(done ? done(r) : null);
      props.onChange();
    });
  const moveTo = (item: AgendaItem, toPosition: number) =>
    change(`${item.id}/position`, { toPosition });
  if (items.length === 0)
    return (
      <EmptyState title="No cases on the agenda yet">
        Add a case below, or import the case list (Excel or CSV, one row per case).
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
      <div className={styles.scroll} role="group" aria-label="Agenda, scrolls sideways">
        <DataTable
          label="Agenda"
          rows={items}
          rowKey={(i) => i.id}
          columns={[
            {
              header: '#',
              cell: (i) =>
                props.editable ? (
                  <div
                    className={styles.handle}
                    draggable
                    title="Drag to move the case"
                    data-testid={`drag-${i.caseNumber}`}
                    onDragStart={(e) => {
                      e.dataTransfer.setData('text/plain', i.id);
                      e.dataTransfer.effectAllowed = 'move';
                    }}
                    onDragOver={(e) => {
                      e.preventDefault();
                      e.dataTransfer.dropEffect = 'move';
                    }}
                    onDrop={(e) => {
                      e.preventDefault();
                      const id = e.dataTransfer.getData('text/plain');
                      const from = items.find((x) => x.id === id);
                      if (from && from.id !== i.id) moveTo(from, i.position);
                    }}
                  >
                    ⠿ {i.position}
                  </div>
                ) : (
                  i.position
                ),
            },
            {
              header: 'Case',
              cell: (i) => (
                <>
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
                </>
              ),
            },
            {
              header: 'Risk',
              cell: (i) => (
                <>
                  {RISK_LABEL[i.riskLevel] ?? i.riskLevel}
                  {i.riskScore !== null ? ` (${i.riskScore})` : ''}
                </>
              ),
            },
            { header: 'Repeat', cell: (i) => (i.isRepeat ? `Repeat ×${i.repeatCount}` : 'No') },
            { header: 'Planned', cell: (i) => formatTime(i.plannedStart, props.timeZone) },
            {
              header: 'Minutes',
              cell: (i) =>
                props.editable ? (
                  <Input
                    className={styles.minutes}
                    type="number"
                    min={1}
                    max={120}
                    aria-label={`Minutes for case ${i.caseNumber}`}
                    defaultValue={String(i.plannedMinutes)}
                    onBlur={(e) => {
                      const minutes = Number(e.target.value);
                      if (minutes !== i.plannedMinutes)
                        void run(() =>
                          api(`/meetings/${props.meetingId}/agenda/${i.id}`, {
                            method: 'PATCH',
                            body: { plannedMinutes: minutes },
                          }),
                        ).then((r) => r !== undefined && props.onChange());
                    }}
                  />
                ) : (
                  i.plannedMinutes
                ),
            },
            ...(props.editable
              ? [
                  {
                    header: 'Change',
                    cell: (i: AgendaItem) => (
                      <div className={styles.buttons}>
                        <Button
                          size="small"
                          aria-label={`Move case ${i.caseNumber} up`}
                          disabled={busy || i.position === 1}
                          onClick={() => moveTo(i, i.position - 1)}
                        >
                          Up
                        </Button>
                        <Button
                          size="small"
                          aria-label={`Move case ${i.caseNumber} down`}
                          disabled={busy || i.position === items.length}
                          onClick={() => moveTo(i, i.position + 1)}
                        >
                          Down
                        </Button>
                        {!i.isClosedSession && (
                          <Button
                            size="small"
                            aria-label={`Defer case ${i.caseNumber} to the next meeting`}
                            disabled={busy}
                            onClick={() =>
                              change(`${i.id}/defer`, {}, (r) => {
                                const to = (r as { deferredTo: { scheduledStart: string } })
                                  .deferredTo;
                                return `Case ${i.caseNumber} moved to the meeting on ${formatDay(to.scheduledStart.slice(0, 10))}.`;
                              })
                            }
                          >
                            Defer
                          </Button>
                        )}
                        <Button
                          size="small"
                          aria-label={`Remove case ${i.caseNumber}`}
                          disabled={busy}
                          onClick={() => setRemoving({ id: i.id, reason: '' })}
                        >
                          Remove
                        </Button>
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      {removing && (
        <form
          aria-label="Remove a case"
          onSubmit={(e) => {
            e.preventDefault();
            const item = items.find((x) => x.id === removing.id);
            change(`${removing.id}/remove`, { reason: removing.reason }, () => {
              setRemoving(null);
              return `Case ${item?.caseNumber ?? ''} removed from the agenda.`;
            });
          }}
        >
          <Body1>
            Remove case {items.find((x) => x.id === removing.id)?.caseNumber} from this agenda? Say
            why: the reason is kept with the record of the meeting.
          </Body1>
          <Textarea
            aria-label="Reason for removing the case"
            value={removing.reason}
            onChange={(_e, d) => setRemoving({ ...removing, reason: d.value })}
          />
          <div className={styles.row}>
            <Button type="submit" appearance="primary" disabled={busy}>
              Remove the case
            </Button>
            <Button onClick={() => setRemoving(null)}>Keep it</Button>
          </div>
        </form>
      )}
      {busy && <Progress label="Updating the agenda…" />}
      {message && <Notice intent="success">{message}</Notice>}
      <FieldErrors error={error} />
    </>
  );
}

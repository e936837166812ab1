/** The action list shared by the coordinator's tracker and My MARAC (contract). */
import {
  Badge,
  Checkbox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Action } from '../../api/types.js';
import { formatDay } from '../../shell/components.js';
import { useStackedTableStyles } from './data-table.js';

/** Action states: volunteered (in the meeting) → open → done / not-achievable; or rejected. */
export const STATE_LABEL: Record<string, string> = {
  volunteered: 'Volunteered',
  open: 'Open',
  done: 'Completed',
  'not-achievable': 'Cannot be achieved',
  rejected: 'Rejected',
};

export const isClosed = (state: string) =>
  state === 'done' || state === 'not-achievable' || state === 'rejected';

export function ActionStateBadge({ action }: { action: Pick<Action, 'state' | 'overdue'> }) {
  if (action.overdue && !isClosed(action.state))
    return (
      <Badge appearance="filled" color="danger">
        Overdue
      </Badge>
    );
  const color =
    action.state === 'done'
      ? 'success'
      : action.state === 'not-achievable'
        ? 'warning'
        : 'informative';
  return (
    <Badge appearance="tint" color={color}>
      {STATE_LABEL[action.state] ?? action.state}
    </Badge>
  );
}

export function ActionTable(props: {
  actions: Action[];
  label: string;
  selected?: Set<string>;
  onToggle?: (id: string, on: boolean) => void;
  /** Per-row buttons (complete / cannot be achieved / open). */
  rowActions?: (action: Action) => ReactNode;
  /** Who owns it, in the viewer's words (default: the agency and the named person). */
  ownerLabel?: (action: Action) => ReactNode;
}) {
  const selectable = Boolean(props.selected && props.onToggle);
  const s = useStackedTableStyles();
  const cell = (label: string) => ({ className: s.cell, 'data-label': label });
  return (
    <Table aria-label={props.label} size="small" className={s.table}>
      <TableHeader className={s.header}>
        <TableRow>
          {selectable && <TableHeaderCell>Select</TableHeaderCell>}
          <TableHeaderCell>Action</TableHeaderCell>
          <TableHeaderCell>Case</TableHeaderCell>
          <TableHeaderCell>What</TableHeaderCell>
          <TableHeaderCell>Owner</TableHeaderCell>
          <TableHeaderCell>Due</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          {props.rowActions && <TableHeaderCell>Do</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody className={s.body}>
        {props.actions.map((a) => (
          <TableRow key={a.id} className={s.row}>
            {selectable && (
              <TableCell {...cell('Select')}>
                <Checkbox
                  aria-label={`Select ${a.reference}`}
                  checked={props.selected?.has(a.id) ?? false}
                  onChange={(_e, d) => props.onToggle?.(a.id, Boolean(d.checked))}
                />
              </TableCell>
            )}
            <TableCell {...cell('Action')}>{a.reference}</TableCell>
            <TableCell {...cell('Case')}>{a.caseReference}</TableCell>
            <TableCell {...cell('What')}>{a.description}</TableCell>
            <TableCell {...cell('Owner')}>
              {props.ownerLabel ? (
                props.ownerLabel(a)
              ) : (
                <>
                  {a.ownerAgency.name}
                  {a.ownerPerson ? ` (${a.ownerPerson.displayName})` : ''}
                </>
              )}
            </TableCell>
            <TableCell {...cell('Due')}>{formatDay(a.dueOn)}</TableCell>
            <TableCell {...cell('Status')}>
              <ActionStateBadge action={a} />
            </TableCell>
            {props.rowActions && <TableCell {...cell('Do')}>{props.rowActions(a)}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * A small labelled table: one header row from `columns`, one row per item. Screens describe
 * their columns instead of repeating Fluent's table markup. On a narrow screen (a phone, the
 * meeting side panel) each row becomes a stacked card: every cell on its own line, labelled with
 * its column, so nothing needs a horizontal scroll.
 */
import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  className?: string;
}

/** Below this width tables stack (the side panel is 320 px, a phone about 390 px). */
export const NARROW = '@media (max-width: 640px)';

/** Classes that turn a Fluent table into stacked cards on narrow screens. */
export const useStackedTableStyles = makeStyles({
  table: {
    [NARROW]: { display: 'block', width: '100%' },
  },
  header: {
    // Kept for screen readers, hidden on screen: each cell says its column instead.
    [NARROW]: {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clip: 'rect(0 0 0 0)',
      whiteSpace: 'nowrap',
    },
  },
  body: { [NARROW]: { display: 'grid', gap: tokens.spacingVerticalS } },
  row: {
    [NARROW]: {
      display: 'grid',
      gridTemplateColumns: 'minmax(0, 1fr)',
      gap: tokens.spacingVerticalXXS,
      padding: tokens.spacingVerticalS,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      borderRadius: tokens.borderRadiusMedium,
      height: 'auto',
    },
  },
  cell: {
    overflowWrap: 'anywhere',
    [NARROW]: {
      display: 'block',
      height: 'auto',
      minHeight: 0,
      padding: 0,
      '::before': {
        content: 'attr(data-label)',
        display: 'block',
        color: tokens.colorNeutralForeground2,
        fontSize: tokens.fontSizeBase200,
      },
    },
  },
});

export function DataTable<T>(props: {
  label: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
  /** Per-row attributes, e.g. marking the current row. */
  rowProps?: (row: T) => { className?: string; 'aria-current'?: 'step' | 'page' | undefined };
}) {
  const s = useStackedTableStyles();
  return (
    <Table aria-label={props.label} size="small" className={s.table}>
      <TableHeader className={s.header}>
        <TableRow>
          {props.columns.map((c, i) => (
            <TableHeaderCell key={i}>{c.header}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody className={s.body}>
        {props.rows.map((row, index) => {
          const extra = props.rowProps?.(row);
          return (
            <TableRow
              key={props.rowKey(row, index)}
              {...extra}
              className={mergeClasses(s.row, extra?.className)}
            >
              {props.columns.map((c, i) => (
                <TableCell
                  key={i}
                  className={mergeClasses(s.cell, c.className)}
                  data-label={typeof c.header === 'string' ? c.header : undefined}
                >
                  {c.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/**
 * A small labelled table: one header row from `columns`, one row per item. Screens describe
 * their columns instead of repeating Fluent's table markup.
 */
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  className?: string;
}

export function DataTable<T>(props: {
  label: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
  /** Per-row attributes, e.g. marking the current row. */
  rowProps?: (row: T) => { className?: string; 'aria-current'?: 'step' | 'page' | undefined };
}) {
  return (
    <Table aria-label={props.label} size="small">
      <TableHeader>
        <TableRow>
          {props.columns.map((c, i) => (
            <TableHeaderCell key={i}>{c.header}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((row, index) => (
          <TableRow key={props.rowKey(row, index)} {...props.rowProps?.(row)}>
            {props.columns.map((c, i) => (
              <TableCell key={i} className={c.className}>
                {c.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

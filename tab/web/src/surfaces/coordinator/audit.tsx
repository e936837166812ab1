/** The audit log viewer (FR-104): who viewed, exported, changed or purged what, and when. */
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AuditEntry } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { EmptyState, formatDateTime, Loaded, Section } from '../../shell/components.js';
import { useMe } from '../../shell/session.js';
import { CoordinatorPage } from './coordinator-page.js';
import { DataTable } from '../common/data-table.js';
import { ExportButtons } from '../common/export-buttons.js';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  detail: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    wordBreak: 'break-word',
  },
});

/** The detail's field names and code values in words; ids, dates and counts as they are. */
function describeDetail(detail: Record<string, unknown>): string {
  const value = (v: unknown) =>
    typeof v === 'string' && /^[a-z]+(?:[-_.][a-z]+)+$|^[a-z]+[A-Z]\w*$/.test(v)
      ? codeWords(v).toLowerCase()
      : typeof v === 'object' && v !== null
        ? JSON.stringify(v)
        : String(v);
  return Object.entries(detail)
    .map(
      ([k, v]) =>
        `${codeWords(k).toLowerCase()}: ${Array.isArray(v) ? v.map(value).join(', ') : value(v)}`,
    )
    .join('; ');
}

export default function Audit() {
  const styles = useStyles();
  const me = useMe();
  const [recordType, setRecordType] = useState('');
  const [applied, setApplied] = useState('');
  const [pages, setPages] = useState<number[]>([]);
  const beforeId = pages[pages.length - 1];
  const q = new URLSearchParams({ limit: '50' });
  if (applied) q.set('recordType', applied);
  if (beforeId) q.set('beforeId', String(beforeId));
  const log = useApi<{ entries: AuditEntry[]; nextBeforeId: number | null }>(`/audit?${q}`);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setPages([]);
    setApplied(recordType.trim());
  };
  return (
    <CoordinatorPage
      title="Audit log"
      subtitle="Every view of the case list, every export, change and purge, newest first. The log cannot be changed."
    >
      <Section title="Filter">
        <form onSubmit={apply} className={styles.filters} aria-label="Filter the audit log">
          <Field label="Record type (e.g. meeting, action, area)">
            <Input value={recordType} onChange={(_e, d) => setRecordType(d.value)} />
          </Field>
          <Button type="submit">Apply</Button>
        </form>
      </Section>
      <Section
        title="Entries"
        actions={
          <ExportButtons path="/exports/audit" fileName="audit-log" what="the whole audit log" />
        }
      >
        <Loaded state={log} label="Loading the audit log…">
          {(d) =>
            d.entries.length === 0 ? (
              <EmptyState title="No entries">
                Nothing has been recorded{applied ? ' for that record type' : ''} yet.
              </EmptyState>
            ) : (
              <>
                <DataTable
                  label="Audit entries"
                  rows={d.entries}
                  rowKey={(e) => e.id}
                  columns={[
                    { header: 'When', cell: (e) => formatDateTime(e.at, me.area.timeZone) },
                    {
                      header: 'Who',
                      cell: (e) =>
                        e.actor.kind === 'person'
                          ? (e.actor.displayName ?? 'Former member')
                          : `The service (${codeWords(e.actor.kind).toLowerCase()})`,
                    },
                    { header: 'What', cell: (e) => codeWords(e.action) },
                    {
                      header: 'Record',
                      cell: (e) =>
                        `${codeWords(e.recordType)}${e.recordId ? ` ${e.recordId.slice(0, 8)}` : ''}`,
                    },
                    {
                      header: 'Detail',
                      cell: (e) => describeDetail(e.detail),
                      className: styles.detail,
                    },
                  ]}
                />
                <div className={styles.filters}>
                  {pages.length > 0 && (
                    <Button onClick={() => setPages((p) => p.slice(0, -1))}>Newer entries</Button>
                  )}
                  {d.nextBeforeId !== null && (
                    <Button onClick={() => setPages((p) => [...p, d.nextBeforeId as number])}>
                      Older entries
                    </Button>
                  )}
                </div>
              </>
            )
          }
        </Loaded>
      </Section>
    </CoordinatorPage>
  );
}

/** An audit code in words: "case-list.circulate" → "Case list circulate". */
export function codeWords(code: string): string {
  const words = code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

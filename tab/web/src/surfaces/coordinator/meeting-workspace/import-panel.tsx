/** Importing the case list, and the rows and columns a rejected file names. */
import { Body1, Button, Caption1, Label } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { api, ApiError, type ProblemDetail } from '../../../api/client.js';
import { ErrorBanner, Notice, Progress, Section } from '../../../shell/components.js';
import { useStyles } from './styles.js';
import { DataTable } from '../../common/data-table.js';

/** The rows and columns a rejected import names (never a cell's content). */
export function ProblemTable({ problems }: { problems: ProblemDetail[] }) {
  return (
    <DataTable
      label="Problems in the file"
      rows={problems}
      rowKey={(_p, i) => i}
      columns={[
        { header: 'Row', cell: (p) => (p.row === 0 ? 'File' : p.row === 1 ? 'Header' : p.row) },
        { header: 'Column', cell: (p) => p.field ?? p.path ?? '' },
        { header: 'What is wrong', cell: (p) => p.message },
      ]}
    />
  );
}

export function ImportSection(props: { meetingId: string; onImported: () => void }) {
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

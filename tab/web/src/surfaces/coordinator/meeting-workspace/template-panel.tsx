/**
 * The case-list template (FR-027): Excel (with a "How to fill this in" sheet) or CSV (headings
 * only, explained here), both built from the import's own column definitions.
 */
import { Body1, Button } from '@fluentui/react-components';
import { useState } from 'react';
import { apiBlob } from '../../../api/client.js';
import { useApi } from '../../../api/use-api.js';
import { Loaded, Section } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { DataTable } from '../../common/data-table.js';
import { FieldErrors } from '../../common/field-errors.js';
import { useStyles } from './styles.js';

interface TemplateColumn {
  key: string;
  header: string;
  required: boolean;
  explanation: string;
  example: string;
}

export function TemplateSection(props: { meetingId: string }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const help = useApi<{ columns: TemplateColumn[]; guidance: string[] }>(
    open ? `/meetings/${props.meetingId}/agenda/template?format=json` : null,
  );
  const { busy, error, run } = useSubmit();
  const download = (format: 'csv' | 'xlsx') =>
    void run(async () => {
      const blob = await apiBlob(`/meetings/${props.meetingId}/agenda/template?format=${format}`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `case-list-template.${format}`;
      a.click();
      URL.revokeObjectURL(url);
    });
  return (
    <Section title="Case-list template">
      <Body1>
        Fill the template in and import it below. The Excel file explains every column on its second
        sheet, &quot;How to fill this in&quot;. The CSV file holds the column headings only: what
        each column means is listed here.
      </Body1>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => download('xlsx')}>
          Download template (Excel)
        </Button>
        <Button disabled={busy} onClick={() => download('csv')}>
          Download template (CSV)
        </Button>
        <Button appearance="subtle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide the columns' : 'What goes in each column'}
        </Button>
      </div>
      <FieldErrors error={error} />
      {open && (
        <Loaded state={help} label="Loading the columns…">
          {(h) => (
            <>
              <ul>
                {h.guidance.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
              <DataTable
                label="Template columns"
                rows={h.columns}
                rowKey={(c) => c.key}
                columns={[
                  { header: 'Column', cell: (c) => c.header },
                  { header: 'Required', cell: (c) => (c.required ? 'Required' : 'Optional') },
                  { header: 'What to enter', cell: (c) => c.explanation },
                  { header: 'Example', cell: (c) => c.example },
                ]}
              />
            </>
          )}
        </Loaded>
      )}
    </Section>
  );
}

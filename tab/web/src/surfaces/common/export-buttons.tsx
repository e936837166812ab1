/**
 * "Download Excel" and "Download CSV" for an export of the tab API (/api/exports/...). The file
 * comes with the signed-in person's token, like every call, and is saved under a name that
 * carries no case details. The service records every download in the audit log.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { apiBlob } from '../../api/client.js';
import { ErrorBanner } from '../../shell/components.js';
import { useSubmit } from '../../shell/use-submit.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function ExportButtons(props: {
  /** The export's path under /api, without the format, e.g. `/exports/actions?meetingId=…`. */
  path: string;
  /** File name without extension, e.g. "action-register". */
  fileName: string;
  /** What is exported, for screen readers: "the action register". */
  what: string;
}) {
  const styles = useStyles();
  const { busy, error, run } = useSubmit();
  const download = (format: 'xlsx' | 'csv') =>
    run(async () => {
      const joiner = props.path.includes('?') ? '&' : '?';
      const blob = await apiBlob(`${props.path}${joiner}format=${format}`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${props.fileName}.${format}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  return (
    <div className="no-print">
      <div className={styles.row} role="group" aria-label={`Download ${props.what}`}>
        <Button size="small" disabled={busy} onClick={() => void download('xlsx')}>
          Download Excel
        </Button>
        <Button size="small" disabled={busy} onClick={() => void download('csv')}>
          Download CSV
        </Button>
      </div>
      {error !== null && <ErrorBanner error={error} />}
    </div>
  );
}

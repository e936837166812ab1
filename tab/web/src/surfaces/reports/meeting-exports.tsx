/**
 * Attendance evidence per meeting for the leads: each reconciled meeting of the period with its
 * Excel and CSV download (who attended, join and leave times per case, minutes present and
 * camera figures with their source), and one download for every meeting of the period. Not
 * shown to the steering group (aggregates only).
 */
import { Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { formatDateTime, Section } from '../../shell/components.js';
import { DataTable } from '../common/data-table.js';
import { ExportButtons } from '../common/export-buttons.js';
import { addMonths, type Period, startOf } from './period.js';

const useStyles = makeStyles({
  whole: { display: 'grid', gap: tokens.spacingVerticalXS },
});

/** "2031-06" → "June 2031". */
const monthInWords = (m: string) =>
  new Date(`${m}-15T12:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

export function MeetingAttendanceExports(props: {
  meetings: { id: string; startsAt: string }[];
  /** The months shown (YYYY-MM, both included): the whole-period download covers them. */
  period: Period;
}) {
  const styles = useStyles();
  const meetings = [...props.meetings].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const { from, to } = props.period;
  const months = from === to ? monthInWords(from) : `${monthInWords(from)} to ${monthInWords(to)}`;
  return (
    <Section title="Attendance per meeting">
      <Caption1>
        Each person’s join and leave times for every case, minutes present and camera figures with
        where they came from, for inspectors and SafeLives. Each download is recorded in the audit
        log.
      </Caption1>
      <div className={styles.whole}>
        <Body1Strong>Every meeting, {months}</Body1Strong>
        <ExportButtons
          path={`/exports/attendance?from=${encodeURIComponent(startOf(from))}&to=${encodeURIComponent(startOf(addMonths(to, 1)))}`}
          fileName={`attendance-${from}-to-${to}`}
          what={`attendance at every meeting, ${months}`}
        />
      </div>
      <DataTable
        label="Attendance per meeting"
        rows={meetings}
        rowKey={(m) => m.id}
        columns={[
          { header: 'Meeting', cell: (m) => formatDateTime(m.startsAt) },
          {
            header: 'Download',
            cell: (m) => (
              <ExportButtons
                path={`/exports/meetings/${m.id}/attendance`}
                fileName={`attendance-${m.startsAt.slice(0, 10)}`}
                what={`attendance at the meeting of ${formatDateTime(m.startsAt)}`}
              />
            ),
          },
        ]}
      />
    </Section>
  );
}

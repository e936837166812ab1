/**
 * Attendance evidence per meeting for the leads: each reconciled meeting of the period with its
 * Excel and CSV download (who attended, join and leave times per case, minutes present and
 * camera figures with their source). Not shown to the steering group (aggregates only).
 */
import { Caption1 } from '@fluentui/react-components';
import { formatDateTime, Section } from '../../shell/components.js';
import { DataTable } from '../common/data-table.js';
import { ExportButtons } from '../common/export-buttons.js';

export function MeetingAttendanceExports(props: { meetings: { id: string; startsAt: string }[] }) {
  const meetings = [...props.meetings].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <Section title="Attendance per meeting">
      <Caption1>
        Each person’s join and leave times for every case, minutes present and camera figures with
        where they came from, for inspectors and SafeLives. Each download is recorded in the audit
        log.
      </Caption1>
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

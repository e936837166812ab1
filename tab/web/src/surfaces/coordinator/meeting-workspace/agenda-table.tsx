/** The meeting's agenda: cases in order with their planned times and risk. */
import { Badge, Body1 } from '@fluentui/react-components';
import type { AgendaView } from '../../../api/types.js';
import { RISK_LABEL } from '../../../api/types.js';
import { EmptyState, formatTime, Notice } from '../../../shell/components.js';
import { DataTable } from '../../common/data-table.js';

export function AgendaTable(props: { agenda: AgendaView; timeZone: string }) {
  const { items, capacity } = props.agenda;
  if (items.length === 0)
    return (
      <EmptyState title="No cases on the agenda yet">
        Import the case list below (Excel or CSV, one row per case).
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
      <DataTable
        label="Agenda"
        rows={items}
        rowKey={(i) => i.id}
        columns={[
          { header: '#', cell: (i) => i.position },
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
          { header: 'Minutes', cell: (i) => i.plannedMinutes },
        ]}
      />
    </>
  );
}

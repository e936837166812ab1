/**
 * Chasers nobody received: the recipient's mail domain is not on the area's allowed list, or
 * there was nobody to escalate to. Listed for the coordinator to put right (never dropped
 * silently); fix the agency's contact or the allowed domains in Area set-up.
 */
import { Caption1 } from '@fluentui/react-components';
import { useApi } from '../../api/use-api.js';
import { formatDateTime, Loaded, Section } from '../../shell/components.js';
import { DataTable } from '../common/data-table.js';
import { BLOCK_REASONS, stepInWords } from './chase-dialog.js';

interface Blocked {
  at: string;
  actionId: string;
  reference: string;
  step: string;
  recipientEmail: string;
  reason: string;
}

export function BlockedChasers() {
  const blocked = useApi<{ blocked: Blocked[] }>('/chasing/blocked');
  return (
    <Loaded state={blocked} label="Loading chasers that could not be sent…">
      {(d) =>
        d.blocked.length === 0 ? null : (
          <Section title={`Chasers not sent (${d.blocked.length})`}>
            <Caption1>
              These chasers were not sent. Correct the agency’s escalation contact or the allowed
              mail domains in Area set-up, or chase the agency another way.
            </Caption1>
            <DataTable
              label="Chasers not sent"
              rows={d.blocked}
              rowKey={(b) => `${b.actionId}|${b.step}|${b.recipientEmail}|${b.at}`}
              columns={[
                { header: 'When', cell: (b) => formatDateTime(b.at) },
                { header: 'Action', cell: (b) => b.reference },
                { header: 'Chaser', cell: (b) => stepInWords(b.step) },
                { header: 'To', cell: (b) => b.recipientEmail || 'Nobody' },
                { header: 'Why', cell: (b) => BLOCK_REASONS[b.reason] ?? 'Not sent' },
              ]}
            />
          </Section>
        )
      }
    </Loaded>
  );
}

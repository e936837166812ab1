/**
 * For the chair and deputy chair: actions agencies volunteered in a meeting that ended before
 * anyone confirmed them. Confirm one and its owner is told and chased like any other action;
 * reject it and it is closed. Nothing is chased until then.
 */
import { Button } from '@fluentui/react-components';
import { api } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { formatDay, Loaded, Notice, Section } from '../../shell/components.js';
import { useSubmit } from '../../shell/use-submit.js';
import { DataTable } from '../common/data-table.js';
import { FieldErrors } from '../common/field-errors.js';
import { useStyles } from './styles.js';

interface Volunteered {
  id: string;
  reference: string;
  caseReference: string;
  ownerAgencyName: string;
  description: string;
  dueOn: string;
  version: number;
}

export function AwaitingConfirmation() {
  const styles = useStyles();
  const list = useApi<{ actions: Volunteered[] }>('/chasing/volunteered');
  const { busy, error, done, run } = useSubmit();
  const decide = (a: Volunteered, decision: 'confirm' | 'reject') =>
    run(async () => {
      await api(`/chasing/actions/${a.id}/decide`, {
        method: 'POST',
        body: { decision, version: a.version },
      });
      list.reload();
    });
  return (
    <Loaded state={list} label="Loading actions awaiting confirmation…">
      {(d) =>
        d.actions.length === 0 ? null : (
          <Section title={`Actions awaiting your confirmation (${d.actions.length})`}>
            {done && <Notice intent="success">Saved.</Notice>}
            <FieldErrors error={error} />
            <DataTable
              label="Actions awaiting your confirmation"
              rows={d.actions}
              rowKey={(a) => a.id}
              columns={[
                { header: 'Action', cell: (a) => `${a.reference} (${a.caseReference})` },
                { header: 'Agency', cell: (a) => a.ownerAgencyName },
                { header: 'What', cell: (a) => a.description },
                { header: 'Due', cell: (a) => formatDay(a.dueOn) },
                {
                  header: 'Decide',
                  cell: (a) => (
                    <div className={styles.buttons}>
                      <Button
                        size="small"
                        appearance="primary"
                        disabled={busy}
                        onClick={() => void decide(a, 'confirm')}
                      >
                        Confirm {a.reference}
                      </Button>
                      <Button size="small" disabled={busy} onClick={() => void decide(a, 'reject')}>
                        Reject {a.reference}
                      </Button>
                    </div>
                  ),
                },
              ]}
            />
          </Section>
        )
      }
    </Loaded>
  );
}

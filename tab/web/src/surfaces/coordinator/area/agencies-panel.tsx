/**
 * The member agencies: whether each may receive MARAC information (FR-107), its representative
 * and deputy; adding one with its signatory record, and changing, approving, nominating and
 * withdrawing (agency-editor.tsx).
 */
import { Badge, Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../../api/client.js';
import type { Person } from '../../../api/types.js';
import { EmptyState, ErrorBanner, formatDay, Notice } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { DataTable } from '../../common/data-table.js';
import {
  type AdminAgency,
  AgencyFields,
  agencyBody,
  EMPTY_AGENCY,
  SECTOR_LABELS,
} from './agency-fields.js';
import { AgencyEditor } from './agency-editor.js';
import { useStyles } from './styles.js';

const MEMBERSHIP: Record<string, string> = {
  applied: 'Applying',
  approved: 'Member',
  withdrawn: 'Withdrawn',
};

export function AgencyTable(props: {
  agencies: AdminAgency[];
  people: Person[];
  onSaved: () => void;
}) {
  const styles = useStyles();
  const [editing, setEditing] = useState<string | null>(null);
  const name = new Map(props.people.map((p) => [p.id, p.displayName]));
  const current = props.agencies.find((a) => a.id === editing);
  if (props.agencies.length === 0)
    return <EmptyState title="No agencies yet">Add the member agencies below.</EmptyState>;
  return (
    <>
      <div className={styles.scroll}>
        <DataTable
          label="Agencies"
          rows={props.agencies}
          rowKey={(a) => a.id}
          columns={[
            {
              header: 'Agency',
              cell: (a) => (
                <>
                  {a.name} {a.isCore && <Badge appearance="outline">Core</Badge>}
                  <br />
                  <Text size={200}>
                    {SECTOR_LABELS[a.sector] ?? a.sector} · {MEMBERSHIP[a.membershipStatus]}
                  </Text>
                </>
              ),
            },
            {
              header: 'Information sharing',
              cell: (a) =>
                a.canReceiveMaracInformation ? (
                  <>
                    <Badge appearance="tint" color="success">
                      Signed: may receive
                    </Badge>
                    {a.signatoryReviewDue && (
                      <>
                        <br />
                        <Badge appearance="tint" color="warning">
                          Review due {formatDay(a.signatoryReviewDueOn)}
                        </Badge>
                      </>
                    )}
                  </>
                ) : (
                  <>
                    <Badge appearance="tint" color="danger">
                      Receives nothing
                    </Badge>
                    <br />
                    <Text size={200}>Missing: {a.signatoryGaps.join(', ')}</Text>
                  </>
                ),
            },
            {
              header: 'Representative and deputy',
              cell: (a) => {
                const rep = a.nominations?.representativeId;
                const deputies = a.nominations?.deputyIds ?? [];
                if (!rep) return 'None nominated';
                return (
                  <>
                    {name.get(rep) ?? '—'}
                    {deputies.length > 0 && (
                      <>
                        <br />
                        <Text size={200}>
                          Deputy: {deputies.map((d) => name.get(d) ?? '—').join(', ')}
                        </Text>
                      </>
                    )}
                  </>
                );
              },
            },
            {
              header: <span className={styles.visuallyHidden}>Change</span>,
              cell: (a) => (
                <Button
                  size="small"
                  aria-label={`Change ${a.name}`}
                  onClick={() => setEditing(a.id)}
                >
                  Change
                </Button>
              ),
            },
          ]}
        />
      </div>
      {current && (
        <AgencyEditor
          key={current.id}
          agency={current}
          people={props.people.filter((p) => p.agencyId === current.id && p.isActive)}
          onClose={() => setEditing(null)}
          onSaved={props.onSaved}
        />
      )}
    </>
  );
}

export function AgencyForm({ onSaved }: { onSaved: () => void }) {
  const styles = useStyles();
  const [form, setForm] = useState(EMPTY_AGENCY);
  const { busy, error, done, run } = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      await api('/area/agencies', { method: 'POST', body: agencyBody(form) });
      setForm(EMPTY_AGENCY);
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} aria-label="Add an agency" className={styles.panel}>
      <AgencyFields values={form} onChange={setForm} error={error} />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={busy}>
          Add agency
        </Button>
      </div>
      {done && <Notice intent="success">Agency added.</Notice>}
      {error ? <ErrorBanner error={error} /> : null}
    </form>
  );
}

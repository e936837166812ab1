/** The member agencies with their information-sharing status (FR-107), and adding one. */
import { Badge, Button, Field, Input, Select, Switch } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../../api/client.js';
import type { Agency } from '../../../api/types.js';
import { EmptyState } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { DataTable } from '../../common/data-table.js';
import { FieldErrors } from '../../common/field-errors.js';
import { useStyles } from './styles.js';

const SECTORS = [
  'police',
  'idva',
  'housing',
  'childrens-services',
  'probation',
  'primary-health',
  'mental-health',
  'substance-misuse',
  'adult-safeguarding',
  'education',
  'youth-offending',
  'specialist',
  'voluntary',
  'other',
];

export function AgencyTable({ agencies }: { agencies: Agency[] }) {
  if (agencies.length === 0)
    return <EmptyState title="No agencies yet">Add the member agencies below.</EmptyState>;
  return (
    <DataTable
      label="Agencies"
      rows={agencies}
      rowKey={(a) => a.id}
      columns={[
        {
          header: 'Agency',
          cell: (a) => (
            <>
              {a.name} {a.isCore && <Badge appearance="outline">Core</Badge>}
            </>
          ),
        },
        { header: 'Sector', cell: (a) => a.sector },
        { header: 'Membership', cell: (a) => a.membershipStatus ?? '—' },
        {
          header: 'Information sharing',
          cell: (a) =>
            a.canReceiveMaracInformation ? (
              <Badge appearance="tint" color="success">
                Signed: may receive
              </Badge>
            ) : (
              <Badge appearance="tint" color="danger">
                No signatory: receives nothing
              </Badge>
            ),
        },
      ]}
    />
  );
}

export function AgencyForm({ onSaved }: { onSaved: () => void }) {
  const styles = useStyles();
  const [form, setForm] = useState({
    name: '',
    sector: 'other',
    isCore: false,
    membershipStatus: 'applied',
  });
  const { busy, error, run } = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      await api('/area/agencies', { method: 'POST', body: form });
      setForm({ name: '', sector: 'other', isCore: false, membershipStatus: 'applied' });
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} aria-label="Add an agency">
      <div className={styles.form}>
        <Field label="New agency name" required>
          <Input
            value={form.name}
            onChange={(_e, d) => setForm((f) => ({ ...f, name: d.value }))}
          />
        </Field>
        <Field label="Sector">
          <Select
            value={form.sector}
            onChange={(_e, d) => setForm((f) => ({ ...f, sector: d.value }))}
          >
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {s.replace(/-/g, ' ')}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Membership">
          <Select
            value={form.membershipStatus}
            onChange={(_e, d) => setForm((f) => ({ ...f, membershipStatus: d.value }))}
          >
            <option value="applied">Applied</option>
            <option value="approved">Approved</option>
            <option value="withdrawn">Withdrawn</option>
          </Select>
        </Field>
        <Switch
          label="Core agency"
          checked={form.isCore}
          onChange={(_e, d) => setForm((f) => ({ ...f, isCore: d.checked }))}
        />
      </div>
      <div className={styles.buttons}>
        <Button type="submit" disabled={busy}>
          Add agency
        </Button>
      </div>
      <FieldErrors error={error} />
    </form>
  );
}

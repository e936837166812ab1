/** The people of the area with their agency and roles, and adding one. */
import { Button, Checkbox, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../../api/client.js';
import type { Agency, Person } from '../../../api/types.js';
import { EmptyState } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { DataTable } from '../../common/data-table.js';
import { FieldErrors } from '../../common/field-errors.js';
import { useStyles } from './styles.js';

const ROLES = [
  'coordinator',
  'chair',
  'deputy-chair',
  'representative',
  'deputy',
  'idva',
  'observer',
  'steering',
  'referrer',
  'keyworker',
];

export function PeopleTable(props: { people: Person[]; agencies: Agency[] }) {
  const names = new Map(props.agencies.map((a) => [a.id, a.name]));
  if (props.people.length === 0)
    return <EmptyState title="No people yet">Add people below.</EmptyState>;
  return (
    <DataTable
      label="People"
      rows={props.people}
      rowKey={(p) => p.id}
      columns={[
        {
          header: 'Name',
          cell: (p) => (
            <>
              {p.displayName}
              <br />
              {p.email}
            </>
          ),
        },
        { header: 'Agency', cell: (p) => (p.agencyId ? (names.get(p.agencyId) ?? '—') : '—') },
        { header: 'Roles', cell: (p) => p.roles.join(', ') },
        { header: 'Active', cell: (p) => (p.isActive ? 'Yes' : 'No') },
      ]}
    />
  );
}

export function PersonForm(props: { agencies: Agency[]; onSaved: () => void }) {
  const styles = useStyles();
  const empty = { displayName: '', email: '', agencyId: '', roles: [] as string[] };
  const [form, setForm] = useState(empty);
  const { busy, error, run } = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      await api('/area/people', {
        method: 'POST',
        body: { ...form, agencyId: form.agencyId || null },
      });
      setForm(empty);
      props.onSaved();
    });
  };
  return (
    <form onSubmit={submit} aria-label="Add a person">
      <div className={styles.form}>
        <Field label="New person's name" required>
          <Input
            value={form.displayName}
            onChange={(_e, d) => setForm((f) => ({ ...f, displayName: d.value }))}
          />
        </Field>
        <Field label="Work e-mail" required>
          <Input
            type="email"
            value={form.email}
            onChange={(_e, d) => setForm((f) => ({ ...f, email: d.value }))}
          />
        </Field>
        <Field label="Agency">
          <Select
            value={form.agencyId}
            onChange={(_e, d) => setForm((f) => ({ ...f, agencyId: d.value }))}
          >
            <option value="">No agency</option>
            {props.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <fieldset className={styles.roles}>
        <legend>Roles</legend>
        {ROLES.map((r) => (
          <Checkbox
            key={r}
            label={r}
            checked={form.roles.includes(r)}
            onChange={(_e, d) =>
              setForm((f) => ({
                ...f,
                roles: d.checked ? [...f.roles, r] : f.roles.filter((x) => x !== r),
              }))
            }
          />
        ))}
      </fieldset>
      <div className={styles.buttons}>
        <Button type="submit" disabled={busy}>
          Add person
        </Button>
      </div>
      <FieldErrors error={error} />
    </form>
  );
}

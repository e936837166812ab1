/**
 * The people of the area: search and filter the table (sorted by surname by the service), edit
 * roles and agency, deactivate and reactivate. Adding someone is a directory search
 * (person-add.tsx), so every person carries the Entra identity sign-in matches on.
 */
import { Badge, Button, Checkbox, Field, Input, Select, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../../api/client.js';
import type { Agency, Person } from '../../../api/types.js';
import { EmptyState, ErrorBanner, Notice } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { DataTable } from '../../common/data-table.js';
import { fieldState, roleList, ROLE_LABELS, ROLES } from './labels.js';
import { useStyles } from './styles.js';

type Show = 'active' | 'inactive' | 'all';

export function PeopleTable(props: { people: Person[]; agencies: Agency[]; onSaved: () => void }) {
  const styles = useStyles();
  const names = new Map(props.agencies.map((a) => [a.id, a.name]));
  const [text, setText] = useState('');
  const [show, setShow] = useState<Show>('active');
  const [role, setRole] = useState('');
  const [agency, setAgency] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const rows = useMemo(() => {
    const q = text.trim().toLowerCase();
    return props.people.filter(
      (p) =>
        (show === 'all' || p.isActive === (show === 'active')) &&
        (!role || p.roles.includes(role)) &&
        (!agency || (agency === 'none' ? !p.agencyId : p.agencyId === agency)) &&
        (!q || p.displayName.toLowerCase().includes(q) || p.email.toLowerCase().includes(q)),
    );
  }, [props.people, text, show, role, agency]);
  const editingPerson = props.people.find((p) => p.id === editing);
  return (
    <>
      <div className={styles.form} role="search" aria-label="Find people">
        <Field label="Search people">
          <Input
            type="search"
            value={text}
            placeholder="Name or e-mail"
            onChange={(_e, d) => setText(d.value)}
          />
        </Field>
        <Field label="Show">
          <Select value={show} onChange={(_e, d) => setShow(d.value as Show)}>
            <option value="active">Active people</option>
            <option value="inactive">Deactivated people</option>
            <option value="all">Everyone</option>
          </Select>
        </Field>
        <Field label="Role">
          <Select value={role} onChange={(_e, d) => setRole(d.value)}>
            <option value="">Any role</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Agency">
          <Select value={agency} onChange={(_e, d) => setAgency(d.value)}>
            <option value="">Any agency</option>
            <option value="none">No agency</option>
            {props.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Text role="status" size={200}>
        Showing {rows.length} of {props.people.length} people, by surname.
      </Text>
      {rows.length === 0 ? (
        <EmptyState title="Nobody matches">Change the search or the filters.</EmptyState>
      ) : (
        <div className={styles.scroll}>
          <DataTable
            label="People"
            rows={rows}
            rowKey={(p) => p.id}
            columns={[
              {
                header: 'Name',
                cell: (p) => (
                  <>
                    {p.displayName}
                    <br />
                    <Text size={200}>{p.email}</Text>
                  </>
                ),
              },
              {
                header: 'Agency',
                cell: (p) => (p.agencyId ? (names.get(p.agencyId) ?? '—') : '—'),
              },
              { header: 'Roles', cell: (p) => roleList(p.roles) },
              {
                header: 'Active',
                cell: (p) =>
                  p.isActive ? (
                    <Badge appearance="tint" color="success">
                      Active
                    </Badge>
                  ) : (
                    <Badge appearance="tint" color="subtle">
                      Deactivated
                    </Badge>
                  ),
              },
              {
                header: <span className={styles.visuallyHidden}>Change</span>,
                cell: (p) => (
                  <Button
                    size="small"
                    aria-label={`Change ${p.displayName}`}
                    onClick={() => setEditing(p.id)}
                  >
                    Change
                  </Button>
                ),
              },
            ]}
          />
        </div>
      )}
      {editingPerson && (
        <PersonEditor
          key={editingPerson.id}
          person={editingPerson}
          agencies={props.agencies}
          onClose={() => setEditing(null)}
          onSaved={props.onSaved}
        />
      )}
    </>
  );
}

function PersonEditor(props: {
  person: Person;
  agencies: Agency[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const [form, setForm] = useState({
    agencyId: props.person.agencyId ?? '',
    jobTitle: props.person.jobTitle ?? '',
    roles: props.person.roles,
  });
  const save = useSubmit();
  const toggle = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save.run(async () => {
      await api(`/area/people/${props.person.id}`, {
        method: 'PATCH',
        body: {
          agencyId: form.agencyId || null,
          jobTitle: form.jobTitle || null,
          roles: form.roles,
        },
      });
      props.onSaved();
    });
  };
  const setActive = (isActive: boolean) =>
    toggle.run(async () => {
      await api(`/area/people/${props.person.id}`, { method: 'PATCH', body: { isActive } });
      props.onSaved();
    });
  return (
    <form
      onSubmit={submit}
      aria-label={`Change ${props.person.displayName}`}
      className={styles.panel}
    >
      <Text block weight="semibold">
        {props.person.displayName} ({props.person.email})
      </Text>
      <div className={styles.form}>
        <Field label="Agency" {...fieldState(save.error, 'agencyId')}>
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
        <Field label="Job title" {...fieldState(save.error, 'jobTitle')}>
          <Input
            value={form.jobTitle}
            onChange={(_e, d) => setForm((f) => ({ ...f, jobTitle: d.value }))}
          />
        </Field>
      </div>
      <RoleChoice
        roles={form.roles}
        onChange={(roles) => setForm((f) => ({ ...f, roles }))}
        error={save.error}
      />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={save.busy}>
          Save changes
        </Button>
        {props.person.isActive ? (
          <Button disabled={toggle.busy} onClick={() => void setActive(false)}>
            Deactivate
          </Button>
        ) : (
          <Button disabled={toggle.busy} onClick={() => void setActive(true)}>
            Reactivate
          </Button>
        )}
        <Button appearance="subtle" onClick={props.onClose}>
          Close
        </Button>
      </div>
      <Text block size={200}>
        Deactivating ends their access at once; their history stays. You can reactivate them later.
      </Text>
      {save.done && <Notice intent="success">Changes saved.</Notice>}
      {toggle.done && <Notice intent="success">Done.</Notice>}
      {save.error ? <ErrorBanner error={save.error} /> : null}
      {toggle.error ? <ErrorBanner error={toggle.error} /> : null}
    </form>
  );
}

export function RoleChoice(props: {
  roles: string[];
  onChange: (roles: string[]) => void;
  error: unknown;
}) {
  const styles = useStyles();
  const { validationMessage } = fieldState(props.error, 'roles');
  return (
    <fieldset className={styles.roles}>
      <legend>Roles</legend>
      {ROLES.map((r) => (
        <Checkbox
          key={r}
          label={ROLE_LABELS[r]}
          checked={props.roles.includes(r)}
          onChange={(_e, d) =>
            props.onChange(d.checked ? [...props.roles, r] : props.roles.filter((x) => x !== r))
          }
        />
      ))}
      {validationMessage && <Text className={styles.error}>{validationMessage}</Text>}
    </fieldset>
  );
}

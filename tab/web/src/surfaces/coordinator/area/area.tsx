/**
 * Area set-up (issue 4 API): the area and its policy, agencies with their information-sharing
 * status (FR-107), and people with their roles (§1.2). Changes are audited by the service.
 */
import {
  Badge,
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../../api/client.js';
import type { Agency, Person } from '../../../api/types.js';
import { useApi } from '../../../api/use-api.js';
import { EmptyState, Loaded, Notice, Progress, Section } from '../../../shell/components.js';
import { FieldErrors } from '../schedule.js';
import { CoordinatorPage } from '../workspace.js';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  roles: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  statement: { whiteSpace: 'pre-wrap' },
  buttons: { marginTop: tokens.spacingVerticalM },
});

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

interface AreaResponse {
  area: {
    id: string;
    name: string;
    nation: string;
    timeZone: string;
    confidentialityStatement: string;
  };
  policy: Record<string, unknown>;
}

export default function Area() {
  const area = useApi<AreaResponse>('/area');
  const agencies = useApi<{ agencies: Agency[] }>('/area/agencies');
  const people = useApi<{ people: Person[] }>('/area/people');
  return (
    <CoordinatorPage title="Area set-up">
      <Loaded state={area} label="Loading the area…">
        {(a) => <AreaPolicy data={a} onSaved={area.reload} />}
      </Loaded>
      <Section title="Agencies">
        <Loaded state={agencies} label="Loading agencies…">
          {(d) => <AgencyTable agencies={d.agencies} />}
        </Loaded>
        <AgencyForm onSaved={agencies.reload} />
      </Section>
      <Section title="People">
        <Loaded state={people} label="Loading people…">
          {(d) => <PeopleTable people={d.people} agencies={agencies.data?.agencies ?? []} />}
        </Loaded>
        <PersonForm agencies={agencies.data?.agencies ?? []} onSaved={people.reload} />
      </Section>
    </CoordinatorPage>
  );
}

/** The policy values a coordinator changes most; the rest keep their validated defaults. */
const POLICY_FIELDS: { key: string; label: string; kind: 'number' | string[] }[] = [
  {
    key: 'caseListLeadWorkingDays',
    label: 'Case list circulated (working days before)',
    kind: 'number',
  },
  { key: 'minutesPerCase', label: 'Minutes per case', kind: 'number' },
  { key: 'agendaOpeningMinutes', label: 'Opening minutes before the first case', kind: 'number' },
  { key: 'noticePeriodWorkingDays', label: 'Notice period (working days)', kind: 'number' },
  { key: 'maxReordersPerAgencyPerDay', label: 'Case moves per agency per day', kind: 'number' },
  {
    key: 'actionDueRule',
    label: 'Default action due date',
    kind: ['plus-14-days', 'end-of-marac-week', 'same-day'],
  },
  { key: 'completionEvidence', label: 'Completion detail', kind: ['optional', 'required'] },
  { key: 'attendancePolicy', label: 'Attendance', kind: ['all-cases', 'leave-after-own-case'] },
];

function AreaPolicy(props: { data: AreaResponse; onSaved: () => void }) {
  const styles = useStyles();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(POLICY_FIELDS.map((f) => [f.key, String(props.data.policy[f.key] ?? '')])),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    const changes: Record<string, unknown> = {};
    for (const f of POLICY_FIELDS) {
      const v = values[f.key] ?? '';
      const typed = f.kind === 'number' ? Number(v) : v;
      if (typed !== props.data.policy[f.key]) changes[f.key] = typed;
    }
    try {
      await api('/area/policy', { method: 'PATCH', body: changes });
      setSaved(true);
      props.onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={props.data.area.name}>
      <Body1>
        Time zone {props.data.area.timeZone}, {props.data.area.nation.replace(/-/g, ' ')}.
      </Body1>
      <Section level={3} title="Confidentiality statement">
        <Body1 className={styles.statement}>{props.data.area.confidentialityStatement}</Body1>
      </Section>
      <form onSubmit={save} aria-label="Area policy">
        <div className={styles.form}>
          {POLICY_FIELDS.map((f) => (
            <Field key={f.key} label={f.label}>
              {f.kind === 'number' ? (
                <Input
                  type="number"
                  value={values[f.key] ?? ''}
                  onChange={(_e, d) => setValues((v) => ({ ...v, [f.key]: d.value }))}
                />
              ) : (
                <Select
                  value={values[f.key] ?? ''}
                  onChange={(_e, d) => setValues((v) => ({ ...v, [f.key]: d.value }))}
                >
                  {f.kind.map((o) => (
                    <option key={o} value={o}>
                      {o.replace(/-/g, ' ')}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ))}
        </div>
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabled={busy}>
            Save policy
          </Button>
        </div>
      </form>
      {busy && <Progress label="Saving…" />}
      {saved && <Notice intent="success">Policy saved.</Notice>}
      <FieldErrors error={error} />
    </Section>
  );
}

function AgencyTable({ agencies }: { agencies: Agency[] }) {
  if (agencies.length === 0)
    return <EmptyState title="No agencies yet">Add the member agencies below.</EmptyState>;
  return (
    <Table aria-label="Agencies" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Agency</TableHeaderCell>
          <TableHeaderCell>Sector</TableHeaderCell>
          <TableHeaderCell>Membership</TableHeaderCell>
          <TableHeaderCell>Information sharing</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {agencies.map((a) => (
          <TableRow key={a.id}>
            <TableCell>
              {a.name} {a.isCore && <Badge appearance="outline">Core</Badge>}
            </TableCell>
            <TableCell>{a.sector}</TableCell>
            <TableCell>{a.membershipStatus ?? '—'}</TableCell>
            <TableCell>
              {a.canReceiveMaracInformation ? (
                <Badge appearance="tint" color="success">
                  Signed: may receive
                </Badge>
              ) : (
                <Badge appearance="tint" color="danger">
                  No signatory: receives nothing
                </Badge>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function AgencyForm({ onSaved }: { onSaved: () => void }) {
  const styles = useStyles();
  const [form, setForm] = useState({
    name: '',
    sector: 'other',
    isCore: false,
    membershipStatus: 'applied',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('/area/agencies', { method: 'POST', body: form });
      setForm({ name: '', sector: 'other', isCore: false, membershipStatus: 'applied' });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
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

function PeopleTable(props: { people: Person[]; agencies: Agency[] }) {
  const names = new Map(props.agencies.map((a) => [a.id, a.name]));
  if (props.people.length === 0)
    return <EmptyState title="No people yet">Add people below.</EmptyState>;
  return (
    <Table aria-label="People" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Agency</TableHeaderCell>
          <TableHeaderCell>Roles</TableHeaderCell>
          <TableHeaderCell>Active</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.people.map((p) => (
          <TableRow key={p.id}>
            <TableCell>
              {p.displayName}
              <br />
              {p.email}
            </TableCell>
            <TableCell>{p.agencyId ? (names.get(p.agencyId) ?? '—') : '—'}</TableCell>
            <TableCell>{p.roles.join(', ')}</TableCell>
            <TableCell>{p.isActive ? 'Yes' : 'No'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function PersonForm(props: { agencies: Agency[]; onSaved: () => void }) {
  const styles = useStyles();
  const empty = { displayName: '', email: '', agencyId: '', roles: [] as string[] };
  const [form, setForm] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('/area/people', {
        method: 'POST',
        body: { ...form, agencyId: form.agencyId || null },
      });
      setForm(empty);
      props.onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
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

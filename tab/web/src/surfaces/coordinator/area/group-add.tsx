/**
 * Adding the people of a directory group in one go: find the group, see every member (nested
 * groups included) marked new or already added, choose their agency and roles, confirm. The
 * add is all or nothing; members already added are skipped and the result says so per person.
 */
import { Badge, Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../../api/client.js';
import type { Agency } from '../../../api/types.js';
import { EmptyState, ErrorBanner, Notice, Progress } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { DataTable } from '../../common/data-table.js';
import { fieldState } from './labels.js';
import { RoleChoice } from './people-panel.js';
import { useStyles } from './styles.js';

interface Group {
  id: string;
  displayName: string;
  mail: string | null;
}

interface Member {
  objectId: string;
  displayName: string;
  email: string;
  guest: boolean;
  status: 'new' | 'already-added' | 'email-taken';
}

interface AddResult {
  added: number;
  rows: (Omit<Member, 'status'> & { outcome: 'added' | 'already-added' | 'email-taken' })[];
}

const STATUS: Record<string, string> = {
  new: 'Will be added',
  added: 'Added',
  'already-added': 'Already added: skipped',
  'email-taken': 'Someone here has this address: skipped',
};

export function GroupAdd(props: { agencies: Agency[]; onSaved: () => void }) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [chosen, setChosen] = useState<Group | null>(null);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [result, setResult] = useState<AddResult | null>(null);
  const search = useSubmit();
  const preview = useSubmit();
  const find = async (event: FormEvent) => {
    event.preventDefault();
    setChosen(null);
    setMembers(null);
    const found = await search.run(() =>
      api<{ groups: Group[] }>(`/area/directory/groups?q=${encodeURIComponent(query)}`),
    );
    setGroups(found?.groups ?? null);
  };
  const choose = async (group: Group) => {
    setChosen(group);
    setResult(null);
    const found = await preview.run(() =>
      api<{ members: Member[] }>(`/area/directory/groups/${group.id}/members`),
    );
    setMembers(found?.members ?? null);
  };
  return (
    <div className={styles.panel}>
      <form onSubmit={find} aria-label="Find a directory group" role="search">
        <div className={styles.form}>
          <Field
            label="Find a group in your organisation’s directory"
            hint="The start of the group’s name, for example an agency’s MARAC staff group."
            {...fieldState(search.error, 'q')}
          >
            <Input type="search" value={query} onChange={(_e, d) => setQuery(d.value)} />
          </Field>
        </div>
        <div className={styles.buttons}>
          <Button type="submit" disabled={search.busy}>
            Search for groups
          </Button>
        </div>
      </form>
      {(search.busy || preview.busy) && <Progress label="Reading the directory…" />}
      {search.error && !fieldState(search.error, 'q').validationMessage ? (
        <ErrorBanner error={search.error} />
      ) : null}
      {preview.error ? <ErrorBanner error={preview.error} /> : null}
      {groups && groups.length === 0 && (
        <EmptyState title="No group found">Check the spelling of the group’s name.</EmptyState>
      )}
      {groups && groups.length > 0 && !chosen && (
        <ul aria-label="Groups found" className={styles.results}>
          {groups.map((g) => (
            <li key={g.id} className={styles.result}>
              <span>
                {g.displayName}
                {g.mail && (
                  <>
                    <br />
                    <Text size={200}>{g.mail}</Text>
                  </>
                )}
              </span>
              <Button
                size="small"
                aria-label={`Choose ${g.displayName}`}
                onClick={() => void choose(g)}
              >
                Choose
              </Button>
            </li>
          ))}
        </ul>
      )}
      {chosen && members && !result && (
        <ConfirmGroup
          group={chosen}
          members={members}
          agencies={props.agencies}
          onCancel={() => {
            setChosen(null);
            setMembers(null);
          }}
          onDone={(r) => {
            setResult(r);
            props.onSaved();
          }}
        />
      )}
      {chosen && result && (
        <div role="region" aria-label={`People added from ${chosen.displayName}`}>
          <Notice intent="success">
            {result.added === 1 ? 'One person added' : `${result.added} people added`} from{' '}
            {chosen.displayName}
            {result.rows.length > result.added &&
              `; ${result.rows.length - result.added} skipped (see below)`}
            .
          </Notice>
          <MemberTable
            label={`Result for ${chosen.displayName}`}
            rows={result.rows.map((r) => ({ ...r, status: r.outcome }))}
          />
        </div>
      )}
    </div>
  );
}

function ConfirmGroup(props: {
  group: Group;
  members: Member[];
  agencies: Agency[];
  onCancel: () => void;
  onDone: (result: AddResult) => void;
}) {
  const styles = useStyles();
  const [agencyId, setAgencyId] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const add = useSubmit();
  const fresh = props.members.filter((m) => m.status === 'new').length;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await add.run(() =>
      api<AddResult>('/area/people/from-group', {
        method: 'POST',
        body: { groupId: props.group.id, agencyId: agencyId || null, roles },
      }),
    );
    if (result) props.onDone(result);
  };
  return (
    <form onSubmit={submit} aria-label={`Add the people of ${props.group.displayName}`}>
      <Text block weight="semibold">
        {props.group.displayName}: {props.members.length} people, {fresh} to add
      </Text>
      <MemberTable label={`Members of ${props.group.displayName}`} rows={props.members} />
      <div className={styles.form}>
        <Field label="Their agency" {...fieldState(add.error, 'agencyId')}>
          <Select value={agencyId} onChange={(_e, d) => setAgencyId(d.value)}>
            <option value="">No agency</option>
            {props.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <RoleChoice roles={roles} onChange={setRoles} error={add.error} />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={add.busy || fresh === 0}>
          {fresh === 1 ? 'Add 1 person' : `Add ${fresh} people`}
        </Button>
        <Button appearance="subtle" onClick={props.onCancel}>
          Choose another group
        </Button>
      </div>
      {fieldState(add.error, 'groupId').validationMessage && (
        <Text className={styles.error}>{fieldState(add.error, 'groupId').validationMessage}</Text>
      )}
      {add.error &&
      !fieldState(add.error, 'groupId').validationMessage &&
      !fieldState(add.error, 'agencyId').validationMessage &&
      !fieldState(add.error, 'roles').validationMessage ? (
        <ErrorBanner error={add.error} />
      ) : null}
    </form>
  );
}

function MemberTable(props: {
  label: string;
  rows: (Omit<Member, 'status'> & { status: string })[];
}) {
  const styles = useStyles();
  return (
    <DataTable
      label={props.label}
      rows={props.rows}
      rowKey={(m) => m.objectId}
      columns={[
        {
          header: 'Name',
          cell: (m) => (
            <>
              {m.displayName} {m.guest && <Badge appearance="outline">Guest</Badge>}
              <br />
              <Text size={200} className={styles.wrapAnywhere}>
                {m.email}
              </Text>
            </>
          ),
        },
        { header: 'What happens', cell: (m) => STATUS[m.status] ?? m.status },
      ]}
    />
  );
}

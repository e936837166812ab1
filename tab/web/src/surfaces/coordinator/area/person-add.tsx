/**
 * Adding a person: search the organisation's directory (members and guests), pick someone,
 * give their agency and roles. Their name, address and Entra identity come from the directory,
 * so they can sign in straight away.
 */
import { Badge, Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../../api/client.js';
import type { Agency } from '../../../api/types.js';
import { EmptyState, ErrorBanner, Notice, Progress } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { type DirectoryUser, useDirectorySearch } from '../../common/use-directory-search.js';
import { fieldState } from './labels.js';
import { RoleChoice } from './people-panel.js';
import { useStyles } from './styles.js';

export function PersonAdd(props: {
  agencies: Agency[];
  onSaved: () => void;
  initialQuery?: string;
}) {
  const styles = useStyles();
  const directory = useDirectorySearch(props.initialQuery ?? '');
  const { search, query, setQuery, results } = directory;
  const [chosen, setChosen] = useState<DirectoryUser | null>(null);
  const find = async (event: FormEvent) => {
    event.preventDefault();
    setChosen(null);
    await directory.find();
  };
  return (
    <div className={styles.panel}>
      <form onSubmit={find} aria-label="Find someone in the directory" role="search">
        <div className={styles.form}>
          <Field
            label="Find someone in your organisation’s directory"
            hint="The start of their first name, surname or e-mail address. Guests from other organisations are included."
            {...fieldState(search.error, 'q')}
          >
            <Input type="search" value={query} onChange={(_e, d) => setQuery(d.value)} />
          </Field>
        </div>
        <div className={styles.buttons}>
          <Button type="submit" disabled={search.busy}>
            Search the directory
          </Button>
        </div>
      </form>
      {search.busy && <Progress label="Searching…" />}
      {search.error && !fieldState(search.error, 'q').validationMessage ? (
        <ErrorBanner error={search.error} />
      ) : null}
      {results && results.length === 0 && (
        <EmptyState title="Nobody found">
          Check the spelling. Someone from another organisation must first be invited to your tenant
          as a guest by your IT team.
        </EmptyState>
      )}
      {results && results.length > 0 && (
        <ul aria-label="Directory results" className={styles.results}>
          {results.map((u) => (
            <li key={u.objectId} className={styles.result}>
              <span>
                {u.displayName ?? u.mail}{' '}
                {u.userType === 'Guest' && <Badge appearance="outline">Guest</Badge>}
                <br />
                <Text size={200}>{u.mail ?? u.userPrincipalName}</Text>
              </span>
              {u.alreadyAdded ? (
                <Text size={200}>Already added</Text>
              ) : (
                <Button
                  size="small"
                  aria-label={`Choose ${u.displayName ?? u.mail}`}
                  onClick={() => setChosen(u)}
                >
                  Choose
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <AddChosen
          key={chosen.objectId}
          user={chosen}
          agencies={props.agencies}
          onSaved={() => {
            setChosen(null);
            directory.clear();
            props.onSaved();
          }}
        />
      )}
    </div>
  );
}

function AddChosen(props: { user: DirectoryUser; agencies: Agency[]; onSaved: () => void }) {
  const styles = useStyles();
  const [agencyId, setAgencyId] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const add = useSubmit();
  const name = props.user.displayName ?? props.user.mail ?? props.user.userPrincipalName;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await add.run(async () => {
      await api('/area/people', {
        method: 'POST',
        body: { entraObjectId: props.user.objectId, agencyId: agencyId || null, roles },
      });
      props.onSaved();
    });
  };
  return (
    <form onSubmit={submit} aria-label={`Add ${name}`}>
      <Text block weight="semibold">
        Add {name}
      </Text>
      <div className={styles.form}>
        <Field label="Agency" {...fieldState(add.error, 'agencyId')}>
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
        <Button type="submit" appearance="primary" disabled={add.busy}>
          Add {name}
        </Button>
      </div>
      {fieldState(add.error, 'entraObjectId').validationMessage && (
        <Text className={styles.error}>
          {fieldState(add.error, 'entraObjectId').validationMessage}
        </Text>
      )}
      {add.error && !fieldState(add.error, 'entraObjectId').validationMessage ? (
        <ErrorBanner error={add.error} />
      ) : null}
      {add.done && <Notice intent="success">Added.</Notice>}
    </form>
  );
}

/**
 * Before the meeting, in the coordinator workspace: people invited for one case (referrer,
 * keyworker, specialist; FR-006, A-09), each agency's apologies and the deputy it named for this
 * meeting (FR-064), and agencies' requests to move a case, accepted or declined with a reason
 * (FR-034).
 */
import { Badge, Body1, Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import type { AgendaItem, Person } from '../../../api/types.js';
import { useApi } from '../../../api/use-api.js';
import {
  EmptyState,
  formatDateTime,
  Loaded,
  Notice,
  Progress,
  Section,
} from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import {
  DECISION_LABEL,
  fieldMessage,
  GeneralError,
  type MoveRequest,
} from '../../common/case-people.js';
import { DataTable } from '../../common/data-table.js';
import { type DirectoryUser, useDirectorySearch } from '../../common/use-directory-search.js';
import { useStyles } from './styles.js';

interface CasePerson {
  id: string;
  agendaItemId: string;
  caseNumber: string;
  position: number;
  personId: string;
  displayName: string;
  agencyName: string | null;
  kind: 'referrer' | 'keyworker' | 'specialist';
  declaredAt: string | null;
}

interface Apology {
  agencyId: string;
  agencyName: string;
  sentByName: string | null;
  deputyName: string | null;
  writtenSubmission: boolean;
  sentAt: string | null;
}

export const KIND_LABEL: Record<CasePerson['kind'], string> = {
  referrer: 'Referrer',
  keyworker: 'Keyworker',
  specialist: 'Specialist',
};

export function CasePeopleSection(props: {
  meetingId: string;
  items: readonly AgendaItem[];
  editable: boolean;
}) {
  const styles = useStyles();
  const list = useApi<{ people: CasePerson[] }>(`/meetings/${props.meetingId}/case-people`);
  const people = useApi<{ people: Person[] }>(props.editable ? '/area/people' : null);
  const { busy, error, done, run } = useSubmit();
  const open = props.items.filter((i) => !i.isClosedSession);
  const [form, setForm] = useState({ agendaItemId: '', personId: '', kind: 'keyworker' });
  const [status, setStatus] = useState<string | null>(null);
  // Someone not yet a person of the area: found in the directory (members and guests).
  const agencies = useApi<{ agencies: { id: string; name: string }[] }>(
    props.editable ? '/area/agencies' : null,
  );
  const directory = useDirectorySearch();
  const { search, query, setQuery, results, find } = directory;
  const [chosen, setChosen] = useState<DirectoryUser | null>(null);
  const [agencyId, setAgencyId] = useState('');
  const candidates = (people.data?.people ?? []).filter(
    (p) => p.isActive !== false && !p.roles.includes('steering'),
  );
  const invite = async () => {
    setStatus(null);
    const result = await run(() =>
      api<{ teams: { status: string; statusReason: string | null } }>(
        `/meetings/${props.meetingId}/agenda/${form.agendaItemId}/case-people`,
        {
          method: 'POST',
          body: chosen
            ? { entraObjectId: chosen.objectId, agencyId: agencyId || null, kind: form.kind }
            : { personId: form.personId, kind: form.kind },
        },
      ),
    );
    if (result) {
      setChosen(null);
      directory.clear();
      setStatus(
        result.teams.status === 'scheduled'
          ? 'Invited: the Teams meeting now includes them, and they have a mail with the link.'
          : `Invited, but the Teams meeting was not updated: ${result.teams.statusReason ?? 'try again from "Change the meeting"'}.`,
      );
      list.reload();
    }
  };
  return (
    <Section title="People for one case">
      <Body1>
        A referrer, keyworker or specialist joins the meeting for one case and sees that case alone,
        after accepting the confidentiality declaration for it.
      </Body1>
      {props.editable && (
        <form
          aria-label="Invite someone for one case"
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            void invite();
          }}
        >
          <div className={styles.grid}>
            <Field
              label="Case"
              required
              validationMessage={form.agendaItemId === '' && error ? 'Choose the case.' : undefined}
            >
              <Select
                value={form.agendaItemId}
                onChange={(_e, d) => setForm({ ...form, agendaItemId: d.value })}
              >
                <option value="">Choose a case</option>
                {open.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.position}. {i.caseNumber}
                  </option>
                ))}
              </Select>
            </Field>
            {chosen ? (
              <>
                <Field label="Person" validationMessage={fieldMessage(error, 'entraObjectId')}>
                  <Text>
                    {chosen.displayName ?? chosen.mail}
                    {chosen.userType === 'Guest' ? ' (guest)' : ''}, from the directory{' '}
                    <Button size="small" onClick={() => setChosen(null)}>
                      Choose someone else
                    </Button>
                  </Text>
                </Field>
                <Field label="Their agency" validationMessage={fieldMessage(error, 'agencyId')}>
                  <Select value={agencyId} onChange={(_e, d) => setAgencyId(d.value)}>
                    <option value="">No agency</option>
                    {(agencies.data?.agencies ?? []).map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </Select>
                </Field>
              </>
            ) : (
              <Field label="Person" required validationMessage={fieldMessage(error, 'personId')}>
                <Select
                  value={form.personId}
                  onChange={(_e, d) => setForm({ ...form, personId: d.value })}
                >
                  <option value="">Choose a person</option>
                  {candidates.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.displayName} ({p.email})
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Field label="Attends as" required validationMessage={fieldMessage(error, 'kind')}>
              <Select value={form.kind} onChange={(_e, d) => setForm({ ...form, kind: d.value })}>
                <option value="keyworker">Keyworker</option>
                <option value="referrer">Referrer</option>
                <option value="specialist">Specialist</option>
              </Select>
            </Field>
            <Button type="submit" appearance="primary" disabled={busy || !form.agendaItemId}>
              Invite for this case
            </Button>
          </div>
        </form>
      )}
      {props.editable && !chosen && (
        <div role="search" aria-label="Find someone in the directory for one case">
          <Body1>
            Someone not listed? Find them in your organisation’s directory (guests from other
            organisations included) by the start of their name or e-mail address.
          </Body1>
          <div className={styles.row}>
            <Field label="Name or e-mail" validationMessage={fieldMessage(search.error, 'q')}>
              <Input type="search" value={query} onChange={(_e, d) => setQuery(d.value)} />
            </Field>
            <Button disabled={search.busy} onClick={() => void find()}>
              Search the directory
            </Button>
          </div>
          <GeneralError error={search.error} />
          {results && results.length === 0 && (
            <EmptyState title="Nobody found">
              Someone from another organisation must first be invited to your tenant as a guest by
              your IT team.
            </EmptyState>
          )}
          {results && results.length > 0 && (
            <ul aria-label="Directory results for one case">
              {results.map((u) => (
                <li key={u.objectId}>
                  {u.displayName ?? u.mail} {u.userType === 'Guest' && '(guest)'} {u.mail ?? ''}{' '}
                  <Button
                    size="small"
                    aria-label={`Choose ${u.displayName ?? u.mail ?? 'this person'}`}
                    onClick={() => setChosen(u)}
                  >
                    Choose
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {busy && <Progress label="Inviting and updating the Teams meeting…" />}
      <GeneralError error={error} />
      {done && status && <Notice intent="success">{status}</Notice>}
      <Loaded state={list} label="Loading the people invited for one case…">
        {(d) =>
          d.people.length === 0 ? (
            <EmptyState title="Nobody is invited for a single case yet" />
          ) : (
            <div
              className={styles.scroll}
              role="group"
              aria-label="People invited for one case, scrolls sideways"
              tabIndex={0}
            >
              <DataTable
                label="People invited for one case"
                rows={d.people}
                rowKey={(p) => p.id}
                columns={[
                  { header: 'Case', cell: (p) => `${p.position}. ${p.caseNumber}` },
                  { header: 'Person', cell: (p) => p.displayName },
                  { header: 'Agency', cell: (p) => p.agencyName ?? 'No agency' },
                  { header: 'Attends as', cell: (p) => KIND_LABEL[p.kind] },
                  {
                    header: 'Declaration',
                    cell: (p) =>
                      p.declaredAt ? (
                        <Badge appearance="tint" color="success">
                          Accepted
                        </Badge>
                      ) : (
                        <Badge appearance="outline">Not yet</Badge>
                      ),
                  },
                ]}
              />
            </div>
          )
        }
      </Loaded>
    </Section>
  );
}

export function ApologiesSection(props: { meetingId: string; timeZone: string }) {
  const styles = useStyles();
  const list = useApi<{ apologies: Apology[] }>(`/meetings/${props.meetingId}/apologies`);
  return (
    <Section title="Apologies and deputies">
      <Loaded state={list} label="Loading apologies…">
        {(d) =>
          d.apologies.length === 0 ? (
            <EmptyState title="No apologies so far">
              Representatives send apologies from the meeting’s page in the MARAC tab.
            </EmptyState>
          ) : (
            <div
              className={styles.scroll}
              role="group"
              aria-label="Apologies, scrolls sideways"
              tabIndex={0}
            >
              <DataTable
                label="Apologies"
                rows={d.apologies}
                rowKey={(a) => a.agencyId}
                columns={[
                  { header: 'Agency', cell: (a) => a.agencyName },
                  { header: 'Sent by', cell: (a) => a.sentByName ?? 'The chair or coordinator' },
                  { header: 'Deputy for this meeting', cell: (a) => a.deputyName ?? 'None' },
                  {
                    header: 'Written submission',
                    cell: (a) => (a.writtenSubmission ? 'Yes' : 'No'),
                  },
                  { header: 'Sent', cell: (a) => formatDateTime(a.sentAt, props.timeZone) },
                ]}
              />
            </div>
          )
        }
      </Loaded>
    </Section>
  );
}

export function MoveRequestsSection(props: { meetingId: string; onDecided: () => void }) {
  const styles = useStyles();
  const list = useApi<{ limit: number; requests: MoveRequest[] }>(
    `/meetings/${props.meetingId}/move-decisions`,
  );
  const { busy, error, run } = useSubmit();
  const [declining, setDeclining] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const decide = async (id: string, verb: 'accept' | 'decline') => {
    const r = await run(() =>
      api(`/meetings/${props.meetingId}/move-requests/${id}/${verb}`, {
        method: 'POST',
        body: verb === 'accept' ? {} : { reason },
      }),
    );
    if (r !== undefined) {
      setDeclining(null);
      setReason('');
      list.reload();
      props.onDecided();
    }
  };
  return (
    <Section title="Requests to move a case">
      <Loaded state={list} label="Loading move requests…">
        {(d) => (
          <>
            <Body1>Each agency may have at most {d.limit} cases moved on the meeting day.</Body1>
            {d.requests.length === 0 ? (
              <EmptyState title="No agency has asked to move a case" />
            ) : (
              <div
                className={styles.scroll}
                role="group"
                aria-label="Move requests, scrolls sideways"
                tabIndex={0}
              >
                <DataTable
                  label="Move requests"
                  rows={d.requests}
                  rowKey={(m) => m.id}
                  columns={[
                    { header: 'Case', cell: (m) => m.caseNumber },
                    { header: 'Agency', cell: (m) => m.agencyName },
                    { header: 'Asked by', cell: (m) => m.requestedByName },
                    {
                      header: 'Move',
                      cell: (m) => `From ${m.fromPosition} to ${m.toPosition}`,
                    },
                    {
                      header: 'Decision',
                      cell: (m) =>
                        m.decision !== 'pending' ? (
                          <>
                            {DECISION_LABEL[m.decision]}
                            {m.decisionReason ? `: ${m.decisionReason}` : ''}
                          </>
                        ) : declining === m.id ? (
                          <form
                            aria-label={`Decline the move of case ${m.caseNumber}`}
                            onSubmit={(e) => {
                              e.preventDefault();
                              void decide(m.id, 'decline');
                            }}
                          >
                            <Field
                              label="Why (the agency sees this)"
                              required
                              validationMessage={fieldMessage(error, 'reason')}
                            >
                              <Input value={reason} onChange={(_e, v) => setReason(v.value)} />
                            </Field>
                            <div className={styles.row}>
                              <Button type="submit" disabled={busy}>
                                Decline
                              </Button>
                              <Button onClick={() => setDeclining(null)}>Go back</Button>
                            </div>
                          </form>
                        ) : (
                          <div className={styles.row}>
                            <Button
                              appearance="primary"
                              size="small"
                              disabled={busy}
                              aria-label={`Accept the move of case ${m.caseNumber}`}
                              onClick={() => void decide(m.id, 'accept')}
                            >
                              Accept
                            </Button>
                            <Button
                              size="small"
                              disabled={busy}
                              aria-label={`Decline the move of case ${m.caseNumber}`}
                              onClick={() => setDeclining(m.id)}
                            >
                              Decline…
                            </Button>
                          </div>
                        ),
                    },
                  ]}
                />
              </div>
            )}
          </>
        )}
      </Loaded>
      <GeneralError error={error} />
    </Section>
  );
}

/**
 * People who joined the meeting without an identity the directory knows (a guest, a phone
 * caller): the coordinator says who each was, and the attendance is reconciled again.
 */
import { Body1, Button, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import { useApi } from '../../../api/use-api.js';
import { ErrorBanner, Notice, Section } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';

interface Person {
  id: string;
  displayName: string;
  isActive?: boolean;
}

export function UnknownJoiners(props: { meetingId: string; onMatched: () => void }) {
  const live = useApi<{ unmatched: { id: string; displayName: string | null }[] }>(
    `/meetings/${props.meetingId}/attendance`,
  );
  const people = useApi<{ people: Person[] }>('/area/people');
  const [done, setDone] = useState<string | null>(null);
  const unmatched = live.data?.unmatched ?? [];
  if (unmatched.length === 0 && !done) return null;
  return (
    <Section title="Unknown joiners" level={3}>
      <Body1>
        These people joined without an account the MARAC knows. Say who each was: their time in the
        meeting and camera evidence become that person’s, and the attendance is worked out again.
      </Body1>
      {done && <Notice intent="success">{done}</Notice>}
      <ul aria-label="Unknown joiners" style={{ display: 'grid', gap: 8, paddingLeft: '1.2em' }}>
        {unmatched.map((u) => (
          <li key={u.id}>
            <MatchRow
              meetingId={props.meetingId}
              joiner={u}
              people={(people.data?.people ?? []).filter((p) => p.isActive !== false)}
              onMatched={(name) => {
                setDone(
                  `${u.displayName ?? 'The unknown caller'} is now recorded as ${name}; attendance updated.`,
                );
                live.reload();
                props.onMatched();
              }}
            />
          </li>
        ))}
      </ul>
    </Section>
  );
}

function MatchRow(props: {
  meetingId: string;
  joiner: { id: string; displayName: string | null };
  people: Person[];
  onMatched: (name: string) => void;
}) {
  const [personId, setPersonId] = useState('');
  const { busy, error, run } = useSubmit();
  const label = props.joiner.displayName ?? 'An unknown caller';
  const match = () =>
    run(async () => {
      await api(`/meetings/${props.meetingId}/attendance/unmatched/${props.joiner.id}/match`, {
        method: 'POST',
        body: { personId },
      });
      props.onMatched(props.people.find((p) => p.id === personId)?.displayName ?? 'that person');
    });
  return (
    <form
      aria-label={`Match ${label}`}
      onSubmit={(e) => {
        e.preventDefault();
        void match();
      }}
      style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' }}
    >
      <Field label={`${label} was`}>
        <Select value={personId} onChange={(_, d) => setPersonId(d.value)}>
          <option value="">Choose a person</option>
          {props.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={busy || !personId}>
        Match
      </Button>
      {error !== null && <ErrorBanner error={error} />}
    </form>
  );
}

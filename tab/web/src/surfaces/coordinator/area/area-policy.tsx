/**
 * The area: its confidentiality statement and every policy setting, grouped (meetings,
 * circulation, actions and chasing, attendance and cameras, data protection).
 */
import { Body1, Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../../api/client.js';
import { ErrorBanner, Notice, Section } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { fieldState } from './labels.js';
import { POLICY_GROUPS } from './policy-fields.js';
import { PolicyGroupForm } from './policy-group.js';
import { useStyles } from './styles.js';

export interface AreaResponse {
  area: {
    id: string;
    name: string;
    nation: string;
    timeZone: string;
    confidentialityStatement: string;
  };
  policy: Record<string, unknown>;
}

const NATIONS: Record<string, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export function AreaPolicy(props: { data: AreaResponse; onSaved: () => void }) {
  return (
    <Section title={props.data.area.name}>
      <Body1>
        Bank holidays of {NATIONS[props.data.area.nation] ?? props.data.area.nation}; times in{' '}
        {props.data.area.timeZone}.
      </Body1>
      <Statement data={props.data} onSaved={props.onSaved} />
      {POLICY_GROUPS.map((g) => (
        <PolicyGroupForm key={g.id} group={g} policy={props.data.policy} onSaved={props.onSaved} />
      ))}
    </Section>
  );
}

function Statement(props: { data: AreaResponse; onSaved: () => void }) {
  const styles = useStyles();
  const [text, setText] = useState(props.data.area.confidentialityStatement);
  const { busy, error, done, run } = useSubmit();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      await api('/area/confidentiality-statement', { method: 'PUT', body: { text } });
      props.onSaved();
    });
  };
  return (
    <Section level={3} title="Confidentiality statement">
      <form onSubmit={save} aria-label="Confidentiality statement">
        <Field
          label="Read out at the start of every meeting and shown before anyone sees a case"
          {...fieldState(error, 'confidentialityStatement')}
        >
          <Textarea
            className={styles.statement}
            resize="vertical"
            rows={5}
            value={text}
            onChange={(_e, d) => setText(d.value)}
          />
        </Field>
        <div className={styles.buttons}>
          <Button
            type="submit"
            disabled={busy || text === props.data.area.confidentialityStatement}
          >
            Save statement
          </Button>
        </div>
        {done && <Notice intent="success">Statement saved.</Notice>}
        {error && !fieldState(error, 'confidentialityStatement').validationMessage ? (
          <ErrorBanner error={error} />
        ) : null}
      </form>
    </Section>
  );
}

/** The confidentiality declaration a person accepts before the case list shows (FR-046). */
import { Body1, Button } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { ErrorBanner, Progress, Section } from '../../shell/components.js';
import { useStyles } from './styles.js';

export interface Declaration {
  meetingId: string;
  accepted: boolean;
  statement: string;
}

export function DeclarationPrompt(props: { declaration: Declaration; onAccepted: () => void }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/meetings/${props.declaration.meetingId}/declaration`, {
        method: 'POST',
        body: {},
      });
      props.onAccepted();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Section title="Confidentiality declaration">
      <Body1>Read and accept this before the case list is shown.</Body1>
      <Body1 as="p" className={styles.statement}>
        {props.declaration.statement}
      </Body1>
      <div>
        <Button appearance="primary" onClick={() => void accept()} disabled={busy}>
          I accept the confidentiality declaration
        </Button>
      </div>
      {busy && <Progress label="Recording your declaration…" />}
      {error !== null && <ErrorBanner error={error} />}
    </Section>
  );
}

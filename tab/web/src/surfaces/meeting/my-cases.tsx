/**
 * For someone invited to one case (referrer, keyworker, specialist; A-09): that case alone,
 * shown only after they accept the confidentiality declaration for it (FR-046, one-case
 * attendees accept per case), with when to join.
 */
import { Body1, Button } from '@fluentui/react-components';
import type { CaseListItem } from '../../api/types.js';
import { api } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { formatTime, Loaded, Progress, Section } from '../../shell/components.js';
import type { Me } from '../../shell/session.js';
import { useSubmit } from '../../shell/use-submit.js';
import { FieldErrors } from '../common/field-errors.js';
import { CaseCard } from './case-list.js';
import { useStyles } from './styles.js';

export interface MyCasesView {
  meetingId: string;
  statement: string;
  cases: {
    agendaItemId: string;
    caseNumber: string;
    position: number;
    plannedStart: string | null;
    plannedMinutes: number | null;
    kind: 'referrer' | 'keyworker' | 'specialist';
    declared: boolean;
  }[];
}

const KIND: Record<MyCasesView['cases'][number]['kind'], string> = {
  referrer: 'referrer',
  keyworker: 'keyworker',
  specialist: 'specialist',
};

export function MyCases(props: { view: MyCasesView; me: Me; onChange: () => void }) {
  return (
    <>
      {props.view.cases.map((c) => (
        <Section key={c.agendaItemId} title={`Your case: ${c.caseNumber}`}>
          <Body1>
            You are invited as {KIND[c.kind]} for case {c.position}, {c.caseNumber}, only. Join at{' '}
            <strong>{formatTime(c.plannedStart, props.me.area.timeZone)}</strong>
            {c.plannedMinutes ? ` (${c.plannedMinutes} minutes)` : ''}; you will be told when the
            case before yours starts.
          </Body1>
          {c.declared ? (
            <OwnCase meetingId={props.view.meetingId} itemId={c.agendaItemId} me={props.me} />
          ) : (
            <CaseDeclaration
              meetingId={props.view.meetingId}
              itemId={c.agendaItemId}
              caseNumber={c.caseNumber}
              statement={props.view.statement}
              onAccepted={props.onChange}
            />
          )}
        </Section>
      ))}
    </>
  );
}

function CaseDeclaration(props: {
  meetingId: string;
  itemId: string;
  caseNumber: string;
  statement: string;
  onAccepted: () => void;
}) {
  const styles = useStyles();
  const { busy, error, run } = useSubmit();
  const accept = async () => {
    const r = await run(() =>
      api(`/meetings/${props.meetingId}/my-cases/${props.itemId}/declaration`, {
        method: 'POST',
        body: {},
      }),
    );
    if (r !== undefined) props.onAccepted();
  };
  return (
    <div role="region" aria-label={`Confidentiality declaration for case ${props.caseNumber}`}>
      <Body1>Read and accept this before the case is shown.</Body1>
      <Body1 as="p" className={styles.statement}>
        {props.statement}
      </Body1>
      <div>
        <Button appearance="primary" onClick={() => void accept()} disabled={busy}>
          I accept the declaration for case {props.caseNumber}
        </Button>
      </div>
      {busy && <Progress label="Recording your declaration…" />}
      <FieldErrors error={error} />
    </div>
  );
}

function OwnCase(props: { meetingId: string; itemId: string; me: Me }) {
  const styles = useStyles();
  const view = useApi<{ item: CaseListItem }>(
    `/meetings/${props.meetingId}/my-cases/${props.itemId}`,
  );
  return (
    <Loaded state={view} label="Loading your case…">
      {(d) => (
        <ol className={styles.cases} aria-label="Your case">
          <CaseCard item={d.item} mine={false} me={props.me} />
        </ol>
      )}
    </Loaded>
  );
}

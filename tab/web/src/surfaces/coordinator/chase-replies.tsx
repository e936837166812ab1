/**
 * Replies to chasers (FR-073, FR-078): owners answer a chaser from Outlook, the service reads
 * the MARAC mailbox and matches the reply to the actions that mail listed. The coordinator reads
 * the reply here (its text is shown in the tab only and destroyed after the area's retention
 * period) and records completion with one click, or sets the reply aside.
 */
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { ErrorBanner, formatDateTime, Loaded, Notice, Section } from '../../shell/components.js';
import { useMe } from '../../shell/session.js';

interface Reply {
  id: string;
  actionId: string;
  reference: string;
  caseReference: string;
  ownerAgencyName: string;
  sender: 'owner' | 'deputy' | 'agency' | 'other';
  fromEmail: string;
  fromName: string | null;
  receivedAt: string;
  text: string | null;
  actionState: string;
  actionVersion: number;
}

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  text: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** "Reply from the owner of A-0003", as the coordinator reads it. */
export function replyHeading(r: Pick<Reply, 'sender' | 'reference' | 'ownerAgencyName'>): string {
  switch (r.sender) {
    case 'owner':
      return `Reply from the owner of ${r.reference}`;
    case 'deputy':
      return `Reply from the owner’s deputy about ${r.reference}`;
    case 'agency':
      return `Reply from ${r.ownerAgencyName} about ${r.reference}`;
    default:
      return `Reply about ${r.reference} from someone outside ${r.ownerAgencyName}`;
  }
}

export function ChaseReplies(props: { onChanged: () => void }) {
  const styles = useStyles();
  const me = useMe();
  const state = useApi<{ replies: Reply[] }>('/chasing/replies');
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const act = async (r: Reply, verb: 'complete' | 'dismiss') => {
    setBusy(r.id);
    setProblem(null);
    setDone(null);
    try {
      await api(`/chasing/replies/${r.id}/${verb}`, {
        method: 'POST',
        body: verb === 'complete' ? { version: r.actionVersion } : {},
      });
      setDone(
        verb === 'complete'
          ? `${r.reference} is recorded as complete, confirmed by ${r.fromName ?? r.fromEmail}’s reply.`
          : `The reply about ${r.reference} is set aside.`,
      );
      state.reload();
      if (verb === 'complete') props.onChanged();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Loaded state={state} label="Loading replies to chasers…">
      {(d) =>
        d.replies.length === 0 && !done ? null : (
          <Section title={`Replies to chasers (${d.replies.length})`}>
            <Caption1>
              Owners answered these chasers by mail. Read each reply and record the action as
              complete if it says so. The text of a reply is shown only here, and is deleted after
              the number of days set in Area set-up.
            </Caption1>
            {done && <Notice intent="success">{done}</Notice>}
            {problem ? <ErrorBanner error={problem} /> : null}
            <ul className={styles.list} aria-label="Replies to chasers">
              {d.replies.map((r) => (
                <li key={r.id} className={styles.item}>
                  <Subtitle2 as="h3">{replyHeading(r)}</Subtitle2>
                  <Caption1>
                    From {r.fromName ? `${r.fromName} (${r.fromEmail})` : r.fromEmail},{' '}
                    {formatDateTime(r.receivedAt, me.area.timeZone)}. Case {r.caseReference}.
                  </Caption1>
                  {r.text === null ? (
                    <Body1>The text of this reply has been deleted under the area’s policy.</Body1>
                  ) : (
                    <blockquote className={styles.text} aria-label={`Reply about ${r.reference}`}>
                      {r.text}
                    </blockquote>
                  )}
                  {r.actionState !== 'open' && <Body1>{r.reference} is already closed.</Body1>}
                  <div className={styles.buttons}>
                    {r.actionState === 'open' && (
                      <Button
                        appearance="primary"
                        disabled={busy !== null}
                        onClick={() => void act(r, 'complete')}
                      >
                        {busy === r.id ? 'Recording…' : `Record ${r.reference} as complete`}
                      </Button>
                    )}
                    <Button
                      disabled={busy !== null}
                      onClick={() => void act(r, 'dismiss')}
                      aria-label={`Set aside the reply about ${r.reference}`}
                    >
                      Set aside
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          </Section>
        )
      }
    </Loaded>
  );
}

/**
 * The meeting chat as one participant sees it: the bot's cards, their refreshed views, and card
 * actions.
 */
import { Body1, Caption1 } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { EmptyState, formatTime, Notice } from '../../../shell/components.js';
import { AdaptiveCardView, type CardAction } from './adaptive-card.js';
import { sim, type ChatActivity, type ChatPerson, type InvokeAnswer } from './sim-api.js';
import { useStyles } from './styles.js';

const CARD_TYPES = new Set([
  'application/vnd.microsoft.card.adaptive',
  'application/vnd.adaptivecard',
]);

interface Refresh {
  userIds?: string[];
  action?: { type?: string; verb?: string; data?: Record<string, unknown> };
}

/** A small stable hash of a card's JSON: a new version of the card asks for a fresh view. */
function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

/** Whether Teams would fetch this card afresh for this person (Universal Actions `refresh`). */
function refreshesFor(content: unknown, person: ChatPerson): boolean {
  const refresh = (content as { refresh?: Refresh }).refresh;
  return !!refresh?.action && (!refresh.userIds || refresh.userIds.includes(person.teamsUserId));
}

export function Chat(props: {
  meetingId: string;
  activities: ChatActivity[];
  person: ChatPerson;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const { person } = props;
  /** The card each person sees, per (activity, version of the card, person). */
  const [views, setViews] = useState<Record<string, unknown>>({});
  const [note, setNote] = useState<{ intent: 'success' | 'warning' | 'info'; text: string } | null>(
    null,
  );
  const pending = useRef(new Set<string>());

  const invoke = useCallback(
    async (activityId: string, action: CardAction, trigger: 'manual' | 'automatic') =>
      sim<InvokeAnswer>(`/meeting-chat/${props.meetingId}/invoke`, {
        body: {
          personId: person.personId,
          activityId,
          value: {
            action: { type: 'Action.Execute', id: action.id, verb: action.verb, data: action.data },
            trigger,
          },
        },
      }),
    [props.meetingId, person.personId],
  );

  const cards = props.activities.flatMap((a) =>
    (a.attachments ?? [])
      .filter((x) => CARD_TYPES.has(x.contentType))
      .map((x, i) => {
        const json = JSON.stringify(x.content);
        return {
          activity: a,
          content: x.content,
          key: `${a.id}#${i}|${hash(json)}|${person.personId}`,
        };
      }),
  );

  // Universal Actions: a card with `refresh` naming this user is fetched for them (PLATFORM.md §5).
  useEffect(() => {
    for (const c of cards) {
      const refresh = (c.content as { refresh?: Refresh }).refresh;
      if (!refresh?.action || !refreshesFor(c.content, person)) continue;
      if (c.key in views || pending.current.has(c.key)) continue;
      pending.current.add(c.key);
      void invoke(
        c.activity.id,
        {
          type: 'Action.Execute',
          verb: refresh.action.verb ?? 'refresh',
          data: refresh.action.data ?? {},
        },
        'automatic',
      )
        .then((answer) => {
          const body = typeof answer.body === 'object' ? answer.body : null;
          if (body?.type === 'application/vnd.microsoft.card.adaptive')
            setViews((v) => ({ ...v, [c.key]: body.value }));
          else setViews((v) => ({ ...v, [c.key]: c.content }));
        })
        .catch(() => setViews((v) => ({ ...v, [c.key]: c.content })))
        .finally(() => pending.current.delete(c.key));
    }
  });

  const execute = async (key: string, activityId: string, action: CardAction) => {
    setNote(null);
    if (action.type !== 'Action.Execute') {
      setNote({
        intent: 'warning',
        text: 'This demo sends Action.Execute only (Teams uses it for these cards).',
      });
      return;
    }
    try {
      const answer = await invoke(activityId, action, 'manual');
      const body = typeof answer.body === 'object' ? answer.body : null;
      if (answer.status !== 200 || !body)
        setNote({ intent: 'warning', text: `The bot answered ${answer.status}.` });
      else if (body.type === 'application/vnd.microsoft.card.adaptive') {
        setViews((v) => ({ ...v, [key]: body.value }));
        setNote({
          intent: 'success',
          text: `${action.title ?? action.verb} sent as ${person.displayName}.`,
        });
      } else setNote({ intent: 'info', text: String(body.value ?? 'Done.') });
      props.onChanged();
    } catch (e) {
      setNote({ intent: 'warning', text: e instanceof Error ? e.message : 'The action failed.' });
    }
  };

  const messages = props.activities.filter(
    (a) => a.type === 'message' && (a.text || (a.attachments ?? []).length > 0),
  );
  return (
    <>
      {note && <Notice intent={note.intent}>{note.text}</Notice>}
      {messages.length === 0 ? (
        <EmptyState title="No messages yet">
          The bot posts each case card here when the chair starts the case in the chair console.
        </EmptyState>
      ) : (
        <ol className={styles.chat} aria-label={`Meeting chat as ${person.displayName}`}>
          {messages.map((a) => (
            <li key={a.id} className={styles.message}>
              <Caption1 className={styles.muted}>
                Virtual MARAC{a.timestamp ? `, ${formatTime(a.timestamp)}` : ''}
              </Caption1>
              {a.text && <Body1>{a.text}</Body1>}
              {cards
                .filter((c) => c.activity.id === a.id)
                .map((c) => (
                  <AdaptiveCardView
                    key={c.key}
                    card={views[c.key] ?? c.content}
                    // Until this person's refreshed view arrives the card shown is the shared one.
                    busy={!(c.key in views) && refreshesFor(c.content, person)}
                    label={`Card in the chat, as ${person.displayName}`}
                    onExecute={(action) => void execute(c.key, a.id, action)}
                  />
                ))}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

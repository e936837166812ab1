/**
 * The demo meeting room (issue 7; demo mode only): plays the Teams meeting client for someone
 * trying the product. Start and end the meeting, make the invited (fictional) people join,
 * leave and switch their cameras — the simulated Teams sends the service the real bot
 * activities and calling notifications — and see the meeting chat as any participant: the
 * bot's cards rendered by the `adaptivecards` renderer, user-specific views fetched by the
 * card's `refresh`, and card actions clicked as that participant.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Select,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/client.js';
import {
  EmptyState,
  ErrorBanner,
  formatDateTime,
  formatTime,
  NotAvailable,
  Notice,
  PageLayout,
  Progress,
  Section,
} from '../../../shell/components.js';
import { RouteLink } from '../../../shell/router.js';
import { AdaptiveCardView, type CardAction } from './adaptive-card.js';
import {
  sim,
  type ChatActivity,
  type ChatMeeting,
  type ChatPerson,
  type ChatView,
  type InvokeAnswer,
  type RoomState,
} from './sim-api.js';

const POLL_MS = 2000;
const CARD_TYPES = new Set([
  'application/vnd.microsoft.card.adaptive',
  'application/vnd.adaptivecard',
]);

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(300px, 2fr) minmax(340px, 3fr)',
    gap: tokens.spacingVerticalL,
    alignItems: 'start',
    '@media (max-width: 800px)': { gridTemplateColumns: '1fr' },
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  people: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  person: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  chat: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  message: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

export default function MeetingRoom(props: { params: Record<string, string> }) {
  const meetingId = props.params.meetingId;
  return meetingId ? <Room meetingId={meetingId} /> : <ChooseMeeting />;
}

function ChooseMeeting() {
  const [meetings, setMeetings] = useState<ChatMeeting[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    sim<{ meetings: ChatMeeting[] }>('/meeting-chat').then(
      (r) => setMeetings(r.meetings),
      setError,
    );
  }, []);
  return (
    <PageLayout
      title="Demo meeting room"
      subtitle="Plays a Teams meeting with the demo area's fictional people. Choose a meeting."
    >
      <Section title="Meetings">
        {error !== null && <ErrorBanner error={error} />}
        {meetings === null && error === null && <Progress label="Loading meetings…" />}
        {meetings?.length === 0 && (
          <EmptyState title="No meetings yet">
            Schedule a meeting in the coordinator workspace first.
          </EmptyState>
        )}
        {meetings && meetings.length > 0 && (
          <ul>
            {meetings.map((m) => (
              <li key={m.id}>
                <RouteLink to={`/demo/meeting-room/${m.id}`}>{m.title}</RouteLink>,{' '}
                {formatDateTime(m.scheduledStart)} ({m.status})
              </li>
            ))}
          </ul>
        )}
      </Section>
    </PageLayout>
  );
}

/** Polls `load` every POLL_MS; keeps the last good answer. */
function usePolled<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const busy = useRef(false);
  const tick = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      setData(await load());
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      busy.current = false;
    }
  }, [load]);
  useEffect(() => {
    void tick();
    const t = window.setInterval(() => void tick(), POLL_MS);
    return () => window.clearInterval(t);
  }, [tick]);
  return { data, error, refresh: tick };
}

function Room({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const loadChat = useCallback(() => sim<ChatView>(`/meeting-chat/${meetingId}`), [meetingId]);
  const loadState = useCallback(
    () => sim<RoomState>(`/meeting-room/${meetingId}/state`),
    [meetingId],
  );
  const chat = usePolled(loadChat);
  const room = usePolled(loadState);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [actingAs, setActingAs] = useState<string>('');
  const people = chat.data?.people ?? [];
  const acting = people.find((p) => p.personId === actingAs) ?? people[0] ?? null;

  const control = async (key: string, path: string, method: 'POST' | 'DELETE', body?: unknown) => {
    setBusy(key);
    setFailure(null);
    try {
      await sim(`/meeting-room/${meetingId}${path}`, { method, body: body ?? {} });
      await Promise.all([room.refresh(), chat.refresh()]);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };

  if (chat.data === null) {
    if (chat.error) return <ErrorPage error={chat.error} />;
    return <Progress label="Opening the meeting room…" />;
  }
  const state = room.data;
  const roomMissing = room.error instanceof ApiError && room.error.notAvailable;
  const inCall = (p: ChatPerson) =>
    state?.participants.find((x) => x.aadObjectId === p.aadObjectId && x.inMeeting) ?? null;
  return (
    <PageLayout
      title="Demo meeting room"
      subtitle={`${chat.data.meeting.title}, ${formatDateTime(chat.data.meeting.scheduledStart)}. Plays Microsoft Teams for the fictional people invited; what happens here reaches the service exactly as from Teams.`}
      actions={
        <RouteLink to={`/tab/meeting/chair?meetingId=${meetingId}`}>
          Open the chair console
        </RouteLink>
      }
    >
      {failure !== null && <ErrorBanner error={failure} title="That did not go through" />}
      <div className={styles.columns}>
        <div>
          <Section
            title="Meeting"
            actions={
              state && (
                <Badge appearance="filled" color={state.running ? 'success' : 'informative'}>
                  {state.running ? 'Running' : state.endedAt ? 'Ended' : 'Not started'}
                </Badge>
              )
            }
          >
            {roomMissing && <NotAvailable what="Playing the meeting (join, leave, cameras)" />}
            {state && (
              <>
                <Caption1>
                  {state.startedAt ? `Started ${formatTime(state.startedAt)}` : 'Not started yet'}
                  {state.endedAt ? `, ended ${formatTime(state.endedAt)}` : ''}
                  {state.callingBotInCall
                    ? ' · the calling bot is in the call (cameras are recorded)'
                    : ''}
                </Caption1>
                <div className={styles.row}>
                  {!state.running && (
                    <Button
                      appearance="primary"
                      disabled={busy !== null}
                      onClick={() => void control('start', '/start', 'POST')}
                    >
                      {busy === 'start' ? 'Starting…' : 'Start the meeting'}
                    </Button>
                  )}
                  {state.running && (
                    <Button
                      disabled={busy !== null}
                      onClick={() => void control('end', '/end', 'POST')}
                    >
                      {busy === 'end' ? 'Ending…' : 'End the meeting'}
                    </Button>
                  )}
                </div>
              </>
            )}
            <ul className={styles.people} aria-label="Invited people">
              {people.map((p) => {
                const present = inCall(p);
                return (
                  <li key={p.personId} className={styles.person}>
                    <div className={styles.row}>
                      <Body1>
                        <strong>{p.displayName}</strong>
                      </Body1>
                      <Caption1 className={styles.muted}>
                        {p.kind}
                        {p.agencyName ? `, ${p.agencyName}` : ''}
                      </Caption1>
                      {present && (
                        <Badge appearance="tint" color="success" size="small">
                          In the meeting
                        </Badge>
                      )}
                    </div>
                    {state?.running && (
                      <div className={styles.row}>
                        {present ? (
                          <>
                            <Switch
                              label="Camera"
                              checked={present.camera}
                              disabled={busy !== null}
                              onChange={(_e, d) =>
                                void control(
                                  `cam:${p.personId}`,
                                  `/participants/${p.personId}/camera`,
                                  'POST',
                                  {
                                    on: d.checked,
                                  },
                                )
                              }
                              aria-label={`Camera of ${p.displayName}`}
                            />
                            <Button
                              size="small"
                              disabled={busy !== null}
                              onClick={() =>
                                void control(
                                  `leave:${p.personId}`,
                                  `/participants/${p.personId}`,
                                  'DELETE',
                                )
                              }
                              aria-label={`Leave: ${p.displayName}`}
                            >
                              Leave
                            </Button>
                          </>
                        ) : (
                          <>
                            <Button
                              size="small"
                              disabled={busy !== null}
                              onClick={() =>
                                void control(`join:${p.personId}`, '/participants', 'POST', {
                                  personId: p.personId,
                                  camera: true,
                                })
                              }
                              aria-label={`Join with camera: ${p.displayName}`}
                            >
                              Join with camera
                            </Button>
                            <Button
                              size="small"
                              disabled={busy !== null}
                              onClick={() =>
                                void control(`join:${p.personId}`, '/participants', 'POST', {
                                  personId: p.personId,
                                  camera: false,
                                })
                              }
                              aria-label={`Join, camera off: ${p.displayName}`}
                            >
                              Join, camera off
                            </Button>
                          </>
                        )}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </Section>
        </div>
        <Section title="Meeting chat">
          <Field label="See the chat and act as">
            <Select value={acting?.personId ?? ''} onChange={(_e, d) => setActingAs(d.value)}>
              {people.map((p) => (
                <option key={p.personId} value={p.personId}>
                  {p.displayName} ({p.kind}
                  {p.agencyName ? `, ${p.agencyName}` : ''})
                </option>
              ))}
            </Select>
          </Field>
          {acting && (
            <Chat
              key={acting.personId}
              meetingId={meetingId}
              activities={chat.data.activities}
              person={acting}
              onChanged={() => void chat.refresh()}
            />
          )}
        </Section>
      </div>
    </PageLayout>
  );
}

function ErrorPage({ error }: { error: unknown }) {
  return (
    <PageLayout title="Demo meeting room">
      {error instanceof ApiError && error.notAvailable ? (
        <NotAvailable what="The demo meeting room (demo mode only)" />
      ) : (
        <ErrorBanner error={error} />
      )}
    </PageLayout>
  );
}

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

function Chat(props: {
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

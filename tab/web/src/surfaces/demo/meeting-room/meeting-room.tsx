/**
 * The demo meeting room (demo mode only): plays the Teams meeting client for someone
 * trying the product. Start and end the meeting, make the invited (fictional) people join,
 * leave and switch their cameras — the simulated Teams sends the service the real bot
 * activities and calling notifications — and see the meeting chat as any participant: the
 * bot's cards rendered by the `adaptivecards` renderer, user-specific views fetched by the
 * card's `refresh`, and card actions clicked as that participant.
 */
import { Field, Select } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../api/client.js';
import {
  ErrorBanner,
  formatDateTime,
  NotAvailable,
  PageLayout,
  Progress,
  Section,
} from '../../../shell/components.js';
import { RouteLink } from '../../../shell/router.js';
import { sim, type ChatView, type RoomState } from './sim-api.js';
import { Chat } from './chat-panel.js';
import { ChooseMeeting } from './choose-meeting.js';
import { MeetingPanel, type Control } from './meeting-panel.js';
import { useStyles } from './styles.js';
import { usePolled } from './use-polled.js';
import { ROLE_LABELS } from '../../coordinator/area/labels.js';

export default function MeetingRoom(props: { params: Record<string, string> }) {
  const meetingId = props.params.meetingId;
  return meetingId ? <Room meetingId={meetingId} /> : <ChooseMeeting />;
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

  const control: Control = async (key, path, method, body) => {
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
  return (
    <PageLayout
      title="Demo meeting room"
      subtitle={`${chat.data.meeting.title}, ${formatDateTime(chat.data.meeting.scheduledStart)}. Plays Microsoft Teams for the fictional people invited; what happens here reaches the service exactly as from Teams.`}
      actions={
        <span>
          <RouteLink to={`/tab/meeting/chair?meetingId=${meetingId}`}>
            Open the chair console
          </RouteLink>{' '}
          ·{' '}
          <RouteLink to={`/tab/meeting?meetingId=${meetingId}&frameContext=sidePanel`}>
            Open the side panel as Teams shows it
          </RouteLink>
        </span>
      }
    >
      {failure !== null && <ErrorBanner error={failure} title="That did not go through" />}
      <div className={styles.columns}>
        <div>
          <MeetingPanel
            state={state}
            roomMissing={roomMissing}
            people={people}
            busy={busy}
            control={control}
          />
        </div>
        <Section title="Meeting chat">
          <Field label="See the chat and act as">
            <Select value={acting?.personId ?? ''} onChange={(_e, d) => setActingAs(d.value)}>
              {people.map((p) => (
                <option key={p.personId} value={p.personId}>
                  {p.displayName} ({(ROLE_LABELS[p.kind] ?? p.kind).toLowerCase()}
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

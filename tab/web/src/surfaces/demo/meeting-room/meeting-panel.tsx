/** The call itself in the demo: start / end, and the invited people joining and leaving. */
import { Badge, Body1, Button, Caption1, Switch } from '@fluentui/react-components';
import { formatTime, NotAvailable, Section } from '../../../shell/components.js';
import type { ChatPerson, RoomState } from './sim-api.js';
import { useStyles } from './styles.js';
import { ROLE_LABELS } from '../../coordinator/area/labels.js';

/**
 * The meeting as the organiser sees it: start / end, and each invited person joining, leaving or
 * switching the camera.
 */
export function MeetingPanel(props: {
  state: RoomState | null;
  roomMissing: boolean;
  people: ChatPerson[];
  busy: string | null;
  control: Control;
}) {
  const styles = useStyles();
  const { state, roomMissing, people, busy, control } = props;
  const inCall = (p: ChatPerson) =>
    state?.participants.find((x) => x.aadObjectId === p.aadObjectId && x.inMeeting) ?? null;
  return (
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
              <Button disabled={busy !== null} onClick={() => void control('end', '/end', 'POST')}>
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
                  {(ROLE_LABELS[p.kind] ?? p.kind).toLowerCase()}
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
  );
}

/** A change to the simulated call (start, end, join, leave, camera), keyed for its busy label. */
export type Control = (
  key: string,
  path: string,
  method: 'POST' | 'DELETE',
  body?: unknown,
) => Promise<void>;

/**
 * My MARAC (personal tab in Teams, Outlook and the Microsoft 365 app): my next meetings and my
 * cases' join times, my actions with complete / cannot be achieved in two clicks (FR-073,
 * FR-076), and my agency's actions (FR-077). A mail's deep link (?action=<id>) opens that
 * action directly. Kept small: it must stay under 250 KB of gzipped JavaScript.
 */
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { api, ApiError } from '../../api/client.js';
import type { Action, CaseListView, MeetingSummary } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import {
  EmptyState,
  ErrorBanner,
  formatDateTime,
  formatDay,
  formatTime,
  Loaded,
  NotAvailable,
  Notice,
  PageLayout,
  Progress,
  Section,
} from '../../shell/components.js';
import { RouteLink, useLocation, useNavigate } from '../../shell/router.js';
import { hasRole, useMe, WhoAmI, type Me } from '../../shell/session.js';
import { ActionTable, STATE_LABEL } from '../common/action-table.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: '1.2em', display: 'grid', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const AGENCY_VOICE = ['representative', 'deputy', 'idva', 'referrer'] as const;

export default function MyMarac() {
  const me = useMe();
  const { query } = useLocation();
  const navigate = useNavigate();
  const deepLinked = query.get('action');
  const [notice, setNotice] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const closeDeepLink = () => navigate('/tab/my-marac');
  return (
    <PageLayout title="My MARAC" subtitle={me.area.name} actions={<WhoAmI />}>
      {notice && <Notice intent="success">{notice}</Notice>}
      <NextMeetings me={me} />
      {hasRole(me, ...AGENCY_VOICE) ? (
        <>
          <ActionsSection
            key={`mine-${generation}`}
            title="My actions"
            scope="mine"
            canClose
            empty="You have no open actions. Actions the chair confirms for you appear here."
            onClosed={(text) => {
              setNotice(text);
              setGeneration((g) => g + 1);
            }}
          />
          {me.agency && (
            <ActionsSection
              key={`agency-${generation}`}
              title={`${me.agency.name}'s actions`}
              scope="agency"
              canClose
              empty="Your agency has no actions at the moment."
              onClosed={(text) => {
                setNotice(text);
                setGeneration((g) => g + 1);
              }}
            />
          )}
        </>
      ) : (
        <Section title="Actions">
          <Body1>Your role ({me.roles.join(', ')}) does not own actions.</Body1>
        </Section>
      )}
      {deepLinked && (
        <DeepLinkedAction
          actionId={deepLinked}
          onDone={(text) => {
            setNotice(text);
            setGeneration((g) => g + 1);
            closeDeepLink();
          }}
          onCancel={closeDeepLink}
        />
      )}
    </PageLayout>
  );
}

function NextMeetings({ me }: { me: Me }) {
  const styles = useStyles();
  const meetings = useApi<{ meetings: MeetingSummary[] }>('/meetings');
  const now = Date.now();
  return (
    <Section title="My next meetings">
      <Loaded state={meetings} label="Loading your meetings…">
        {(d) => {
          const next = d.meetings
            .filter(
              (m) =>
                m.invited && m.status !== 'cancelled' && new Date(m.scheduledEnd).getTime() > now,
            )
            .sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart))
            .slice(0, 3);
          if (next.length === 0)
            return (
              <EmptyState title="No meetings coming up">
                When you are invited to a MARAC, it appears here with the times to join for your
                cases.
              </EmptyState>
            );
          return (
            <ul className={styles.list}>
              {next.map((m, index) => (
                <li key={m.id}>
                  <strong>{m.title}</strong>, {formatDateTime(m.scheduledStart, me.area.timeZone)}{' '}
                  to {formatTime(m.scheduledEnd, me.area.timeZone)}.{' '}
                  <RouteLink to={`/tab/meeting?meetingId=${m.id}`}>Meeting details</RouteLink>
                  {m.joinUrl && (
                    <>
                      {' · '}
                      <Link href={m.joinUrl} target="_blank" rel="noreferrer">
                        Join in Teams
                      </Link>
                    </>
                  )}
                  {index === 0 && me.agency && <JoinTimes meetingId={m.id} me={me} />}
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </Section>
  );
}

/**
 * When to join for my agency's cases. Case times come from the case list, so they show only
 * after the declaration (FR-046): until then, a link to accept it. Only numbers and times here.
 */
function JoinTimes({ meetingId, me }: { meetingId: string; me: Me }) {
  const declaration = useApi<{ accepted: boolean }>(`/meetings/${meetingId}/declaration`);
  const accepted = declaration.data?.accepted === true;
  const list = useApi<CaseListView>(accepted ? `/meetings/${meetingId}/case-list` : null);
  if (declaration.error) return null; // not entitled to this meeting's cases
  if (declaration.data && !accepted)
    return (
      <Body1 as="p">
        <RouteLink to={`/tab/meeting?meetingId=${meetingId}`}>
          Accept the confidentiality declaration
        </RouteLink>{' '}
        to see when to join for your cases.
      </Body1>
    );
  if (!list.data) return null;
  const mine = list.data.items.filter(
    (i) =>
      i.referringAgency?.id === me.agency?.id ||
      i.agenciesInvolved.some((a) => a.id === me.agency?.id),
  );
  if (mine.length === 0) return <Body1 as="p">None of the cases names your agency.</Body1>;
  return (
    <ul aria-label="My cases' join times">
      {mine.map((i) => (
        <li key={i.agendaItemId}>
          {i.caseNumber}: join at {formatTime(i.plannedStart, me.area.timeZone)}
        </li>
      ))}
    </ul>
  );
}

function ActionsSection(props: {
  title: string;
  scope: 'mine' | 'agency';
  canClose: boolean;
  empty: string;
  onClosed: (text: string) => void;
}) {
  const styles = useStyles();
  const actions = useApi<{ actions: Action[] }>(`/actions?scope=${props.scope}`);
  const [open, setOpen] = useState<{ action: Action; mode: 'complete' | 'not-achievable' } | null>(
    null,
  );
  const closable = (a: Action) => a.state === 'open';
  return (
    <Section title={props.title}>
      {actions.error instanceof ApiError && actions.error.notAvailable ? (
        <NotAvailable what="Actions" />
      ) : (
        <Loaded state={actions} label="Loading actions…">
          {(d) =>
            d.actions.length === 0 ? (
              <EmptyState title="Nothing here">{props.empty}</EmptyState>
            ) : (
              <ActionTable
                label={props.title}
                actions={d.actions}
                rowActions={(a) =>
                  props.canClose && closable(a) ? (
                    <div className={styles.buttons}>
                      <Button size="small" onClick={() => setOpen({ action: a, mode: 'complete' })}>
                        Complete {a.reference}
                      </Button>
                      <Button
                        size="small"
                        appearance="subtle"
                        onClick={() => setOpen({ action: a, mode: 'not-achievable' })}
                      >
                        Cannot be achieved
                      </Button>
                    </div>
                  ) : null
                }
              />
            )
          }
        </Loaded>
      )}
      {open && (
        <CloseActionDialog
          action={open.action}
          mode={open.mode}
          onCancel={() => setOpen(null)}
          onDone={(text) => {
            setOpen(null);
            props.onClosed(text);
          }}
        />
      )}
    </Section>
  );
}

/** ?action=<id>: opens that action's completion straight away (from a chaser mail). */
function DeepLinkedAction(props: {
  actionId: string;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const action = useApi<{ action: Action } | Action>(`/actions/${props.actionId}`);
  const [mode, setMode] = useState<'complete' | 'not-achievable'>('complete');
  if (action.error)
    return (
      <Section title="The action from your link">
        {action.error instanceof ApiError && action.error.notAvailable ? (
          <NotAvailable what="Actions" />
        ) : (
          <ErrorBanner error={action.error} />
        )}
      </Section>
    );
  if (!action.data) return <Progress label="Opening the action…" />;
  const a = 'action' in action.data ? action.data.action : action.data;
  if (a.state !== 'open')
    return (
      <Notice intent="info">
        {a.reference} is {STATE_LABEL[a.state]?.toLowerCase() ?? a.state}: there is nothing to do.
      </Notice>
    );
  return (
    <CloseActionDialog
      action={a}
      mode={mode}
      onSwitch={() => setMode((m) => (m === 'complete' ? 'not-achievable' : 'complete'))}
      onCancel={props.onCancel}
      onDone={props.onDone}
    />
  );
}

/** The second click: confirm completion (detail optional unless the area requires it) or give a reason. */
function CloseActionDialog(props: {
  action: Action;
  mode: 'complete' | 'not-achievable';
  onSwitch?: () => void;
  onCancel: () => void;
  onDone: (text: string) => void;
}) {
  const a = props.action;
  const [text, setText] = useState('');
  const [completedOn, setCompletedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setError(null), [props.mode]);
  const complete = props.mode === 'complete';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (complete)
        await api(`/actions/${a.id}/complete`, {
          method: 'POST',
          body: {
            ...(text.trim() ? { evidence: text.trim() } : {}),
            completedOn,
            version: a.version,
          },
        });
      else
        await api(`/actions/${a.id}/not-achievable`, {
          method: 'POST',
          body: { reason: text.trim(), version: a.version },
        });
      props.onDone(
        complete
          ? `${a.reference} marked complete.`
          : `${a.reference} recorded as cannot be achieved; it will be reported at the next meeting.`,
      );
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && props.onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>
              {complete ? `Complete ${a.reference}` : `${a.reference} cannot be achieved`}
            </DialogTitle>
            <DialogContent>
              <Body1 as="p">
                {a.caseReference}: {a.description} (due {formatDay(a.dueOn)}, {a.ownerAgency.name})
              </Body1>
              {complete ? (
                <>
                  <Field label="Completed on">
                    <Input
                      type="date"
                      value={completedOn}
                      onChange={(_e, d) => setCompletedOn(d.value)}
                    />
                  </Field>
                  <Field label="What was done (no names)">
                    <Textarea value={text} onChange={(_e, d) => setText(d.value)} />
                  </Field>
                </>
              ) : (
                <Field label="Why it cannot be achieved" required>
                  <Textarea value={text} onChange={(_e, d) => setText(d.value)} />
                </Field>
              )}
              {busy && <Progress label="Saving…" />}
              {error !== null && <ErrorBanner error={error} />}
            </DialogContent>
            <DialogActions>
              <Button
                type="submit"
                appearance="primary"
                disabled={busy || (!complete && !text.trim())}
              >
                {complete ? 'Confirm complete' : 'Record reason'}
              </Button>
              {props.onSwitch && (
                <Button onClick={props.onSwitch} disabled={busy}>
                  {complete ? 'It cannot be achieved' : 'It is complete'}
                </Button>
              )}
              <Button appearance="secondary" onClick={props.onCancel} disabled={busy}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

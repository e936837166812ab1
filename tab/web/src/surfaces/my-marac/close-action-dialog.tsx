/** Closing an action: the two-click dialog, also opened straight from a mail's deep link. */
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
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { api, ApiError } from '../../api/client.js';
import type { Action } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import {
  ErrorBanner,
  formatDay,
  NotAvailable,
  Notice,
  Progress,
  Section,
} from '../../shell/components.js';
import { STATE_LABEL } from '../common/action-table.js';
import { DateInput } from '../common/date-inputs.js';

/** ?action=<id>: opens that action's completion straight away (from a chaser mail). */
export function DeepLinkedAction(props: {
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
export function CloseActionDialog(props: {
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
                    <DateInput value={completedOn} onChange={(_e, d) => setCompletedOn(d.value)} />
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

/**
 * A list of actions (mine or my agency's) with complete / cannot be achieved on the open ones.
 * "Mine" includes my agency's actions that name no one: the representative and the deputy both
 * speak for the agency (FR-078), so such an action is theirs to complete, and says so.
 * The list refreshes itself while open.
 */
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import type { Action } from '../../api/types.js';
import { EmptyState, Loaded, NotAvailable, Section } from '../../shell/components.js';
import { LiveIndicator, useLive } from '../../shell/use-live.js';
import { ActionTable } from '../common/action-table.js';
import { ExportButtons } from '../common/export-buttons.js';
import { CloseActionDialog } from './close-action-dialog.js';
import { useStyles } from './styles.js';

/** My own actions, then my agency's that name no one (the rep's and deputy's to complete). */
export function myActions(own: Action[], agency: Action[] | null): Action[] {
  const seen = new Set(own.map((a) => a.id));
  return [...own, ...(agency ?? []).filter((a) => a.ownerPerson === null && !seen.has(a.id))];
}

export function ownerInMyWords(a: Action, myPersonId: string) {
  if (a.ownerPerson?.id === myPersonId) return 'You';
  if (a.ownerPerson === null)
    return `${a.ownerAgency.name}'s action: you or your deputy can complete it`;
  return `${a.ownerAgency.name} (${a.ownerPerson.displayName})`;
}

export function ActionsSection(props: {
  title: string;
  scope: 'mine' | 'agency';
  /** The signed-in person and whether they speak for an agency (mine: adds its unnamed actions). */
  me: { personId: string; hasAgency: boolean };
  canClose: boolean;
  empty: string;
  onClosed: (text: string) => void;
}) {
  const styles = useStyles();
  const actions = useLive<{ actions: Action[] }>(`/actions?scope=${props.scope}`);
  const agency = useLive<{ actions: Action[] }>(
    props.scope === 'mine' && props.me.hasAgency ? '/actions?scope=agency' : null,
  );
  const [open, setOpen] = useState<{ action: Action; mode: 'complete' | 'not-achievable' } | null>(
    null,
  );
  const closable = (a: Action) => a.state === 'open';
  const waitingForAgency = props.scope === 'mine' && props.me.hasAgency && !agency.data;
  const data =
    actions.data && !waitingForAgency
      ? {
          actions:
            props.scope === 'mine'
              ? myActions(actions.data.actions, agency.data?.actions ?? null)
              : actions.data.actions,
        }
      : null;
  const refresh = () => {
    actions.refresh();
    agency.refresh();
  };
  return (
    <Section
      title={props.title}
      actions={
        props.scope === 'agency' ? (
          <ExportButtons
            path="/exports/actions"
            fileName="agency-actions"
            what="your agency’s actions"
          />
        ) : undefined
      }
    >
      <LiveIndicator state={actions} />
      {actions.error instanceof ApiError && actions.error.notAvailable ? (
        <NotAvailable what="Actions" />
      ) : (
        <Loaded
          state={{
            data,
            error: data ? null : (actions.error ?? agency.error),
            loading: !data,
            reload: refresh,
          }}
          label="Loading actions…"
        >
          {(d) =>
            d.actions.length === 0 ? (
              <EmptyState title="Nothing here">{props.empty}</EmptyState>
            ) : (
              <ActionTable
                label={props.title}
                actions={d.actions}
                ownerLabel={(a) => ownerInMyWords(a, props.me.personId)}
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
            refresh();
            props.onClosed(text);
          }}
        />
      )}
    </Section>
  );
}

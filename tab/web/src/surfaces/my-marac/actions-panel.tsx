/** A list of actions (mine or my agency's) with complete / cannot be achieved on the open ones. */
import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import type { Action } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { EmptyState, Loaded, NotAvailable, Section } from '../../shell/components.js';
import { ActionTable } from '../common/action-table.js';
import { ExportButtons } from '../common/export-buttons.js';
import { CloseActionDialog } from './close-action-dialog.js';
import { useStyles } from './styles.js';

export function ActionsSection(props: {
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

/**
 * The action tracker (FR-071..FR-080): every action in the area, filtered by agency, status
 * and overdue; chase the selected ones now (the chaser carries references and a link only).
 */
import { Button, Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.js';
import type { Action, Agency } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import {
  EmptyState,
  ErrorBanner,
  Loaded,
  Notice,
  Progress,
  Section,
} from '../../shell/components.js';
import { useLocation } from '../../shell/router.js';
import { ActionTable } from '../common/action-table.js';
import { ExportButtons } from '../common/export-buttons.js';
import { BlockedChasers } from './blocked-chasers.js';
import { ChaseDialog } from './chase-dialog.js';
import { ChaseReplies } from './chase-replies.js';
import { CoordinatorPage } from './coordinator-page.js';
import { chaseMessage, ConfirmSend } from '../common/confirm-send.js';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    alignItems: 'end',
    flexWrap: 'wrap',
  },
  // A long agency name must not widen the page past a 320 px screen.
  field: { minWidth: 0, maxWidth: '100%' },
  select: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, maxWidth: '100%' } },
});

const STATES = [
  ['', 'Any status'],
  ['open', 'Open'],
  ['overdue', 'Overdue'],
  ['done', 'Completed'],
  ['not-achievable', 'Cannot be achieved'],
  ['volunteered', 'Volunteered'],
  ['rejected', 'Rejected'],
] as const;

export default function Actions() {
  const styles = useStyles();
  const { query } = useLocation();
  const meetingId = query.get('meetingId');
  const [agencyId, setAgencyId] = useState('');
  const [state, setState] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [chasing, setChasing] = useState(false);
  const [chaseError, setChaseError] = useState<unknown>(null);
  const [chased, setChased] = useState<string | null>(null);
  const [chasing1, setChasing1] = useState<Action | null>(null);
  const agencies = useApi<{ agencies: Agency[] }>('/area/agencies');
  const path = useMemo(() => {
    const q = new URLSearchParams({ scope: 'area' });
    if (state) q.set('state', state);
    if (agencyId) q.set('agencyId', agencyId);
    if (meetingId) q.set('meetingId', meetingId);
    return `/actions?${q}`;
  }, [state, agencyId, meetingId]);
  const actions = useApi<{ actions: Action[] }>(path);
  const shown = (actions.data?.actions ?? []).filter((a) => !overdueOnly || a.overdue);

  const [asking, setAsking] = useState<string | null>(null);
  const askChase = () => {
    setChased(null);
    setAsking(chaseMessage(shown.filter((a) => selected.has(a.id))));
  };
  const chase = async () => {
    setAsking(null);
    setChasing(true);
    setChaseError(null);
    setChased(null);
    try {
      const ids = [...selected];
      const r = await api<{ queued?: number; mails?: number; skipped?: { reason: string }[] }>(
        '/actions/chase',
        { method: 'POST', body: { actionIds: ids } },
      );
      const n = r.queued ?? ids.length;
      const skipped = r.skipped?.length ?? 0;
      setChased(
        `Chasers queued for ${n} action${n === 1 ? '' : 's'}${r.mails !== undefined ? ` in ${r.mails} mail${r.mails === 1 ? '' : 's'}` : ''}.${skipped ? ` ${skipped} skipped: ${[...new Set(r.skipped?.map((s) => s.reason))].join('; ')}.` : ''}`,
      );
      setSelected(new Set());
      actions.reload();
    } catch (e) {
      setChaseError(e);
    } finally {
      setChasing(false);
    }
  };

  return (
    <CoordinatorPage
      title="Actions"
      subtitle={
        meetingId ? 'Actions agreed at this meeting.' : 'Every action in the area, newest first.'
      }
    >
      <div className="no-print">
        <Section title="Filters">
          <div className={styles.filters}>
            <Field label="Agency" className={styles.field}>
              <Select
                className={styles.select}
                value={agencyId}
                onChange={(_e, d) => setAgencyId(d.value)}
              >
                <option value="">All agencies</option>
                {agencies.data?.agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Status" className={styles.field}>
              <Select value={state} onChange={(_e, d) => setState(d.value)}>
                {STATES.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
            <Checkbox
              label="Overdue only"
              checked={overdueOnly}
              onChange={(_e, d) => setOverdueOnly(Boolean(d.checked))}
            />
          </div>
        </Section>
      </div>
      <Section
        title="Actions"
        actions={
          <div className={styles.filters}>
            <ExportButtons
              path={meetingId ? `/exports/actions?meetingId=${meetingId}` : '/exports/actions'}
              fileName={meetingId ? 'meeting-action-register' : 'action-register'}
              what="the action register"
            />
            <Button
              className="no-print"
              appearance="primary"
              disabled={selected.size === 0 || chasing}
              onClick={askChase}
            >
              Chase selected ({selected.size})
            </Button>
          </div>
        }
      >
        {asking && (
          <ConfirmSend
            label="Chase the selected actions"
            message={asking}
            confirmLabel="Send chasers"
            busy={chasing}
            onConfirm={() => void chase()}
            onCancel={() => setAsking(null)}
          />
        )}
        {chasing && <Progress bar label="Sending chasers…" />}
        {chased && <Notice intent="success">{chased}</Notice>}
        {chaseError !== null && <ErrorBanner error={chaseError} />}
        <Loaded state={actions} label="Loading actions…">
          {() =>
            shown.length === 0 ? (
              <EmptyState title="No actions match">
                Actions appear here once the chair confirms them in a meeting. Change the filters to
                see more.
              </EmptyState>
            ) : (
              <ActionTable
                label="Actions"
                actions={shown}
                rowActions={(a) => (
                  <Button size="small" className="no-print" onClick={() => setChasing1(a)}>
                    Chasing {a.reference}
                  </Button>
                )}
                selected={selected}
                onToggle={(id, on) =>
                  setSelected((s) => {
                    const next = new Set(s);
                    if (on) next.add(id);
                    else next.delete(id);
                    return next;
                  })
                }
              />
            )
          }
        </Loaded>
      </Section>
      <ChaseReplies onChanged={() => actions.reload()} />
      <BlockedChasers />
      {chasing1 && (
        <ChaseDialog
          action={chasing1}
          onClose={(changed) => {
            setChasing1(null);
            if (changed) actions.reload();
          }}
        />
      )}
    </CoordinatorPage>
  );
}

/** Circulating the case list and who it went to, with each delivery's state. */
import { Body1, Button } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import type { CirculationView, MeetingDetail } from '../../../api/types.js';
import { useApi } from '../../../api/use-api.js';
import {
  EmptyState,
  ErrorBanner,
  formatDateTime,
  formatDay,
  Loaded,
  Notice,
  Progress,
  Section,
} from '../../../shell/components.js';
import { LiveIndicator, useLive } from '../../../shell/use-live.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { circulationMessage, ConfirmSend } from '../../common/confirm-send.js';
import { DataTable } from '../../common/data-table.js';
import { daysBetween, localDay } from '../../home/to-do.js';

export function CirculationSection(props: {
  meetingId: string;
  timeZone: string;
  onCirculated: () => void;
}) {
  // Live: deliveries and openings arrive while the page is open.
  const status = useLive<CirculationView>(`/meetings/${props.meetingId}/circulation`);
  const detail = useApi<MeetingDetail>(`/meetings/${props.meetingId}`);
  const { busy, error, run } = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const ask = () => {
    const due = status.data?.circulationDueOn ?? null;
    const today = localDay(new Date(), props.timeZone);
    setDone(null);
    setAsking(
      circulationMessage({
        invitees: detail.data?.invitees ?? [],
        daysEarly: due ? daysBetween(today, due) : null,
      }),
    );
  };
  const circulate = async () => {
    setAsking(null);
    setDone(null);
    await run(async () => {
      const r = await api<{
        circulation: { kind: string; caseCount: number; queued: number; blocked: number } | null;
      }>(`/meetings/${props.meetingId}/circulation`, { method: 'POST', body: {} });
      setDone(
        r.circulation
          ? `${r.circulation.kind === 'addendum' ? 'Addendum' : 'Case list'} circulated: ${r.circulation.caseCount} cases, ${r.circulation.queued} notices queued${r.circulation.blocked ? `, ${r.circulation.blocked} blocked by the allow-list` : ''}.`
          : 'Nothing new to circulate: everyone already has the current case list.',
      );
      status.refresh();
      props.onCirculated();
    });
  };
  return (
    <Section
      title="Circulation"
      actions={
        <Button appearance="primary" disabled={busy || asking !== null} onClick={ask}>
          Circulate now
        </Button>
      }
    >
      <Body1>
        Each invited person gets a notice with a link into the tab (no names in it); this shows who
        has opened the case list.
      </Body1>
      {asking && (
        <ConfirmSend
          label="Circulate the case list"
          message={asking}
          confirmLabel="Circulate"
          busy={busy}
          onConfirm={() => void circulate()}
          onCancel={() => setAsking(null)}
        />
      )}
      {busy && <Progress bar label="Circulating the case list…" />}
      <LiveIndicator state={status} />
      {done && <Notice intent="success">{done}</Notice>}
      {error !== null && <ErrorBanner error={error} />}
      <Loaded
        state={{ ...status, loading: !status.data, reload: status.refresh }}
        label="Loading circulation status…"
      >
        {(s) =>
          s.circulations.length === 0 ? (
            <EmptyState title="Not circulated yet">
              {s.circulationDueOn
                ? `It goes out automatically on ${formatDay(s.circulationDueOn)}, or choose Circulate now.`
                : 'Choose Circulate now when the agenda is ready.'}
            </EmptyState>
          ) : (
            <>
              {s.circulations.map((c) => {
                const opened = c.recipients.filter((r) => r.opened).length;
                return (
                  <div key={c.id}>
                    <Section
                      level={3}
                      title={`${c.kind === 'addendum' ? 'Addendum' : 'Case list'} of ${formatDateTime(c.circulatedAt, props.timeZone)}: ${c.caseCount} cases, opened by ${opened} of ${c.recipients.length}`}
                    >
                      <RecipientTable circulation={c} timeZone={props.timeZone} />
                    </Section>
                  </div>
                );
              })}
            </>
          )
        }
      </Loaded>
    </Section>
  );
}

const DELIVERY_LABEL: Record<string, string> = {
  opened: 'Opened',
  'not-opened': 'Sent, not opened',
  queued: 'Queued',
  failed: 'Failed',
  blocked: 'Blocked (not on the allow-list)',
};

function RecipientTable(props: {
  circulation: CirculationView['circulations'][number];
  timeZone: string;
}) {
  return (
    <DataTable
      label="Recipients"
      rows={props.circulation.recipients}
      rowKey={(r) => r.personId}
      columns={[
        { header: 'Recipient', cell: (r) => r.displayName },
        { header: 'Agency', cell: (r) => r.agencyName ?? '—' },
        { header: 'Status', cell: (r) => DELIVERY_LABEL[r.status] ?? r.status },
        {
          header: 'First opened',
          cell: (r) => (r.firstOpenedAt ? formatDateTime(r.firstOpenedAt, props.timeZone) : '—'),
        },
      ]}
    />
  );
}

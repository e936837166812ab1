/** The case list of one meeting, my agency's cases first, one card per case. */
import { Badge, Body1, Caption1, Card, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { CaseListItem, CaseListView } from '../../api/types.js';
import { RISK_LABEL } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { EmptyState, formatDay, formatTime, Loaded, Section } from '../../shell/components.js';
import type { Me } from '../../shell/session.js';
import { useStyles } from './styles.js';

function involvesMe(item: CaseListItem, me: Me): boolean {
  if (!me.agency) return false;
  return (
    item.referringAgency?.id === me.agency.id ||
    item.agenciesInvolved.some((a) => a.id === me.agency?.id)
  );
}

export function CaseList({
  meetingId,
  me,
  after,
}: {
  meetingId: string;
  me: Me;
  /** What follows the list and needs its cases (a representative's move requests). */
  after?: (items: readonly CaseListItem[]) => ReactNode;
}) {
  const styles = useStyles();
  const list = useApi<CaseListView>(`/meetings/${meetingId}/case-list`);
  return (
    <>
      <Loaded state={list} label="Loading the case list…">
        {(d) => {
          const mine = d.items.filter((i) => involvesMe(i, me));
          return (
            <>
              {me.agency && (
                <Section title="When to join for your agency's cases">
                  {mine.length === 0 ? (
                    <EmptyState title={`No cases list ${me.agency.name}`}>
                      Your agency is not named on any case; join for the opening if you are asked
                      to.
                    </EmptyState>
                  ) : (
                    <ul className={styles.list} aria-label="Join times">
                      {mine.map((i) => (
                        <li key={i.agendaItemId}>
                          Case {i.position}, {i.caseNumber}: join at{' '}
                          <strong>{formatTime(i.plannedStart, me.area.timeZone)}</strong> (
                          {i.plannedMinutes} minutes)
                        </li>
                      ))}
                    </ul>
                  )}
                </Section>
              )}
              <Section title={`Case list (${d.items.length} cases)`}>
                <Caption1>
                  Confidential. Do not copy, forward or print. Viewing is recorded.
                </Caption1>
                {d.items.length === 0 ? (
                  <EmptyState title="No cases on this meeting's list yet">
                    The coordinator adds cases before the list is circulated.
                  </EmptyState>
                ) : (
                  <ol className={styles.cases} aria-label="Cases">
                    {d.items.map((i) => (
                      <CaseCard key={i.agendaItemId} item={i} mine={involvesMe(i, me)} me={me} />
                    ))}
                  </ol>
                )}
              </Section>
              {after?.(d.items)}
            </>
          );
        }}
      </Loaded>
    </>
  );
}

export function CaseCard(props: { item: CaseListItem; mine: boolean; me: Me }) {
  const styles = useStyles();
  const i = props.item;
  return (
    <li data-print-case>
      <Card className={`${styles.caseCard} ${props.mine ? styles.mine : ''}`}>
        <div className={styles.row}>
          <Subtitle2 as="h3">
            {i.position}. {i.caseNumber}
          </Subtitle2>
          <Badge appearance="tint" color={i.riskLevel === 'very-high' ? 'danger' : 'warning'}>
            {RISK_LABEL[i.riskLevel] ?? i.riskLevel} risk
            {i.riskScore !== null ? ` (${i.riskScore})` : ''}
          </Badge>
          {i.isRepeat && <Badge appearance="outline">Repeat ×{i.repeatCount}</Badge>}
          {i.isClosedSession && (
            <Badge appearance="outline" color="important">
              Closed session
            </Badge>
          )}
          {props.mine && (
            <Badge appearance="filled" color="success">
              Your agency
            </Badge>
          )}
        </div>
        <dl className={styles.facts}>
          <dt className={styles.dt}>Planned</dt>
          <dd className={styles.dd}>
            {formatTime(i.plannedStart, props.me.area.timeZone)}, {i.plannedMinutes} minutes
          </dd>
          <dt className={styles.dt}>Referred by</dt>
          <dd className={styles.dd}>
            {i.referringAgency?.name ?? '—'}
            {i.referredOn ? ` on ${formatDay(i.referredOn)}` : ''}
          </dd>
          <dt className={styles.dt}>Agencies involved</dt>
          <dd className={styles.dd}>{i.agenciesInvolved.map((a) => a.name).join(', ') || '—'}</dd>
          {i.subjects.map((s, n) => (
            <div key={n} style={{ display: 'contents' }}>
              <dt className={styles.dt}>{s.kind[0]?.toUpperCase() + s.kind.slice(1)}</dt>
              <dd className={styles.dd}>
                {s.fullName}
                {s.dateOfBirth ? `, born ${formatDay(s.dateOfBirth)}` : ''}
                {s.address ? `, ${s.address}` : ''}
              </dd>
            </div>
          ))}
          <dt className={styles.dt}>Children</dt>
          <dd className={styles.dd}>{i.childrenCount}</dd>
        </dl>
        {i.summary && <Body1>{i.summary}</Body1>}
      </Card>
    </li>
  );
}

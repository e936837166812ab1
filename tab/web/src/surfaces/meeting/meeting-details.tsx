/**
 * The meeting details tab (issue 7): the case list for the people entitled to it, shown only
 * after the confidentiality declaration (FR-046; the API refuses the list before it too),
 * research status per agency, and when to join for my agency's cases.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Link,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { api, ApiError } from '../../api/client.js';
import type { CaseListItem, CaseListView, MeetingDetail, MeetingSummary } from '../../api/types.js';
import { RISK_LABEL } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import {
  EmptyState,
  ErrorBanner,
  formatDateTime,
  formatDay,
  formatTime,
  Loaded,
  NotAvailable,
  PageLayout,
  Progress,
  Section,
} from '../../shell/components.js';
import { RouteLink, useLocation } from '../../shell/router.js';
import { useMe, WhoAmI, type Me } from '../../shell/session.js';
import { DataTable } from '../common/data-table.js';

const useStyles = makeStyles({
  statement: {
    whiteSpace: 'pre-wrap',
    padding: tokens.spacingVerticalM,
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  cases: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    listStyleType: 'none',
    padding: 0,
    margin: 0,
  },
  caseCard: { display: 'grid', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalM },
  mine: { borderLeft: `4px solid ${tokens.colorPaletteGreenBorder2}` },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0 },
  list: { margin: 0, paddingLeft: '1.2em' },
});

export default function MeetingDetails() {
  const { query } = useLocation();
  const meetingId = query.get('meetingId');
  return meetingId ? <Meeting meetingId={meetingId} /> : <ChooseMeeting />;
}

/** No meeting in the address (e.g. opened from the app bar): pick one of mine. */
function ChooseMeeting() {
  const me = useMe();
  const meetings = useApi<{ meetings: MeetingSummary[] }>('/meetings');
  const now = Date.now();
  return (
    <PageLayout title="Meeting details" actions={<WhoAmI />}>
      <Section title="Your meetings">
        <Loaded state={meetings} label="Loading your meetings…">
          {(d) => {
            const mine = d.meetings.filter(
              (m) => m.status !== 'cancelled' && new Date(m.scheduledEnd).getTime() > now,
            );
            return mine.length === 0 ? (
              <EmptyState title="No upcoming meetings">
                When you are invited to a MARAC it appears here.
              </EmptyState>
            ) : (
              <ul>
                {mine.map((m) => (
                  <li key={m.id}>
                    <RouteLink to={`/tab/meeting?meetingId=${m.id}`}>{m.title}</RouteLink>,{' '}
                    {formatDateTime(m.scheduledStart, me.area.timeZone)}
                    {m.invited ? '' : ' (you are not invited)'}
                  </li>
                ))}
              </ul>
            );
          }}
        </Loaded>
      </Section>
    </PageLayout>
  );
}

interface Declaration {
  meetingId: string;
  accepted: boolean;
  statement: string;
}

function Meeting({ meetingId }: { meetingId: string }) {
  const me = useMe();
  const detail = useApi<MeetingDetail>(`/meetings/${meetingId}`);
  const declaration = useApi<Declaration>(`/meetings/${meetingId}/declaration`);
  const m = detail.data?.meeting;
  return (
    <PageLayout title={m?.title ?? 'Meeting details'} actions={<WhoAmI />}>
      <Loaded state={detail} label="Loading the meeting…">
        {(d) => (
          <Body1>
            {formatDateTime(d.meeting.scheduledStart, me.area.timeZone)} to{' '}
            {formatTime(d.meeting.scheduledEnd, me.area.timeZone)}.{' '}
            {d.meeting.joinUrl && (
              <Link href={d.meeting.joinUrl} target="_blank" rel="noreferrer">
                Join the meeting in Teams
              </Link>
            )}
          </Body1>
        )}
      </Loaded>
      {declaration.loading && <Progress label="Checking you may see the case list…" />}
      {declaration.error !== null && <NoCaseList error={declaration.error} />}
      {declaration.data && !declaration.data.accepted && (
        <DeclarationPrompt declaration={declaration.data} onAccepted={declaration.reload} />
      )}
      {declaration.data?.accepted && <CaseList meetingId={meetingId} me={me} />}
      {declaration.data?.accepted && <ResearchStatus meetingId={meetingId} />}
    </PageLayout>
  );
}

/** Not entitled (uninvited agency, no signatory, role without case access): say why, show nothing. */
function NoCaseList({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 403)
    return (
      <Section title="Case list">
        <EmptyState title="You cannot see this meeting's case list">
          {error.message} If you think you should, ask the MARAC coordinator.
        </EmptyState>
      </Section>
    );
  return <ErrorBanner error={error} />;
}

function DeclarationPrompt(props: { declaration: Declaration; onAccepted: () => void }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/meetings/${props.declaration.meetingId}/declaration`, {
        method: 'POST',
        body: {},
      });
      props.onAccepted();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Section title="Confidentiality declaration">
      <Body1>Read and accept this before the case list is shown.</Body1>
      <Body1 as="p" className={styles.statement}>
        {props.declaration.statement}
      </Body1>
      <div>
        <Button appearance="primary" onClick={() => void accept()} disabled={busy}>
          I accept the confidentiality declaration
        </Button>
      </div>
      {busy && <Progress label="Recording your declaration…" />}
      {error !== null && <ErrorBanner error={error} />}
    </Section>
  );
}

function involvesMe(item: CaseListItem, me: Me): boolean {
  if (!me.agency) return false;
  return (
    item.referringAgency?.id === me.agency.id ||
    item.agenciesInvolved.some((a) => a.id === me.agency?.id)
  );
}

function CaseList({ meetingId, me }: { meetingId: string; me: Me }) {
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
            </>
          );
        }}
      </Loaded>
    </>
  );
}

function CaseCard(props: { item: CaseListItem; mine: boolean; me: Me }) {
  const styles = useStyles();
  const i = props.item;
  return (
    <li>
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

interface ResearchStatusView {
  cases: number;
  agencies: {
    agencyId: string;
    name: string;
    submitted: number;
    nilReturns: number;
    missing: number;
  }[];
}

/** FR-038: research status per invited agency (counts only) for the cases I may see. */
function ResearchStatus({ meetingId }: { meetingId: string }) {
  const research = useApi<ResearchStatusView>(`/meetings/${meetingId}/research`);
  return (
    <Section title="Research status by agency">
      {research.error instanceof ApiError && research.error.notAvailable ? (
        <NotAvailable what="Research status" />
      ) : (
        <Loaded state={research} label="Loading research status…">
          {(d) =>
            d.agencies.length === 0 ? (
              <EmptyState title="No agencies invited yet" />
            ) : (
              <DataTable
                label="Research status by agency"
                rows={d.agencies}
                rowKey={(a) => a.agencyId}
                columns={[
                  { header: 'Agency', cell: (a) => a.name },
                  { header: 'Submitted', cell: (a) => a.submitted },
                  { header: 'Nil returns', cell: (a) => a.nilReturns },
                  { header: <>Missing (of {d.cases})</>, cell: (a) => a.missing },
                ]}
              />
            )
          }
        </Loaded>
      )}
    </Section>
  );
}

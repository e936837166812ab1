/**
 * FR-038, FR-039, FR-040: my agency's research for the cases of this meeting it is involved
 * in. For each case: information to share (what, why, any restrictions, the date), a nil
 * return, no involvement, or a written submission when nobody can attend. The text is shown
 * only here and is destroyed after the meeting.
 */
import {
  Badge,
  Body1,
  Button,
  Card,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import { api, ApiError } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import {
  EmptyState,
  ErrorBanner,
  formatDateTime,
  formatDay,
  Loaded,
  Notice,
  Section,
} from '../../shell/components.js';
import { useSubmit } from '../../shell/use-submit.js';
import { useStyles } from './styles.js';

export type ResearchStatusValue =
  'submitted' | 'nil-return' | 'no-involvement' | 'written-submission';

export const RESEARCH_LABEL: Record<ResearchStatusValue | 'missing', string> = {
  submitted: 'Information returned',
  'nil-return': 'Nil return',
  'no-involvement': 'No involvement',
  'written-submission': 'Written submission',
  missing: 'Missing',
};

export const RESEARCH_BADGE: Record<
  ResearchStatusValue | 'missing',
  'success' | 'informative' | 'subtle' | 'brand' | 'danger'
> = {
  submitted: 'success',
  'nil-return': 'informative',
  'no-involvement': 'subtle',
  'written-submission': 'brand',
  missing: 'danger',
};

export interface ResearchReturnView {
  status: ResearchStatusValue;
  information: string | null;
  reason: string | null;
  restrictions: string | null;
  researchedOn: string | null;
  submittedAt: string;
  updatedAt: string | null;
  destroyed: boolean;
}

interface MyResearch {
  deadline: string;
  open: boolean;
  cases: {
    agendaItemId: string;
    caseNumber: string;
    position: number;
    riskLevel: string;
    isClosedSession: boolean;
    return: ResearchReturnView | null;
    writtenSubmissions: (ResearchReturnView & { agencyId: string; agencyName: string | null })[];
  }[];
}

const CHOICES: [ResearchStatusValue, string][] = [
  ['submitted', 'We are involved and have information to share'],
  ['nil-return', 'Nil return: we hold nothing to share'],
  ['no-involvement', 'No involvement with this family'],
  ['written-submission', 'Written submission: nobody from our agency can attend'],
];

export function ResearchReturns({ meetingId, timeZone }: { meetingId: string; timeZone: string }) {
  const mine = useApi<MyResearch>(`/meetings/${meetingId}/research/mine`);
  const styles = useStyles();
  return (
    <Section title="My agency’s research">
      {mine.error instanceof ApiError && mine.error.status === 403 ? (
        <EmptyState title="No research to return here">{mine.error.message}</EmptyState>
      ) : (
        <Loaded state={mine} label="Loading your agency’s cases…">
          {(d) => (
            <>
              <Body1>
                Due by {formatDateTime(d.deadline, timeZone)}. Research is shown only in this app
                and is destroyed after the meeting.
              </Body1>
              {!d.open && (
                <Notice intent="info">This meeting is over: research is no longer taken.</Notice>
              )}
              {d.cases.length === 0 ? (
                <EmptyState title="Your agency is not listed on any case of this meeting" />
              ) : (
                <ul className={styles.cases} aria-label="Research returns by case">
                  {d.cases.map((c) => (
                    <li key={c.agendaItemId}>
                      <CaseReturn
                        meetingId={meetingId}
                        item={c}
                        open={d.open}
                        onSaved={mine.reload}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </Loaded>
      )}
    </Section>
  );
}

function messageFor(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problems.find((p) => p.path === path)?.message;
}

function CaseReturn(props: {
  meetingId: string;
  item: MyResearch['cases'][number];
  open: boolean;
  onSaved: () => void;
}) {
  const { item } = props;
  const styles = useStyles();
  const r = item.return;
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<ResearchStatusValue>(r?.status ?? 'submitted');
  const [information, setInformation] = useState(r?.information ?? '');
  const [reason, setReason] = useState(r?.reason ?? '');
  const [restrictions, setRestrictions] = useState(r?.restrictions ?? '');
  const [researchedOn, setResearchedOn] = useState(r?.researchedOn ?? '');
  const submit = useSubmit();
  const carriesText = status === 'submitted' || status === 'written-submission';
  const save = async () => {
    const saved = await submit.run(() =>
      api(`/meetings/${props.meetingId}/research/cases/${item.agendaItemId}`, {
        method: 'PUT',
        body: {
          status,
          ...(carriesText ? { information, reason, restrictions } : {}),
          ...(researchedOn ? { researchedOn } : {}),
        },
      }),
    );
    if (saved) {
      setEditing(false);
      props.onSaved();
    }
  };
  const field = (path: string) => {
    const message = messageFor(submit.error, path);
    return message ? { validationState: 'error' as const, validationMessage: message } : {};
  };
  const cell = r?.status ?? 'missing';
  return (
    <Card className={styles.caseCard} role="group" aria-label={`Case ${item.caseNumber}`}>
      <div className={styles.row}>
        <Text weight="semibold">
          {item.position}. Case {item.caseNumber}
        </Text>
        {item.isClosedSession && <Badge appearance="outline">Closed session</Badge>}
        <Badge appearance="filled" color={RESEARCH_BADGE[cell]}>
          {RESEARCH_LABEL[cell]}
        </Badge>
      </div>
      {r && !editing && (
        <dl className={styles.stacked}>
          {r.destroyed ? (
            <>
              <dt className={styles.dt}>Research</dt>
              <dd className={styles.dd}>Destroyed after the meeting</dd>
            </>
          ) : (
            <>
              {r.information && (
                <>
                  <dt className={styles.dt}>Information</dt>
                  <dd className={`${styles.dd} ${styles.prewrap}`}>{r.information}</dd>
                </>
              )}
              {r.reason && (
                <>
                  <dt className={styles.dt}>Why shared</dt>
                  <dd className={styles.dd}>{r.reason}</dd>
                </>
              )}
              {r.restrictions && (
                <>
                  <dt className={styles.dt}>Restrictions</dt>
                  <dd className={styles.dd}>{r.restrictions}</dd>
                </>
              )}
            </>
          )}
          <dt className={styles.dt}>Researched on</dt>
          <dd className={styles.dd}>{formatDay(r.researchedOn)}</dd>
        </dl>
      )}
      {item.writtenSubmissions.length > 0 && (
        <dl
          className={styles.stacked}
          aria-label={`Written submissions for case ${item.caseNumber}`}
        >
          {item.writtenSubmissions.map((w) => (
            <div key={w.agencyId} className={styles.contents}>
              <dt className={styles.dt}>Written submission from {w.agencyName ?? 'an agency'}</dt>
              <dd className={`${styles.dd} ${styles.prewrap}`}>
                {[w.information, w.restrictions && `Restrictions: ${w.restrictions}`]
                  .filter(Boolean)
                  .join('\n')}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {props.open && !editing && (
        <div className={styles.row}>
          <Button onClick={() => setEditing(true)}>
            {r ? 'Change the return' : 'Return research'}
          </Button>
        </div>
      )}
      {editing && (
        <form
          noValidate
          aria-label={`Research return for case ${item.caseNumber}`}
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label="What is your agency returning?" required {...field('status')}>
            <RadioGroup
              value={status}
              onChange={(_e, d) => setStatus(d.value as ResearchStatusValue)}
            >
              {CHOICES.map(([value, label]) => (
                <Radio key={value} value={value} label={label} />
              ))}
            </RadioGroup>
          </Field>
          {carriesText && (
            <>
              <Field
                label="Information your agency holds"
                hint="Say which is fact and which is opinion, and where it comes from."
                required
                {...field('information')}
              >
                <Textarea
                  value={information}
                  onChange={(_e, d) => setInformation(d.value)}
                  resize="vertical"
                  rows={5}
                />
              </Field>
              <Field label="Why it is being shared" required {...field('reason')}>
                <Input value={reason} onChange={(_e, d) => setReason(d.value)} />
              </Field>
              <Field
                label="Restrictions on its use (optional)"
                hint="For example: not to be disclosed to the perpetrator."
                {...field('restrictions')}
              >
                <Input value={restrictions} onChange={(_e, d) => setRestrictions(d.value)} />
              </Field>
            </>
          )}
          <Field
            label="Date of the research"
            hint="Leave empty for today."
            {...field('researchedOn')}
          >
            <Input
              type="date"
              value={researchedOn}
              onChange={(_e, d) => setResearchedOn(d.value)}
            />
          </Field>
          {submit.error !== null && <ErrorBanner error={submit.error} />}
          <div className={styles.row}>
            <Button appearance="primary" type="submit" disabled={submit.busy}>
              {submit.busy ? 'Saving…' : 'Save the return'}
            </Button>
            <Button onClick={() => setEditing(false)} disabled={submit.busy}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {submit.done && !editing && <Notice intent="success">Return saved.</Notice>}
    </Card>
  );
}

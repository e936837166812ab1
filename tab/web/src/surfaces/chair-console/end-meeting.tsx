/**
 * Ending the meeting from the chair console. With cases not yet heard, the chair says for each
 * whether it is carried forward to the next meeting or not heard (with the reason); the service
 * stores every decision with the end, or nothing. After the end: what happened to each case.
 */
import { Button, Field, Radio, RadioGroup, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { Notice, Section } from '../../shell/components.js';
import type { RunAgendaItem, RunView } from './types.js';
import { useStyles } from './styles.js';

type Outcome = 'carried-forward' | 'not-heard';

export function EndMeeting(props: {
  run: RunView;
  busy: string | null;
  /** The failure of the last change (its field problems are shown next to each case). */
  failure: unknown;
  onEnd: (
    decisions: { agendaItemId: string; outcome: Outcome; reason: string | null }[],
  ) => Promise<boolean>;
}) {
  const styles = useStyles();
  const { run } = props;
  const [open, setOpen] = useState(false);
  const [choices, setChoices] = useState<Record<string, { outcome?: Outcome; reason: string }>>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());

  if (run.status === 'ended') {
    const carried = run.agenda.filter((i) => i.unheard?.outcome === 'carried-forward').length;
    const notHeard = run.agenda.filter((i) => i.unheard?.outcome === 'not-heard').length;
    const heard = run.agenda.filter((i) => i.state === 'closed').length;
    return (
      <Section title="Meeting ended">
        <Text>
          {heard} heard
          {carried > 0 && `, ${carried} carried forward to the next meeting`}
          {notHeard > 0 && `, ${notHeard} not heard`}.
        </Text>
      </Section>
    );
  }
  if (run.status !== 'in-progress') return null;

  const current = run.agenda.find((i) => i.state === 'current');
  const unheard = run.agenda.filter((i) => i.state === 'pending' && !i.unheard);
  const serverProblems = new Map<string, string>();
  if (props.failure instanceof ApiError)
    for (const p of props.failure.problems) {
      const m = /^unheard\.([0-9a-f-]{36})/i.exec(p.path ?? p.field ?? '');
      if (m?.[1]) serverProblems.set(m[1], p.message);
    }
  const ending = props.busy === 'end';

  const submit = async () => {
    const gaps = new Set(
      unheard
        .filter((i) => {
          const c = choices[i.agendaItemId];
          return !c?.outcome || (c.outcome === 'not-heard' && !c.reason.trim());
        })
        .map((i) => i.agendaItemId),
    );
    setMissing(gaps);
    if (gaps.size > 0) return;
    const ok = await props.onEnd(
      unheard.map((i) => {
        const c = choices[i.agendaItemId]!;
        return {
          agendaItemId: i.agendaItemId,
          outcome: c.outcome!,
          reason: c.reason.trim() || null,
        };
      }),
    );
    if (ok) setOpen(false);
  };

  const fieldError = (item: RunAgendaItem, part: 'outcome' | 'reason') => {
    const server = serverProblems.get(item.agendaItemId);
    if (server) return part === 'outcome' ? server : undefined;
    if (!missing.has(item.agendaItemId)) return undefined;
    const c = choices[item.agendaItemId];
    if (part === 'outcome' && !c?.outcome) return 'Choose: carry forward or not heard.';
    if (part === 'reason' && c?.outcome === 'not-heard' && !c.reason.trim())
      return 'Say why the case was not heard.';
    return undefined;
  };

  return (
    <Section title="End the meeting">
      {current && (
        <Notice intent="info">
          Case {current.position} ({current.caseReference}) is under discussion: close it before
          ending the meeting.
        </Notice>
      )}
      {!open && (
        <Button
          appearance="secondary"
          disabled={props.busy !== null || !!current}
          onClick={() => (unheard.length === 0 ? void props.onEnd([]) : setOpen(true))}
        >
          {unheard.length === 0
            ? ending
              ? 'Ending…'
              : 'End the meeting'
            : `End the meeting (${unheard.length} not heard)…`}
        </Button>
      )}
      {open && (
        <form
          className={styles.stack}
          aria-label="Cases not heard"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Text>
            {unheard.length === 1 ? 'One case has' : `${unheard.length} cases have`} not been heard.
            For each, carry it forward to the next meeting or record that it was not heard, and why.
          </Text>
          {unheard.length > 1 && (
            <div className={styles.row}>
              <Button
                appearance="secondary"
                size="small"
                disabled={!choices[unheard[0]!.agendaItemId]?.outcome}
                onClick={() => {
                  const first = choices[unheard[0]!.agendaItemId]!;
                  setChoices(Object.fromEntries(unheard.map((i) => [i.agendaItemId, first])));
                }}
              >
                Same as case {unheard[0]!.position} for all
              </Button>
            </div>
          )}
          {unheard.map((item) => {
            const c = choices[item.agendaItemId] ?? { reason: '' };
            const set = (next: Partial<typeof c>) =>
              setChoices((all) => ({ ...all, [item.agendaItemId]: { ...c, ...next } }));
            return (
              <fieldset key={item.agendaItemId} className={styles.decision}>
                <legend>
                  Case {item.position}: {item.caseReference}
                </legend>
                <Field
                  label="What happens to this case"
                  required
                  validationMessage={fieldError(item, 'outcome')}
                >
                  <RadioGroup
                    value={c.outcome ?? ''}
                    onChange={(_, d) => set({ outcome: d.value as Outcome })}
                  >
                    <Radio value="carried-forward" label="Carry forward to the next meeting" />
                    <Radio value="not-heard" label="Not heard" />
                  </RadioGroup>
                </Field>
                <Field
                  label={c.outcome === 'not-heard' ? 'Why it was not heard' : 'Reason (optional)'}
                  required={c.outcome === 'not-heard'}
                  validationMessage={fieldError(item, 'reason')}
                >
                  <Textarea
                    value={c.reason}
                    maxLength={500}
                    resize="vertical"
                    onChange={(_, d) => set({ reason: d.value })}
                  />
                </Field>
              </fieldset>
            );
          })}
          <div className={styles.row}>
            <Button type="submit" appearance="primary" disabled={props.busy !== null}>
              {ending ? 'Ending…' : 'End the meeting'}
            </Button>
            <Button appearance="secondary" onClick={() => setOpen(false)} disabled={ending}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

/** The reminder steps for actions: a small editable list (name, when, to whom). */
import { Button, Input, Select, Text } from '@fluentui/react-components';
import { messagesFor } from './labels.js';
import type { PolicyField } from './policy-fields.js';
import { useStyles } from './styles.js';

export interface LadderRow {
  step: string;
  offsetWorkingDays: string;
  recipients: string;
}

const RECIPIENTS: [string, string][] = [
  ['owner', 'The action’s owner'],
  ['owner-and-deputy', 'The owner and their deputy'],
  ['escalation-contact', 'The agency’s escalation contact'],
];

export function ChaseLadder(props: {
  field: PolicyField;
  rows: LadderRow[];
  onChange: (rows: LadderRow[]) => void;
  messages: string[];
  error: unknown;
}) {
  const styles = useStyles();
  const change = (i: number, key: keyof LadderRow, value: string) =>
    props.onChange(props.rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <fieldset className={styles.group}>
      <legend>{props.field.label}</legend>
      <Text size={200} className={styles.hint}>
        {props.field.help} Usually: {props.field.usual}.
      </Text>
      {props.rows.map((row, i) => {
        const problems = [
          ...messagesFor(props.error, `chaseLadder.${i}.step`),
          ...messagesFor(props.error, `chaseLadder.${i}.offsetWorkingDays`),
          ...messagesFor(props.error, `chaseLadder.${i}.recipients`),
        ];
        return (
          <div key={i} className={styles.ladderRow} role="group" aria-label={`Step ${i + 1}`}>
            <Input
              aria-label={`Step ${i + 1} name`}
              value={row.step}
              onChange={(_e, d) => change(i, 'step', d.value)}
            />
            <Input
              aria-label={`Step ${i + 1} working days from the due date`}
              inputMode="numeric"
              value={row.offsetWorkingDays}
              contentAfter={<span className={styles.unit}>working days</span>}
              onChange={(_e, d) => change(i, 'offsetWorkingDays', d.value)}
            />
            <Select
              aria-label={`Step ${i + 1} sent to`}
              value={row.recipients}
              onChange={(_e, d) => change(i, 'recipients', d.value)}
            >
              {RECIPIENTS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
            <Button
              aria-label={`Remove step ${i + 1}`}
              disabled={props.rows.length <= 1}
              onClick={() => props.onChange(props.rows.filter((_r, j) => j !== i))}
            >
              Remove
            </Button>
            {problems.length > 0 && <Text className={styles.error}>{problems.join(' ')}</Text>}
          </div>
        );
      })}
      {props.messages.length > 0 && props.rows.length === 0 && (
        <Text className={styles.error}>{props.messages.join(' ')}</Text>
      )}
      <div className={styles.buttons}>
        <Button
          onClick={() =>
            props.onChange([
              ...props.rows,
              { step: '', offsetWorkingDays: '0', recipients: 'owner' },
            ])
          }
        >
          Add a step
        </Button>
      </div>
    </fieldset>
  );
}

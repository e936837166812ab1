/** The opening checklist the chair ticks off before the first case. */
import { Caption1, Checkbox } from '@fluentui/react-components';
import { Section } from '../../shell/components.js';
import { CHECKLIST, type OpeningChecklist } from './types.js';

export function Checklist(props: {
  checklist: OpeningChecklist;
  busy: string | null;
  onChange: (item: keyof OpeningChecklist, done: boolean) => void;
}) {
  const done = CHECKLIST.filter((c) => props.checklist[c.item]).length;
  return (
    <Section
      title="Opening checklist"
      actions={<Caption1>{`${done} of ${CHECKLIST.length} done`}</Caption1>}
    >
      {CHECKLIST.map((c) => (
        <Checkbox
          key={c.item}
          label={c.label}
          checked={props.checklist[c.item]}
          disabled={props.busy !== null}
          onChange={(_e, d) => props.onChange(c.item, d.checked === true)}
        />
      ))}
    </Section>
  );
}

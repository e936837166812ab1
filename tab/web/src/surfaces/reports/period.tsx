import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Section } from '../../shell/components.js';

/** Months as 'YYYY-MM' (UTC), the unit both governance reports ask for. */
export const month = (d: Date) => d.toISOString().slice(0, 7);
export function addMonths(m: string, n: number): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return month(new Date(Date.UTC(y, mo - 1 + n, 1)));
}
/** The first instant of a month, for the report APIs' `from`/`to`. */
export const startOf = (m: string) => `${m}-01T00:00:00Z`;

export interface Period {
  from: string;
  to: string;
}

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
});

/**
 * The "Period" section of a report: two month inputs and Show. `asked` is the period last
 * shown; the report reloads when it changes (a new object, also on retry).
 */
export function usePeriod(initial: Period) {
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [asked, setAsked] = useState<Period>(initial);
  const valid = /^\d{4}-\d{2}$/.test(from) && /^\d{4}-\d{2}$/.test(to) && from <= to;
  return { from, setFrom, to, setTo, asked, setAsked, valid };
}

export function PeriodForm({
  period,
  toLabel,
}: {
  period: ReturnType<typeof usePeriod>;
  toLabel: string;
}) {
  const styles = useStyles();
  const { from, setFrom, to, setTo, setAsked, valid } = period;
  return (
    <Section title="Period">
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) setAsked({ from, to });
        }}
      >
        <Field
          label="From (month)"
          validationMessage={valid ? undefined : 'Use YYYY-MM, from not after to.'}
        >
          <Input type="month" value={from} onChange={(_e, d) => setFrom(d.value)} />
        </Field>
        <Field label={toLabel}>
          <Input type="month" value={to} onChange={(_e, d) => setTo(d.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={!valid}>
          Show
        </Button>
      </form>
    </Section>
  );
}

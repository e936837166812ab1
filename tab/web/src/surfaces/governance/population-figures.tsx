/**
 * The local population figures (GET and PUT /api/reports/population), for the coordinator: the
 * number of women aged 16 and over (for the recommended volume) and each characteristic's
 * percentage of the local population (for the equality profile), with where they come from.
 * An empty box is "not entered"; each problem is shown next to its box. Saving is audited.
 */
import { Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client.js';
import {
  ErrorBanner,
  formatDateTime,
  Notice,
  PageLayout,
  Progress,
  Section,
} from '../../shell/components.js';
import { RouteLink } from '../../shell/router.js';
import { RoleGate, WhoAmI } from '../../shell/session.js';
import { useSubmit } from '../../shell/use-submit.js';
// Type-only: nothing of core is bundled.
import type {
  PopulationCharacteristic,
  PopulationFigures,
} from '../../../../../core/reports/population.js';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 18rem), 1fr))',
    alignItems: 'start',
  },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    alignItems: 'center',
    marginBlockStart: tokens.spacingVerticalL,
  },
});

/** The boxes, in the order of the pack's equality table (labels as in core/reports/population.ts). */
const FIELDS: { key: PopulationCharacteristic; label: string; hint: string }[] = [
  {
    key: 'adult-women',
    label: 'Women aged 16 and over (number of people)',
    hint: 'SafeLives recommends 40 cases a year per 10,000 of them.',
  },
  { key: 'minoritised', label: 'Black, Asian or racially minoritised (%)', hint: '' },
  { key: 'ethnicity-asian', label: 'Asian or Asian British (%)', hint: '' },
  { key: 'ethnicity-black', label: 'Black, Black British, Caribbean or African (%)', hint: '' },
  { key: 'ethnicity-mixed', label: 'Mixed or multiple ethnic groups (%)', hint: '' },
  { key: 'ethnicity-white', label: 'White (%)', hint: '' },
  { key: 'ethnicity-other', label: 'Other ethnic group (%)', hint: '' },
  { key: 'lgbtq', label: 'Lesbian, gay, bisexual or trans (%)', hint: '' },
  { key: 'disabled', label: 'Disabled (%)', hint: '' },
  { key: 'male', label: 'Male (%)', hint: '' },
  { key: 'age-16-17', label: 'Aged 16 or 17 (%)', hint: '' },
  { key: 'age-65-plus', label: 'Aged 65 or over (%)', hint: '' },
];

export default function PopulationFiguresPage() {
  return (
    <RoleGate anyOf={['coordinator']} what="The local population figures">
      <PopulationForm />
    </RoleGate>
  );
}

function PopulationForm() {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<PopulationFigures | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [source, setSource] = useState('');
  const submit = useSubmit();

  const fill = (p: PopulationFigures) => {
    setLoaded(p);
    setValues(
      Object.fromEntries(
        FIELDS.map((f) => [f.key, p.figures[f.key] === null ? '' : String(p.figures[f.key])]),
      ),
    );
    setSource(p.source ?? '');
  };
  useEffect(() => {
    api<PopulationFigures>('/reports/population').then(fill, setError);
  }, []);

  const problem = (path: string) =>
    submit.error instanceof ApiError
      ? submit.error.problems.find((p) => p.path === path)?.message
      : undefined;

  const save = () =>
    submit.run(async () => {
      const figures = Object.fromEntries(
        FIELDS.map((f) => {
          const raw = (values[f.key] ?? '').trim().replace(/,/g, '').replace(/%$/, '');
          return [f.key, raw === '' ? null : Number.isNaN(Number(raw)) ? raw : Number(raw)];
        }),
      );
      const saved = await api<PopulationFigures>('/reports/population', {
        method: 'PUT',
        body: { figures, source: source.trim() === '' ? null : source.trim() },
      });
      fill(saved);
      return saved;
    });

  return (
    <PageLayout
      title="Local population figures"
      subtitle="The figures the steering group pack compares the cases heard with. Take them from the Census or your local needs assessment; leave a box empty if you do not have the figure."
      actions={<WhoAmI />}
    >
      {error !== null && <ErrorBanner error={error} />}
      {loaded === null && error === null && <Progress label="Loading the figures…" />}
      {loaded && (
        <Section title="Population figures">
          <form
            aria-label="Local population figures"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <div className={styles.form}>
              {FIELDS.map((f) => (
                <Field
                  key={f.key}
                  label={f.label}
                  hint={f.hint || undefined}
                  validationMessage={problem(`figures.${f.key}`)}
                >
                  <Input
                    inputMode="decimal"
                    value={values[f.key] ?? ''}
                    onChange={(_e, d) => setValues({ ...values, [f.key]: d.value })}
                  />
                </Field>
              ))}
              <Field
                label="Where the figures come from"
                hint="For example “Census 2021, local authority profile”."
                validationMessage={problem('source')}
              >
                <Input value={source} onChange={(_e, d) => setSource(d.value)} />
              </Field>
            </div>
            <div className={styles.actions}>
              <Button type="submit" appearance="primary" disabled={submit.busy}>
                Save the figures
              </Button>
              <RouteLink to="/reports/steering-pack">Back to the steering group pack</RouteLink>
            </div>
          </form>
          {submit.done && <Notice intent="success">The population figures are saved.</Notice>}
          {submit.error !== null &&
            !(submit.error instanceof ApiError && submit.error.problems.length > 0) && (
              <ErrorBanner error={submit.error} />
            )}
          {loaded.updatedAt && (
            <Caption1>Last changed {formatDateTime(loaded.updatedAt)}.</Caption1>
          )}
        </Section>
      )}
    </PageLayout>
  );
}

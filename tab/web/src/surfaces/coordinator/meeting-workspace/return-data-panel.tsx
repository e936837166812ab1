/**
 * The data the SafeLives return needs, per case on the agenda (FR-118): what the case-list
 * import brought, what is still missing, and a small form per case to correct it. "Not
 * collected" is its own answer, kept apart from "No" and 0. The option lists mirror
 * core/reports/case-return.ts (the web bundle imports no core values).
 */
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client.js';
import { useApi } from '../../../api/use-api.js';
import { EmptyState, Loaded, Section } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { DataTable } from '../../common/data-table.js';
import { FieldErrors } from '../../common/field-errors.js';

interface ReturnData {
  referralSource: string | null;
  victimMinoritised: boolean | null;
  victimEthnicity: string | null;
  victimLgbtq: boolean | null;
  victimDisabled: boolean | null;
  victimSex: string | null;
  victimAgeBand: string | null;
  harmerUnder18: boolean | null;
  childrenInHousehold: number | null;
}
interface Item {
  agendaItemId: string;
  caseReference: string;
  position: number;
  heard: boolean;
  repeat: boolean;
  data: ReturnData;
  missing: string[];
}

const REFERRAL_SOURCES: [string, string][] = [
  ['police', 'Police'],
  ['idva', 'IDVA service'],
  ['other-specialist-da', 'Other specialist domestic abuse service'],
  ['childrens-social-care', 'Children’s social care'],
  ['primary-care', 'Primary care (GP)'],
  ['secondary-care', 'Secondary care (hospital)'],
  ['mental-health', 'Mental health'],
  ['substance-misuse', 'Drug and alcohol services'],
  ['housing', 'Housing'],
  ['probation', 'Probation'],
  ['education', 'Education'],
  ['adult-social-care', 'Adult social care'],
  ['other-statutory', 'Other statutory agency'],
  ['other-voluntary', 'Other voluntary sector agency'],
];
const ETHNICITY: [string, string][] = [
  ['asian', 'Asian or Asian British'],
  ['black', 'Black, Black British, Caribbean or African'],
  ['mixed', 'Mixed or multiple ethnic groups'],
  ['white', 'White'],
  ['other', 'Other ethnic group'],
];
const SEX: [string, string][] = [
  ['female', 'Female'],
  ['male', 'Male'],
];
const AGE: [string, string][] = ['16-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'].map(
  (b) => [b, b === '65+' ? '65 and over' : b.replace('-', ' to ')],
);
const YES_NO: [string, string][] = [
  ['yes', 'Yes'],
  ['no', 'No'],
];
const NOT_COLLECTED = '';

const useStyles = makeStyles({
  fields: { display: 'grid', gap: tokens.spacingVerticalS },
});

export function ReturnDataSection({ meetingId }: { meetingId: string }) {
  const state = useApi<{ items: Item[] }>(`/meetings/${meetingId}/case-return`);
  const [editing, setEditing] = useState<Item | null>(null);
  return (
    <Section title="Data for the SafeLives return">
      <Body1>
        Referral source and the victim’s characteristics for each case, from the case-list import.
        Correct or complete them here; leave “Not collected” where the referral did not say.
      </Body1>
      <Loaded state={state} label="Loading the return data…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No cases to record data for yet" />
          ) : (
            <DataTable
              label="Data for the SafeLives return"
              rows={items}
              rowKey={(i) => i.agendaItemId}
              columns={[
                { header: 'Case', cell: (i) => i.caseReference },
                {
                  header: 'Referred by',
                  cell: (i) => labelOf(REFERRAL_SOURCES, i.data.referralSource),
                },
                {
                  header: 'Still missing',
                  cell: (i) => (i.missing.length === 0 ? 'Complete' : i.missing.join(', ')),
                },
                {
                  header: 'Change',
                  cell: (i) => (
                    <Button size="small" onClick={() => setEditing(i)}>
                      Edit {i.caseReference}
                    </Button>
                  ),
                },
              ]}
            />
          )
        }
      </Loaded>
      {editing && (
        <EditDialog
          meetingId={meetingId}
          item={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) state.reload();
          }}
        />
      )}
    </Section>
  );
}

function labelOf(options: [string, string][], value: string | null): string {
  return value === null ? 'Not collected' : (options.find(([v]) => v === value)?.[1] ?? value);
}

const fromBool = (v: boolean | null) => (v === null ? NOT_COLLECTED : v ? 'yes' : 'no');
const toBool = (v: string) => (v === NOT_COLLECTED ? null : v === 'yes');
const toText = (v: string) => (v === NOT_COLLECTED ? null : v);

function EditDialog(props: { meetingId: string; item: Item; onClose: (saved: boolean) => void }) {
  const d = props.item.data;
  const [form, setForm] = useState({
    referralSource: d.referralSource ?? NOT_COLLECTED,
    victimMinoritised: fromBool(d.victimMinoritised),
    victimEthnicity: d.victimEthnicity ?? NOT_COLLECTED,
    victimLgbtq: fromBool(d.victimLgbtq),
    victimDisabled: fromBool(d.victimDisabled),
    victimSex: d.victimSex ?? NOT_COLLECTED,
    victimAgeBand: d.victimAgeBand ?? NOT_COLLECTED,
    harmerUnder18: fromBool(d.harmerUnder18),
    childrenInHousehold:
      d.childrenInHousehold === null ? NOT_COLLECTED : String(d.childrenInHousehold),
    repeat: props.item.repeat ? 'yes' : 'no',
  });
  const submit = useSubmit();
  const set = (key: keyof typeof form) => (_e: unknown, data: { value: string }) =>
    setForm((f) => ({ ...f, [key]: data.value }));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const done = await submit.run(() =>
      api(`/meetings/${props.meetingId}/case-return/${props.item.agendaItemId}`, {
        method: 'PUT',
        body: {
          referralSource: toText(form.referralSource),
          victimMinoritised: toBool(form.victimMinoritised),
          victimEthnicity: toText(form.victimEthnicity),
          victimLgbtq: toBool(form.victimLgbtq),
          victimDisabled: toBool(form.victimDisabled),
          victimSex: toText(form.victimSex),
          victimAgeBand: toText(form.victimAgeBand),
          harmerUnder18: toBool(form.harmerUnder18),
          childrenInHousehold:
            form.childrenInHousehold === NOT_COLLECTED ? null : Number(form.childrenInHousehold),
          repeat: form.repeat === 'yes',
        },
      }),
    );
    if (done !== undefined) props.onClose(true);
  };
  const choice = (
    label: string,
    key: keyof typeof form,
    options: [string, string][],
    blank = true,
  ) => (
    <Field label={label}>
      <Select value={form[key]} onChange={set(key)}>
        {blank && <option value={NOT_COLLECTED}>Not collected</option>}
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </Field>
  );
  const children: [string, string][] = Array.from({ length: 31 }, (_x, n) => [
    String(n),
    n === 0 ? 'None' : String(n),
  ]);
  const styles = useStyles();
  return (
    <Dialog open onOpenChange={(_e, s) => !s.open && props.onClose(false)}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={(e) => void save(e)}>
          <DialogBody>
            <DialogTitle>Return data for {props.item.caseReference}</DialogTitle>
            <DialogContent className={styles.fields}>
              {choice('Referred by', 'referralSource', REFERRAL_SOURCES)}
              {choice('Repeat case', 'repeat', YES_NO, false)}
              {choice('Victim racially minoritised', 'victimMinoritised', YES_NO)}
              {choice('Victim’s ethnic group', 'victimEthnicity', ETHNICITY)}
              {choice('Victim LGBTQ+', 'victimLgbtq', YES_NO)}
              {choice('Victim disabled', 'victimDisabled', YES_NO)}
              {choice('Victim’s sex', 'victimSex', SEX)}
              {choice('Victim’s age', 'victimAgeBand', AGE)}
              {choice('Person harming is under 18', 'harmerUnder18', YES_NO)}
              {choice('Children in the household', 'childrenInHousehold', children)}
              <FieldErrors error={submit.error} />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={submit.busy}>
                Save
              </Button>
              <Button onClick={() => props.onClose(false)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

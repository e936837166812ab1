/**
 * Changing one agency: its details and signatory record, approving an applying agency,
 * nominating its representative and deputy, and withdrawing it with the confirmation that
 * the MARAC information it held was destroyed or returned.
 */
import { Button, Field, Radio, RadioGroup, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../../api/client.js';
import type { Person } from '../../../api/types.js';
import { ErrorBanner, formatDay, Notice } from '../../../shell/components.js';
import { useSubmit } from '../../../shell/use-submit.js';
import { type AdminAgency, AgencyFields, agencyBody, agencyValues } from './agency-fields.js';
import { fieldState } from './labels.js';
import { useStyles } from './styles.js';
import { DateInput } from '../../common/date-inputs.js';

export function AgencyEditor(props: {
  agency: AdminAgency;
  people: Person[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const a = props.agency;
  const [form, setForm] = useState(() => agencyValues(a));
  const save = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: Partial<ReturnType<typeof agencyBody>> = agencyBody(form);
    if (a.membershipStatus === 'withdrawn') delete body.membershipStatus;
    await save.run(async () => {
      await api(`/area/agencies/${a.id}`, { method: 'PATCH', body });
      props.onSaved();
    });
  };
  return (
    <section aria-label={`Change ${a.name}`} className={styles.panel}>
      <form onSubmit={submit} aria-label={`Details of ${a.name}`}>
        <Text block weight="semibold">
          {a.name}
        </Text>
        <AgencyFields
          values={form}
          onChange={setForm}
          error={save.error}
          withdrawn={a.membershipStatus === 'withdrawn'}
        />
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabled={save.busy}>
            Save changes
          </Button>
          <Button appearance="subtle" onClick={props.onClose}>
            Close
          </Button>
        </div>
        {save.done && <Notice intent="success">Changes saved.</Notice>}
        {save.error ? <ErrorBanner error={save.error} /> : null}
      </form>
      {a.membershipStatus === 'applied' && <Approve agency={a} onSaved={props.onSaved} />}
      {a.membershipStatus !== 'withdrawn' && (
        <Nominations agency={a} people={props.people} onSaved={props.onSaved} />
      )}
      {a.membershipStatus === 'withdrawn' ? (
        <Text block>
          Withdrawn. The agency confirmed on {formatDay(a.withdrawalDataConfirmedOn)} that the MARAC
          information it held was{' '}
          {a.withdrawalDataOutcome === 'returned' ? 'returned' : 'destroyed'}.
        </Text>
      ) : (
        <Withdraw agency={a} onSaved={props.onSaved} />
      )}
    </section>
  );
}

function Approve(props: { agency: AdminAgency; onSaved: () => void }) {
  const styles = useStyles();
  const approve = useSubmit();
  return (
    <div className={styles.group}>
      <Text block>
        This agency is applying to join. Approve it once the steering group has agreed.
        {props.agency.signatoryGaps.length > 1 &&
          ' It still receives nothing until its signatory record is complete.'}
      </Text>
      <div className={styles.buttons}>
        <Button
          disabled={approve.busy}
          onClick={() =>
            void approve.run(async () => {
              await api(`/area/agencies/${props.agency.id}`, {
                method: 'PATCH',
                body: { membershipStatus: 'approved' },
              });
              props.onSaved();
            })
          }
        >
          Approve {props.agency.name}
        </Button>
      </div>
      {approve.error ? <ErrorBanner error={approve.error} /> : null}
    </div>
  );
}

function Nominations(props: { agency: AdminAgency; people: Person[]; onSaved: () => void }) {
  const styles = useStyles();
  const [rep, setRep] = useState(props.agency.nominations?.representativeId ?? '');
  const [deputy, setDeputy] = useState(props.agency.nominations?.deputyIds[0] ?? '');
  const nominate = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await nominate.run(async () => {
      await api(`/area/agencies/${props.agency.id}/nominations`, {
        method: 'PUT',
        body: { representativeId: rep, deputyId: deputy || null },
      });
      props.onSaved();
    });
  };
  const options = props.people.map((p) => (
    <option key={p.id} value={p.id}>
      {p.displayName}
    </option>
  ));
  return (
    <form
      onSubmit={submit}
      aria-label={`Representative and deputy of ${props.agency.name}`}
      className={styles.group}
    >
      <Text block weight="semibold">
        Representative and deputy
      </Text>
      {props.people.length === 0 ? (
        <Text>Add the agency’s people under People first (with this agency).</Text>
      ) : (
        <>
          <div className={styles.form}>
            <Field label="Representative" {...fieldState(nominate.error, 'representativeId')}>
              <Select value={rep} onChange={(_e, d) => setRep(d.value)}>
                <option value="">Choose…</option>
                {options}
              </Select>
            </Field>
            <Field label="Deputy" {...fieldState(nominate.error, 'deputyId')}>
              <Select value={deputy} onChange={(_e, d) => setDeputy(d.value)}>
                <option value="">No deputy</option>
                {options}
              </Select>
            </Field>
          </div>
          {props.agency.nominationsChangedOn && (
            <Text size={200}>Last changed {formatDay(props.agency.nominationsChangedOn)}.</Text>
          )}
          <div className={styles.buttons}>
            <Button type="submit" disabled={nominate.busy || !rep}>
              Save nominations
            </Button>
          </div>
        </>
      )}
      {nominate.done && <Notice intent="success">Nominations saved.</Notice>}
      {nominate.error &&
      !fieldState(nominate.error, 'representativeId').validationMessage &&
      !fieldState(nominate.error, 'deputyId').validationMessage ? (
        <ErrorBanner error={nominate.error} />
      ) : null}
    </form>
  );
}

function Withdraw(props: { agency: AdminAgency; onSaved: () => void }) {
  const styles = useStyles();
  const [outcome, setOutcome] = useState('');
  const [confirmedOn, setConfirmedOn] = useState('');
  const withdraw = useSubmit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await withdraw.run(async () => {
      await api(`/area/agencies/${props.agency.id}/withdraw`, {
        method: 'POST',
        body: { outcome: outcome || undefined, confirmedOn },
      });
      props.onSaved();
    });
  };
  return (
    <form onSubmit={submit} aria-label={`Withdraw ${props.agency.name}`} className={styles.group}>
      <Text block weight="semibold">
        Withdraw from the MARAC
      </Text>
      <Text block size={200}>
        A withdrawing agency must destroy or return the MARAC information it holds. Record what it
        confirmed; it will then be sent nothing.
      </Text>
      <Field
        label="The agency confirmed its MARAC information was"
        {...fieldState(withdraw.error, 'outcome')}
      >
        <RadioGroup value={outcome} onChange={(_e, d) => setOutcome(d.value)}>
          <Radio value="destroyed" label="Destroyed" />
          <Radio value="returned" label="Returned to the coordinator" />
        </RadioGroup>
      </Field>
      <Field label="Date they confirmed it" {...fieldState(withdraw.error, 'confirmedOn')}>
        <DateInput value={confirmedOn} onChange={(_e, d) => setConfirmedOn(d.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" disabled={withdraw.busy}>
          Withdraw {props.agency.name}
        </Button>
      </div>
    </form>
  );
}

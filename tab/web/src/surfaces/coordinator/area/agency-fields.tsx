/**
 * The fields of an agency, shared by "Add an agency" and "Change": membership, the
 * information-sharing signatory record (who signed, when, the review date, the data protection
 * officer) without which the agency receives nothing, and the escalation contact for overdue
 * actions.
 */
import { Checkbox, Field, Input, Select, Switch } from '@fluentui/react-components';
import { fieldState } from './labels.js';
import { useStyles } from './styles.js';

export const SECTOR_LABELS: Record<string, string> = {
  police: 'Police',
  idva: 'IDVA service',
  housing: 'Housing',
  'childrens-services': 'Children’s services',
  probation: 'Probation',
  'primary-health': 'Primary health care',
  'mental-health': 'Mental health',
  'substance-misuse': 'Drug and alcohol services',
  'adult-safeguarding': 'Adult safeguarding',
  education: 'Education',
  'youth-offending': 'Youth justice',
  specialist: 'Specialist domestic abuse service',
  voluntary: 'Voluntary sector',
  other: 'Other',
};

export interface AgencyFormValues {
  name: string;
  shortName: string;
  sector: string;
  isCore: boolean;
  membershipStatus: string;
  signatoryName: string;
  signatoryAuthorityConfirmed: boolean;
  signatorySignedOn: string;
  signatoryReviewDueOn: string;
  dpoName: string;
  dpoEmail: string;
  icoRegistration: string;
  escalationContactName: string;
  escalationContactEmail: string;
}

export const EMPTY_AGENCY: AgencyFormValues = {
  name: '',
  shortName: '',
  sector: 'other',
  isCore: false,
  membershipStatus: 'applied',
  signatoryName: '',
  signatoryAuthorityConfirmed: false,
  signatorySignedOn: '',
  signatoryReviewDueOn: '',
  dpoName: '',
  dpoEmail: '',
  icoRegistration: '',
  escalationContactName: '',
  escalationContactEmail: '',
};

/** The body the API takes: empty text is "not given" (null), never an empty string. */
export function agencyBody(v: AgencyFormValues) {
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  return {
    name: v.name.trim(),
    shortName: orNull(v.shortName),
    sector: v.sector,
    isCore: v.isCore,
    membershipStatus: v.membershipStatus,
    signatoryName: orNull(v.signatoryName),
    signatoryAuthorityConfirmed: v.signatoryAuthorityConfirmed,
    signatorySignedOn: orNull(v.signatorySignedOn),
    signatoryReviewDueOn: orNull(v.signatoryReviewDueOn),
    dpoName: orNull(v.dpoName),
    dpoEmail: orNull(v.dpoEmail),
    icoRegistration: orNull(v.icoRegistration),
    escalationContactName: orNull(v.escalationContactName),
    escalationContactEmail: orNull(v.escalationContactEmail),
  };
}

export function AgencyFields(props: {
  values: AgencyFormValues;
  onChange: (values: AgencyFormValues) => void;
  error: unknown;
  /** Withdrawn agencies change membership only through "Withdraw". */
  withdrawn?: boolean;
}) {
  const styles = useStyles();
  const v = props.values;
  const set = <K extends keyof AgencyFormValues>(key: K, value: AgencyFormValues[K]) =>
    props.onChange({ ...v, [key]: value });
  const text = (key: keyof AgencyFormValues, label: string, type = 'text', hint?: string) => (
    <Field label={label} hint={hint} {...fieldState(props.error, key)}>
      <Input
        type={type as 'text'}
        value={v[key] as string}
        onChange={(_e, d) => set(key, d.value as never)}
      />
    </Field>
  );
  return (
    <>
      <div className={styles.form}>
        <Field label="Agency name" required {...fieldState(props.error, 'name')}>
          <Input value={v.name} onChange={(_e, d) => set('name', d.value)} />
        </Field>
        {text('shortName', 'Short name')}
        <Field label="Sector" {...fieldState(props.error, 'sector')}>
          <Select value={v.sector} onChange={(_e, d) => set('sector', d.value)}>
            {Object.entries(SECTOR_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        {!props.withdrawn && (
          <Field label="Membership" {...fieldState(props.error, 'membershipStatus')}>
            <Select
              value={v.membershipStatus}
              onChange={(_e, d) => set('membershipStatus', d.value)}
            >
              <option value="applied">Applying to join</option>
              <option value="approved">Approved member</option>
            </Select>
          </Field>
        )}
        <Switch
          label="Core agency"
          checked={v.isCore}
          onChange={(_e, d) => set('isCore', d.checked)}
        />
      </div>
      <fieldset className={styles.group}>
        <legend>Information-sharing agreement</legend>
        <p className={styles.hint}>
          Until someone with authority has signed for the agency and its data protection officer is
          recorded, the agency is never invited or sent anything.
        </p>
        <div className={styles.form}>
          {text('signatoryName', 'Signed by')}
          {text('signatorySignedOn', 'Date signed', 'date')}
          {text('signatoryReviewDueOn', 'Review date', 'date', 'Usually a year after signing.')}
          {text('dpoName', 'Data protection officer')}
          {text('dpoEmail', 'Data protection officer’s e-mail', 'email')}
          {text('icoRegistration', 'ICO registration number')}
        </div>
        <Checkbox
          label="The person who signed has the authority to sign for the agency"
          checked={v.signatoryAuthorityConfirmed}
          onChange={(_e, d) => set('signatoryAuthorityConfirmed', d.checked === true)}
        />
      </fieldset>
      <fieldset className={styles.group}>
        <legend>Escalation contact</legend>
        <p className={styles.hint}>
          Who is told when the agency’s actions are well overdue (usually a manager, not the
          representative).
        </p>
        <div className={styles.form}>
          {text('escalationContactName', 'Name')}
          {text('escalationContactEmail', 'E-mail', 'email')}
        </div>
      </fieldset>
    </>
  );
}

/** Form values from an agency as the coordinator's list returns it. */
export function agencyValues(a: AdminAgency): AgencyFormValues {
  return {
    name: a.name,
    shortName: a.shortName ?? '',
    sector: a.sector,
    isCore: a.isCore,
    membershipStatus: a.membershipStatus === 'withdrawn' ? 'applied' : a.membershipStatus,
    signatoryName: a.signatory.signatoryName ?? '',
    signatoryAuthorityConfirmed: a.signatory.authorityConfirmed,
    signatorySignedOn: a.signatory.signedOn ?? '',
    signatoryReviewDueOn: a.signatoryReviewDueOn ?? '',
    dpoName: a.signatory.dpoName ?? '',
    dpoEmail: a.signatory.dpoEmail ?? '',
    icoRegistration: a.icoRegistration ?? '',
    escalationContactName: a.escalationContactName ?? '',
    escalationContactEmail: a.escalationContactEmail ?? '',
  };
}

/** An agency as the service lists it for the coordinator. */
export interface AdminAgency {
  id: string;
  name: string;
  shortName: string | null;
  sector: string;
  isCore: boolean;
  membershipStatus: 'applied' | 'approved' | 'withdrawn';
  canReceiveMaracInformation: boolean;
  signatoryGaps: string[];
  signatory: {
    signatoryName: string | null;
    authorityConfirmed: boolean;
    signedOn: string | null;
    dpoName: string | null;
    dpoEmail: string | null;
  };
  signatoryReviewDueOn: string | null;
  /** The agreement's review is within 30 days or overdue (the coordinator is reminded). */
  signatoryReviewDue?: boolean;
  icoRegistration: string | null;
  escalationContactName: string | null;
  escalationContactEmail: string | null;
  withdrawalDataOutcome: 'destroyed' | 'returned' | null;
  withdrawalDataConfirmedOn: string | null;
  nominationsChangedOn: string | null;
  nominations?: { representativeId: string | null; deputyIds: string[] };
}

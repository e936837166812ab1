import type { AgencySector } from '../../core/model.js';
import type { Role } from '../../core/roles.js';

/**
 * The fictional "Northfield MARAC" (England) used by demo mode and tests. Every name, address
 * and domain here is invented (domains use the reserved `.example` TLD); any likeness is chance.
 */
export const DEMO_AREA = {
  name: 'Northfield MARAC',
  nation: 'england-and-wales' as const,
  timeZone: 'Europe/London',
  organiserMailbox: 'marac.coordinator@northfield-council.example',
  confidentialityStatement:
    'This meeting is strictly confidential. Information shared here is not to be discussed ' +
    'outside the meeting, and minutes are not copied or shared without the agreement of the ' +
    'agencies concerned. Minutes are kept in a confidential and restricted way. Everyone ' +
    'discussed is treated fairly and with respect, in line with our commitment to equal ' +
    'opportunities.',
  policy: {
    cameraEvidence: { callingBot: true, callRecords: true },
    allowedRecipientDomains: [
      'northfield-council.example',
      'northfield-police.example',
      'northfield-idva.example',
      'probation-northfield.example',
      'northfield-nhs.example',
      'northfield-recovery.example',
      'northfield-yjs.example',
      'harbour-refuge.example',
    ],
  },
};

export interface DemoAgency {
  key: string;
  name: string;
  sector: AgencySector;
  isCore: boolean;
  domain: string;
  /** false = listed but not yet a signatory (FR-107): never invited or sent anything. */
  signatory: boolean;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    key: 'police',
    name: 'Northfield Police',
    sector: 'police',
    isCore: true,
    domain: 'northfield-police.example',
    signatory: true,
  },
  {
    key: 'idva',
    name: 'Northfield IDVA Service',
    sector: 'idva',
    isCore: true,
    domain: 'northfield-idva.example',
    signatory: true,
  },
  {
    key: 'housing',
    name: 'Northfield Council Housing Options',
    sector: 'housing',
    isCore: true,
    domain: 'northfield-council.example',
    signatory: true,
  },
  {
    key: 'childrens',
    name: "Northfield Children's Social Care",
    sector: 'childrens-services',
    isCore: true,
    domain: 'northfield-council.example',
    signatory: true,
  },
  {
    key: 'probation',
    name: 'Northfield Probation Delivery Unit',
    sector: 'probation',
    isCore: true,
    domain: 'probation-northfield.example',
    signatory: true,
  },
  {
    key: 'primary',
    name: 'Northfield Primary Care Network',
    sector: 'primary-health',
    isCore: true,
    domain: 'northfield-nhs.example',
    signatory: true,
  },
  {
    key: 'mental',
    name: 'Northfield Mental Health Trust',
    sector: 'mental-health',
    isCore: true,
    domain: 'northfield-nhs.example',
    signatory: true,
  },
  {
    key: 'recovery',
    name: 'Northfield Recovery Service',
    sector: 'substance-misuse',
    isCore: true,
    domain: 'northfield-recovery.example',
    signatory: true,
  },
  {
    key: 'adults',
    name: 'Northfield Adult Social Care',
    sector: 'adult-safeguarding',
    isCore: true,
    domain: 'northfield-council.example',
    signatory: true,
  },
  {
    key: 'education',
    name: 'Northfield Schools Safeguarding Team',
    sector: 'education',
    isCore: false,
    domain: 'northfield-council.example',
    signatory: true,
  },
  {
    key: 'youth',
    name: 'Northfield Youth Justice Service',
    sector: 'youth-offending',
    isCore: false,
    domain: 'northfield-yjs.example',
    signatory: true,
  },
  {
    key: 'harbour',
    name: 'Harbour Refuge (applying)',
    sector: 'specialist',
    isCore: false,
    domain: 'harbour-refuge.example',
    signatory: false,
  },
];

export interface DemoPerson {
  key: string;
  displayName: string;
  agencyKey: string | null;
  jobTitle: string;
  roles: Role[];
  /** Key of the representative this person deputises for. */
  deputyFor?: string;
  /**
   * A B2B guest of the council's tenant: their own organisation's address is their mail, and
   * their sign-in name in the council's tenant is `name_domain#EXT#@tenant` (demoUserPrincipalName).
   */
  guest?: boolean;
}

const rep = (
  key: string,
  displayName: string,
  agencyKey: string,
  jobTitle: string,
  extra: Role[] = [],
): DemoPerson => ({
  key,
  displayName,
  agencyKey,
  jobTitle,
  roles: ['representative', ...extra],
});
const deputy = (
  key: string,
  displayName: string,
  agencyKey: string,
  jobTitle: string,
  deputyFor: string,
): DemoPerson => ({
  key,
  displayName,
  agencyKey,
  jobTitle,
  roles: ['deputy'],
  deputyFor,
});

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: 'coordinator',
    displayName: 'Morgan Exampleton',
    agencyKey: null,
    jobTitle: 'MARAC Coordinator',
    roles: ['coordinator'],
  },
  {
    key: 'chair',
    displayName: 'Alex Sampleford',
    agencyKey: 'police',
    jobTitle: 'Safeguarding Manager',
    roles: ['chair'],
  },
  {
    key: 'deputy-chair',
    displayName: 'Jordan Demoworth',
    agencyKey: 'childrens',
    jobTitle: 'Head of Safeguarding',
    roles: ['deputy-chair'],
  },
  rep('police-rep', 'Sam Testbury', 'police', 'Detective Sergeant, Public Protection'),
  deputy('police-deputy', 'Robin Mockridge', 'police', 'Detective Constable', 'police-rep'),
  rep('idva-rep', 'Priya Placeholder', 'idva', 'Senior IDVA', ['idva']),
  deputy('idva-deputy', 'Casey Specimen', 'idva', 'IDVA', 'idva-rep'),
  {
    key: 'idva-2',
    displayName: 'Taylor Fictionly',
    agencyKey: 'idva',
    jobTitle: 'Young Persons IDVA',
    roles: ['idva'],
  },
  rep('housing-rep', 'Jamie Dummerton', 'housing', 'Housing Options Team Leader'),
  deputy('housing-deputy', 'Avery Pretendle', 'housing', 'Housing Officer', 'housing-rep'),
  rep('childrens-rep', 'Riley Samplewood', 'childrens', 'Team Manager, Assessment'),
  deputy(
    'childrens-deputy',
    'Quinn Exemplar',
    'childrens',
    'Senior Social Worker',
    'childrens-rep',
  ),
  rep('probation-rep', 'Drew Mockingham', 'probation', 'Senior Probation Officer'),
  deputy('probation-deputy', 'Harper Testwell', 'probation', 'Probation Officer', 'probation-rep'),
  rep('primary-rep', 'Rowan Demoford', 'primary', 'Named Nurse, Safeguarding'),
  deputy('primary-deputy', 'Kai Sampleby', 'primary', 'Safeguarding Practitioner', 'primary-rep'),
  rep('mental-rep', 'Reese Examplewick', 'mental', 'Safeguarding Lead'),
  deputy(
    'mental-deputy',
    'Skyler Placeford',
    'mental',
    'Community Psychiatric Nurse',
    'mental-rep',
  ),
  rep('recovery-rep', 'Emerson Fauxley', 'recovery', 'Service Manager'),
  deputy('recovery-deputy', 'Finley Notreal', 'recovery', 'Recovery Coordinator', 'recovery-rep'),
  rep('adults-rep', 'Parker Imaginary', 'adults', 'Safeguarding Adults Manager'),
  deputy('adults-deputy', 'Sage Madeupson', 'adults', 'Social Worker', 'adults-rep'),
  rep('education-rep', 'Hayden Trialworth', 'education', 'Education Safeguarding Lead'),
  deputy(
    'education-deputy',
    'Blake Mockshaw',
    'education',
    'Education Safeguarding Officer',
    'education-rep',
  ),
  {
    key: 'probation-guest',
    displayName: 'Jules Guestwood',
    agencyKey: 'probation',
    jobTitle: 'Probation Officer, Public Protection',
    roles: ['representative'],
    guest: true,
  },
  rep('youth-rep', 'Charlie Dummywell', 'youth', 'YJS Practice Manager'),
  rep('harbour-rep', 'Ellis Pendingham', 'harbour', 'Refuge Manager'),
  {
    key: 'observer',
    displayName: 'Oakley Watchfield',
    agencyKey: null,
    jobTitle: 'Peer Reviewer (observing)',
    roles: ['observer'],
  },
  {
    key: 'steering',
    displayName: 'Marlowe Boardman',
    agencyKey: null,
    jobTitle: 'Chair, MARAC Steering Group',
    roles: ['steering'],
  },
];

/** e-mail of a demo person: first.last@<agency domain>. */
export function demoEmail(person: DemoPerson): string {
  const domain =
    DEMO_AGENCIES.find((a) => a.key === person.agencyKey)?.domain ?? 'northfield-council.example';
  return `${person.displayName.toLowerCase().replace(/[^a-z]+/g, '.')}@${domain}`;
}

/** The council's tenant in the demo: guests' sign-in names end with it. */
export const DEMO_TENANT_DOMAIN = 'northfield-council.example';

/**
 * Sign-in name of a demo person in the council's tenant: their address for staff; for a B2B
 * guest, Entra's `name_domain#EXT#@tenant` form, which is not an address anyone can mail
 * (Properties of a B2B collaboration user,
 * https://learn.microsoft.com/en-us/azure/active-directory/external-identities/user-properties).
 */
export function demoUserPrincipalName(person: DemoPerson): string {
  const mail = demoEmail(person);
  return person.guest ? `${mail.replace('@', '_')}#EXT#@${DEMO_TENANT_DOMAIN}` : mail;
}

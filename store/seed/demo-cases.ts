import type { RiskLevel } from '../../core/model.js';

/**
 * Fifteen fictional cases for the next Northfield MARAC: mixed risk, three repeats, one closed
 * session (an honour-based-violence case, always heard closed: 004:310). Names, dates of birth
 * and addresses are invented; tests plant them to prove nothing we send ever contains them.
 */
export interface DemoSubject {
  kind: 'victim' | 'perpetrator' | 'child';
  fullName: string;
  dateOfBirth: string;
  address: string;
}

export interface DemoCase {
  caseNumber: string;
  risk: RiskLevel;
  riskScore: number;
  repeatCount: number;
  lastHeardOn?: string;
  closedSession?: boolean;
  referringAgency: string;
  agenciesInvolved: string[];
  summary: string;
  victimGender: string;
  victimEthnicity: string;
  victimAgeBand: string;
  subjects: DemoSubject[];
}

const street = (n: number, road: string) => `${n} ${road}, Northfield NF${(n % 9) + 1} ${n % 7}XY`;

export const DEMO_CASES: DemoCase[] = [
  {
    caseNumber: 'NF-2611-001',
    risk: 'very-high',
    riskScore: 19,
    repeatCount: 0,
    referringAgency: 'police',
    agenciesInvolved: ['police', 'idva', 'childrens', 'education'],
    summary:
      'Non-fatal strangulation reported after separation; threats to kill; two children in the household.',
    victimGender: 'female',
    victimEthnicity: 'White British',
    victimAgeBand: '25-34',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Ava Fictionwood',
        dateOfBirth: '1994-03-11',
        address: street(14, 'Imaginary Road'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Boris Blusterton',
        dateOfBirth: '1990-07-02',
        address: street(3, 'Nowhere Close'),
      },
      {
        kind: 'child',
        fullName: 'Milo Fictionwood',
        dateOfBirth: '2017-09-23',
        address: street(14, 'Imaginary Road'),
      },
      {
        kind: 'child',
        fullName: 'Poppy Fictionwood',
        dateOfBirth: '2020-01-15',
        address: street(14, 'Imaginary Road'),
      },
    ],
  },
  {
    caseNumber: 'NF-2611-002',
    risk: 'very-high',
    riskScore: 17,
    repeatCount: 2,
    lastHeardOn: '2026-08-19',
    referringAgency: 'idva',
    agenciesInvolved: ['police', 'idva', 'housing', 'probation'],
    summary:
      'Repeat referral: escalating stalking and breach of a non-molestation order; victim in temporary accommodation.',
    victimGender: 'female',
    victimEthnicity: 'Black British',
    victimAgeBand: '35-44',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Bethany Inventa',
        dateOfBirth: '1987-11-30',
        address: street(27, 'Pretend Avenue'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Carl Grimsworth',
        dateOfBirth: '1984-04-18',
        address: street(8, 'Unreal Street'),
      },
    ],
  },
  {
    caseNumber: 'NF-2611-003',
    risk: 'very-high',
    riskScore: 21,
    repeatCount: 0,
    referringAgency: 'primary',
    agenciesInvolved: ['primary', 'idva', 'police', 'childrens'],
    summary: 'Assault in pregnancy disclosed at antenatal appointment; weapon used previously.',
    victimGender: 'female',
    victimEthnicity: 'Asian British',
    victimAgeBand: '18-24',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Chloe Pseudonyma',
        dateOfBirth: '2003-06-05',
        address: street(51, 'Fable Lane'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Dennis Hollowmere',
        dateOfBirth: '1999-02-21',
        address: street(51, 'Fable Lane'),
      },
    ],
  },
  {
    caseNumber: 'NF-2611-004',
    risk: 'very-high',
    riskScore: 18,
    repeatCount: 0,
    referringAgency: 'mental',
    agenciesInvolved: ['mental', 'idva', 'police', 'adults'],
    summary:
      'Coercive control and financial abuse of a disabled adult; threats of suicide by the alleged perpetrator.',
    victimGender: 'male',
    victimEthnicity: 'White Irish',
    victimAgeBand: '55-64',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Omar Dreamwick',
        dateOfBirth: '1966-10-09',
        address: street(6, 'Storybook Row'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Edna Coldharbour',
        dateOfBirth: '1970-12-12',
        address: street(6, 'Storybook Row'),
      },
    ],
  },
  {
    caseNumber: 'NF-2611-005',
    risk: 'high',
    riskScore: 15,
    repeatCount: 1,
    lastHeardOn: '2026-05-27',
    referringAgency: 'police',
    agenciesInvolved: ['police', 'idva', 'childrens', 'recovery'],
    summary:
      'Repeat: further incident with alcohol involvement; children present during the incident.',
    victimGender: 'female',
    victimEthnicity: 'White British',
    victimAgeBand: '25-34',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Dana Makebelieve',
        dateOfBirth: '1992-08-14',
        address: street(19, 'Whimsy Way'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Frank Thornbury',
        dateOfBirth: '1989-03-03',
        address: street(19, 'Whimsy Way'),
      },
      {
        kind: 'child',
        fullName: 'Archie Makebelieve',
        dateOfBirth: '2015-05-19',
        address: street(19, 'Whimsy Way'),
      },
    ],
  },
  {
    caseNumber: 'NF-2611-006',
    risk: 'high',
    riskScore: 14,
    repeatCount: 0,
    referringAgency: 'housing',
    agenciesInvolved: ['housing', 'idva', 'police'],
    summary:
      'Disclosure to housing officer of repeated assaults; victim requesting a management transfer.',
    victimGender: 'female',
    victimEthnicity: 'Mixed',
    victimAgeBand: '45-54',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Erin Storybrook',
        dateOfBirth: '1976-01-27',
        address: street(42, 'Legend Crescent'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Gordon Ashcombe',
        dateOfBirth: '1972-09-08',
        address: street(42, 'Legend Crescent'),
      },
    ],
  },
  {
    caseNumber: 'NF-2611-007',
    risk: 'high',
    riskScore: 16,
    repeatCount: 0,
    referringAgency: 'childrens',
    agenciesInvolved: ['childrens', 'education', 'idva', 'police'],
    summary: 'School reported child disclosing violence at home; history of controlling behaviour.',
    victimGender: 'female',
    victimEthnicity: 'White Other',
    victimAgeBand: '35-44',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Fatima Talewright',
        dateOfBirth: '1985-04-04',
        address: street(9, 'Myth Gardens'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Harold Vexley',
        dateOfBirth: '1981-06-16',
        address: street(9, 'Myth Gardens'),
      },
      {
        kind: 'child',
        fullName: 'Zara Talewright',
        dateOfBirth: '2013-11-02',
        address: street(9, 'Myth Gardens'),
      },
      {
        kind: 'child',
        fullName: 'Idris Talewright',
        dateOfBirth: '2016-02-28',
        address: street(9, 'Myth Gardens'),
      },
    ],
  },
  {
    caseNumber: 'NF-2611-008',
    risk: 'high',
    riskScore: 14,
    repeatCount: 0,
    referringAgency: 'probation',
    agenciesInvolved: ['probation', 'police', 'idva'],
    summary:
      'Perpetrator on licence; new partner identified; previous convictions for violence to a partner.',
    victimGender: 'female',
    victimEthnicity: 'White British',
    victimAgeBand: '25-34',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Grace Fableton',
        dateOfBirth: '1996-12-20',
        address: street(33, 'Parable Place'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Ivan Mortlake',
        dateOfBirth: '1988-08-30',
        address: street(2, 'Saga Terrace'),
      },
    ],
  },
  {
    caseNumber: 'NF-2611-009',
    risk: 'high',
    riskScore: 15,
    repeatCount: 1,
    lastHeardOn: '2026-03-18',
    referringAgency: 'idva',
    agenciesInvolved: ['idva', 'police', 'mental'],
    summary: 'Repeat: renewed contact after release from custody; victim fearful.',
    victimGender: 'female',
    victimEthnicity: 'Asian British',
    victimAgeBand: '35-44',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Hana Mythwell',
        dateOfBirth: '1983-07-07',
        address: street(17, 'Tale End'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Jasper Crowhurst',
        dateOfBirth: '1980-10-25',
        address: street(11, 'Yarn Street'),
      },
    ],
  },
  {
    caseNumber: 'NF-2611-010',
    risk: 'high',
    riskScore: 14,
    repeatCount: 0,
    referringAgency: 'recovery',
    agenciesInvolved: ['recovery', 'idva', 'police', 'primary'],
    summary:
      'Disclosure during treatment review of threats with a knife; victim also in treatment.',
    victimGender: 'female',
    victimEthnicity: 'White British',
    victimAgeBand: '45-54',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Imogen Novelton',
        dateOfBirth: '1979-05-13',
        address: street(24, 'Chronicle Road'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Kenneth Blackwater',
        dateOfBirth: '1975-01-09',
        address: street(24, 'Chronicle Road'),
      },
    ],
  },
  {
    caseNumber: 'NF-2611-011',
    risk: 'high',
    riskScore: 14,
    repeatCount: 0,
    referringAgency: 'police',
    agenciesInvolved: ['police', 'idva', 'youth', 'childrens'],
    summary: 'Adolescent-to-parent violence alongside partner abuse; youth justice involved.',
    victimGender: 'female',
    victimEthnicity: 'Black British',
    victimAgeBand: '45-54',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Jade Parableigh',
        dateOfBirth: '1978-09-29',
        address: street(5, 'Folklore Drive'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Leon Ravensworth',
        dateOfBirth: '1976-03-17',
        address: street(5, 'Folklore Drive'),
      },
      {
        kind: 'child',
        fullName: 'Tyler Parableigh',
        dateOfBirth: '2009-12-01',
        address: street(5, 'Folklore Drive'),
      },
    ],
  },
  {
    caseNumber: 'NF-2611-012',
    risk: 'high',
    riskScore: 14,
    repeatCount: 0,
    referringAgency: 'adults',
    agenciesInvolved: ['adults', 'idva', 'police', 'primary'],
    summary:
      'Older victim; abuse by adult son with care responsibilities; professional judgement referral.',
    victimGender: 'female',
    victimEthnicity: 'White British',
    victimAgeBand: '75+',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Kezia Legendry',
        dateOfBirth: '1946-02-11',
        address: street(38, 'Ballad Mews'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Martin Legendry',
        dateOfBirth: '1974-06-06',
        address: street(38, 'Ballad Mews'),
      },
    ],
  },
  {
    caseNumber: 'NF-2611-013',
    risk: 'medium',
    riskScore: 12,
    repeatCount: 0,
    referringAgency: 'primary',
    agenciesInvolved: ['primary', 'idva'],
    summary:
      'Professional judgement referral: rapid escalation of verbal threats after separation.',
    victimGender: 'female',
    victimEthnicity: 'White British',
    victimAgeBand: '25-34',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Lena Yarnsworth',
        dateOfBirth: '1998-04-22',
        address: street(13, 'Epic Lane'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Nigel Sorrowby',
        dateOfBirth: '1995-11-11',
        address: street(70, 'Verse Road'),
      },
    ],
  },
  {
    caseNumber: 'NF-2611-014',
    risk: 'medium',
    riskScore: 11,
    repeatCount: 0,
    referringAgency: 'education',
    agenciesInvolved: ['education', 'childrens', 'idva'],
    summary: 'Escalation: three incidents in twelve months reported through school contact.',
    victimGender: 'female',
    victimEthnicity: 'Gypsy or Irish Traveller',
    victimAgeBand: '25-34',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Maya Sagaford',
        dateOfBirth: '1993-08-08',
        address: street(21, 'Rhyme Street'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Oscar Grimlock',
        dateOfBirth: '1991-02-02',
        address: street(21, 'Rhyme Street'),
      },
      {
        kind: 'child',
        fullName: 'Lily Sagaford',
        dateOfBirth: '2018-07-30',
        address: street(21, 'Rhyme Street'),
      },
    ],
  },
  {
    caseNumber: 'NF-2611-015',
    risk: 'very-high',
    riskScore: 16,
    repeatCount: 0,
    closedSession: true,
    referringAgency: 'police',
    agenciesInvolved: ['police', 'idva', 'childrens'],
    summary: 'Honour-based violence indicators; heard in closed session with named attendees only.',
    victimGender: 'female',
    victimEthnicity: 'Asian British',
    victimAgeBand: '18-24',
    subjects: [
      {
        kind: 'victim',
        fullName: 'Nell Fancifield',
        dateOfBirth: '2006-10-10',
        address: street(44, 'Sonnet Close'),
      },
      {
        kind: 'perpetrator',
        fullName: 'Piers Fancifield',
        dateOfBirth: '1968-05-05',
        address: street(44, 'Sonnet Close'),
      },
    ],
  },
];

/** People (demo keys) permitted to see the closed-session case (FR-100, IS-13). */
export const CLOSED_SESSION_PEOPLE = [
  'chair',
  'coordinator',
  'police-rep',
  'idva-rep',
  'childrens-rep',
];

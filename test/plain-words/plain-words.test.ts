/**
 * Plain words in everything the service sends people (STYLE.md): every Adaptive Card the bot
 * posts (each viewer, each agenda and action state, redacted and error cards) and every mail
 * template (circulation, chasers, escalations, new actions, the Teams invitation) is rendered
 * and its readable text checked for requirement ids, code values and schema messages. The
 * browser test test/e2e/sizes.e2e.ts does the same for the visible text of every surface.
 */
import { describe, expect, it } from 'vitest';
import { cardRenderer, errorCard } from '../../bot/cards/case-card.js';
import { mailLine, renderActionMail, stepStatus } from '../../core/chasing/chase-mail.js';
import { circulationMail } from '../../core/circulation/circulation-mail.js';
import type { CaseCardModel, RunAction } from '../../core/meeting-run/model.js';
import { eventBody } from '../../core/scheduling/teams-setup.js';
import { HYPHENATED_ENGLISH, plainWordProblems } from '../support/plain-words.js';

/** Keys of card elements people read (not ids, verbs, urls or data). */
const READ = new Set([
  'text',
  'title',
  'label',
  'placeholder',
  'errorMessage',
  'altText',
  'fallbackText',
]);

/** The readable text of a card: every string under a key people read, in order. */
function cardText(json: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown, key: string | null): void => {
    if (typeof n === 'string') {
      if (key && READ.has(key)) out.push(n);
    } else if (Array.isArray(n)) n.forEach((x) => walk(x, key === 'choices' ? null : key));
    else if (n && typeof n === 'object')
      for (const [k, v] of Object.entries(n)) if (k !== 'data' && k !== 'url') walk(v, k);
  };
  walk(json, null);
  return out.join('\n');
}

/** The readable text of a mail: subject and body without markup and link addresses. */
function mailText(mail: { subject: string; bodyHtml: string }): string {
  const body = mail.bodyHtml
    .replace(/<a [^>]*>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
  return `${mail.subject}\n${body}`;
}

const AGENCIES = [
  { id: 'a1', name: 'Northfield Police' },
  { id: 'a2', name: 'Northfield IDVA Service' },
  { id: 'a3', name: 'Northfield Probation Delivery Unit' },
];

function action(n: number, state: RunAction['state'], over: Partial<RunAction> = {}): RunAction {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    reference: `A-${String(n).padStart(4, '0')}`,
    agendaItemId: 'i1',
    caseId: 'c1',
    ownerAgency: AGENCIES[n % 3]!,
    ownerPerson: n % 2 ? null : { id: 'p1', displayName: 'Sam Testbury' },
    description: 'Offer a safety assessment of the home',
    category: n % 2 ? 'victim' : 'perpetrator',
    partnerAgencyIds: [],
    dueOn: '2026-12-09',
    state,
    version: 1,
    perpetratorWarningAcknowledged: false,
    ...over,
  };
}

const STATES: RunAction['state'][] = ['volunteered', 'open', 'done', 'not-achievable', 'rejected'];

function caseModel(over: Partial<CaseCardModel>): CaseCardModel {
  return {
    meetingId: 'm1',
    agendaItemId: 'i1',
    caseReference: 'NF-2611-001',
    position: 1,
    caseCount: 14,
    plannedStart: new Date('2026-12-02T09:40:00Z'),
    plannedMinutes: 10,
    timeZone: 'Europe/London',
    state: 'current',
    agenciesExpected: AGENCIES.slice(0, 2),
    agenciesPresent: ['a1'],
    outstanding: [
      { reference: 'A-0003', ownerAgencyName: 'Northfield Police', dueOn: '2026-11-01' },
    ],
    actions: STATES.map((s, i) => action(i + 1, s)),
    agencies: AGENCIES,
    defaultDueOn: '2026-12-16',
    victimViewsRecorded: false,
    refreshUserIds: ['29:1abc'],
    tabUrl: 'http://127.0.0.1:3978/#/meetings/m1',
    redacted: false,
    ...over,
  };
}

const VIEWERS = [
  { kind: 'everyone' as const },
  { kind: 'chair' as const },
  { kind: 'agency' as const, agencyId: 'a1' },
  { kind: 'agency' as const, agencyId: null },
];

describe('plain words in what the service sends', () => {
  it('knows developer language when it sees it (the check itself can fail)', () => {
    expect(plainWordProblems('Confirm the action (FR-054) at AC-08, KPI-1 and A-05')).toEqual([
      'requirement id "FR-054"',
      'requirement id "AC-08"',
      'requirement id "KPI-1"',
      'requirement id "A-05"',
    ]);
    expect(plainWordProblems('minutesPerCase: Too small: expected number to be >=1')).toEqual([
      'schema message "Too small: expected"',
      'field name "minutesPerCase"',
    ]);
    expect(plainWordProblems('Sector: primary-health, region england_and_wales')).toEqual([
      'code value "england_and_wales"',
      'code value "primary-health"',
    ]);
    expect(plainWordProblems('Audit: agency.withdraw')).toEqual(['code value "agency.withdraw"']);
    // English that looks similar is left alone: action references, sign-in, mail addresses.
    expect(
      plainWordProblems(
        'Complete A-0003 after sign-in; mail sam.testbury@northfield-police.example, file case-list_2026.xlsx',
      ),
    ).toEqual([]);
    expect(HYPHENATED_ENGLISH.has('primary-health')).toBe(false);
  });

  it('every case card, for every viewer and every agenda and action state', () => {
    const problems: string[] = [];
    for (const state of ['pending', 'current', 'closed'] as const)
      for (const viewer of VIEWERS)
        for (const extra of [{}, { victimViewsRecorded: true, outstanding: [] }]) {
          const text = cardText(cardRenderer.caseCard(caseModel({ state, ...extra }), viewer));
          expect(text).toMatch(/NF-2611-001/); // the walk found the card's words
          for (const p of plainWordProblems(text))
            problems.push(`case card ${state}/${viewer.kind}: ${p}`);
        }
    expect(problems).toEqual([]);
  });

  it('summary, redacted and error cards', () => {
    const problems: string[] = [];
    const summary = {
      meetingId: 'm1',
      agendaItemId: 'i1',
      caseReference: 'NF-2611-001',
      position: 1,
      actions: STATES.map((s, i) => action(i + 1, s)),
      tabUrl: 'http://127.0.0.1:3978/#/meetings/m1',
    };
    const texts = [
      ...[false, true].flatMap((confirmed) =>
        VIEWERS.map((v) => cardText(cardRenderer.summaryCard({ ...summary, confirmed }, v))),
      ),
      cardText(cardRenderer.redactedCard({ ...summary, confirmed: true, kind: 'case' })),
      cardText(cardRenderer.redactedCard({ ...summary, confirmed: true, kind: 'summary' })),
      cardText(errorCard('That did not go through. Try again.', { tabUrl: summary.tabUrl })),
    ];
    for (const text of texts) {
      expect(text.length).toBeGreaterThan(10);
      problems.push(...plainWordProblems(text));
    }
    expect(problems).toEqual([]);
  });

  it('every mail template', () => {
    const recipient = {
      personId: 'p1',
      email: 'sam.testbury@northfield.example',
      displayName: 'Sam Testbury',
    };
    const lines = [-2, 0, 3].map((offset, i) =>
      mailLine(
        {
          actionId: `a${i}`,
          reference: `A-000${i + 1}`,
          caseReference: 'NF-2611-001',
          dueOn: '2026-12-09',
        },
        stepStatus({ offsetWorkingDays: offset, step: 'overdue' }, '2026-12-09'),
      ),
    );
    const mails = [
      ...(['initial', 'addendum'] as const).map((kind) =>
        circulationMail({
          kind,
          meetingId: 'm1',
          circulationKey: 'c1',
          meetingTitle: 'Northfield MARAC',
          meetingStart: new Date('2026-12-23T09:30:00Z'),
          timeZone: 'Europe/London',
          caseCount: 14,
          caseListLink: 'http://127.0.0.1:3978/#/meetings/m1/case-list',
          confidentialityStatement: 'Information shared at MARAC is confidential.',
          recipient,
        }),
      ),
      ...(['chaser', 'escalation', 'new-actions', 'manual-chase'] as const).map((kind) =>
        renderActionMail({
          kind,
          maracName: 'Northfield MARAC',
          recipient: { ...recipient, name: recipient.displayName },
          lines,
          link: (id) => `http://127.0.0.1:3978/tab/my-marac?action=${id}`,
          runKey: 'run-1',
        }),
      ),
      {
        subject: 'Northfield MARAC',
        bodyHtml: eventBody('Northfield MARAC', 'http://127.0.0.1:3978/#/meetings/m1'),
      },
    ];
    const problems: string[] = [];
    for (const mail of mails) {
      const text = mailText(mail);
      expect(text).toMatch(/Northfield MARAC/);
      for (const p of plainWordProblems(text)) problems.push(`${mail.subject}: ${p}`);
    }
    expect(problems).toEqual([]);
  });
});

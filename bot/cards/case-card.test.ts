import { describe, expect, it } from 'vitest';
import type { CaseCardModel, RunAction } from '../../core/meeting-run/model.js';
import { caseCard, errorCard, redactedCard, summaryCard } from './case-card.js';
import { choiceValue, press } from '../../test/meeting/support.js';
import { cardProblems } from './validate-card.js';

const agencies = [
  { id: 'a1', name: 'Northfield Police' },
  { id: 'a2', name: 'Northfield IDVA Service' },
  { id: 'a3', name: 'Northfield Probation Delivery Unit' },
];

function action(n: number, over: Partial<RunAction> = {}): RunAction {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    reference: `A-${String(n).padStart(4, '0')}`,
    agendaItemId: 'i1',
    caseId: 'c1',
    ownerAgency: agencies[n % 3]!,
    ownerPerson: null,
    description: `Action ${n}: the victim is offered a target-hardening assessment of the home, by the end of next week, with follow-up`,
    category: 'victim',
    partnerAgencyIds: [],
    dueOn: '2026-12-09',
    state: 'volunteered',
    version: 1,
    perpetratorWarningAcknowledged: false,
    ...over,
  };
}

function model(actions: RunAction[], over: Partial<CaseCardModel> = {}): CaseCardModel {
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
    agenciesExpected: agencies.slice(0, 2),
    agenciesPresent: ['a1'],
    outstanding: [
      { reference: 'A-0003', ownerAgencyName: 'Northfield Police', dueOn: '2026-11-01' },
    ],
    actions,
    agencies,
    defaultDueOn: '2026-12-16',
    victimViewsRecorded: false,
    refreshUserIds: ['29:1abc', '29:1def'],
    tabUrl: 'http://127.0.0.1:3978/#/meetings/m1',
    redacted: false,
    ...over,
  };
}

/** Every element of a card (walks body, actions, show-cards, refresh). */
function nodes(json: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      out.push(n as Record<string, unknown>);
      Object.values(n).forEach(walk);
    }
  };
  walk(json);
  return out;
}
const verbsOf = (json: unknown): string[] =>
  nodes(json)
    .filter((n) => n.type === 'Action.Execute')
    .map((n) => n.verb as string);
const input = (json: unknown, id: string) => nodes(json).find((n) => n.id === id);

describe('case card (FR-048, FR-049, FR-052; PLATFORM.md §5)', () => {
  it('is a valid Adaptive Card 1.5 for every viewer, with Action.Execute, a Submit fallback and refresh userIds', () => {
    const m = model([action(1), action(2, { category: 'perpetrator', ownerAgency: agencies[2]! })]);
    for (const viewer of [
      { kind: 'everyone' as const },
      { kind: 'chair' as const },
      { kind: 'agency' as const, agencyId: 'a3' },
    ]) {
      const json = caseCard(m, viewer);
      expect(cardProblems(json), viewer.kind).toEqual([]);
      expect(json).toMatchObject({
        version: '1.5',
        refresh: {
          action: { type: 'Action.Execute', verb: 'refresh' },
          userIds: ['29:1abc', '29:1def'],
        },
      });
      expect(JSON.stringify(json)).toContain('"fallback":{"type":"Action.Submit"');
    }
  });

  it('shows the chair Confirm per volunteered action and Assign/Edit/Reject with a people picker; representatives never', () => {
    const m = model([action(1), action(2, { state: 'open' })]);
    const chair = caseCard(m, { kind: 'chair' });
    expect(verbsOf(chair).filter((v) => v === 'confirm')).toHaveLength(2); // row + console
    expect(verbsOf(chair)).toEqual(
      expect.arrayContaining(['confirm', 'assign', 'edit', 'reject', 'volunteer', 'refresh']),
    );
    expect(JSON.stringify(chair)).toContain('graph.microsoft.com/users?scope=currentContext');
    const rep = caseCard(m, { kind: 'agency', agencyId: 'a2' });
    expect(new Set(verbsOf(rep))).toEqual(new Set(['volunteer', 'refresh']));
  });

  it('every button gathers only its own inputs: Confirm and Acknowledge with the forms empty, Volunteer and Assign their own fields', () => {
    const m = model([
      action(1),
      action(2, { state: 'open' }),
      action(3, { category: 'perpetrator', ownerAgency: agencies[2]! }),
    ]);
    const chair = caseCard(m, { kind: 'chair' });
    // No input in the card's own body: everything is on demand, in a show-card.
    expect(
      (chair.body as Record<string, unknown>[]).some((n) => JSON.stringify(n).includes('Input.')),
    ).toBe(false);
    expect((chair.actions as { title: string }[]).map((a) => a.title)).toEqual([
      'Volunteer an action',
      'Manage an action',
      'Open in the tab',
    ]);
    const row = press(chair, 'Confirm A-0001');
    expect(row).toEqual({
      verb: 'confirm',
      data: {
        meetingId: 'm1',
        agendaItemId: 'i1',
        actionId: action(1).id,
        version: 1,
        verb: 'confirm',
      },
      errors: [],
    });
    // The console's Confirm carries the picked action and nothing from the other forms.
    const picked = press(chair, 'Confirm', { target: choiceValue(chair, 'target', 'A-0002') });
    expect(picked.errors).toEqual([]);
    expect(picked.data).toEqual({
      meetingId: 'm1',
      agendaItemId: 'i1',
      verb: 'confirm',
      target: `${action(2).id}@1`,
    });
    // Assign validates its own required agency only (and gathers the picked action).
    expect(press(chair, 'Assign').errors).toEqual(['Pick the owning agency.']);
    const assign = press(chair, 'Assign', { assignAgencyId: 'a2' });
    expect(Object.keys(assign.data).sort()).toEqual(
      ['agendaItemId', 'assignAgencyId', 'assignDueOn', 'meetingId', 'target', 'verb'].sort(),
    );
    expect(Object.keys(press(chair, 'Reject').data)).not.toContain('description');
    expect(Object.keys(press(chair, 'Save').data)).not.toContain('agencyId');
    // Volunteer validates the volunteer form only, never the chair's fields.
    const empty = press(chair, 'Volunteer');
    expect(empty.errors).toEqual(['Pick your agency.', 'Describe the action.']);
    expect(Object.keys(empty.data)).not.toContain('target');
    const rep = caseCard(m, { kind: 'agency', agencyId: 'a3' });
    const ack = press(rep, 'Acknowledge warning for A-0003');
    expect(ack).toMatchObject({ verb: 'acknowledge', errors: [] });
    expect(ack.data).toEqual({
      meetingId: 'm1',
      agendaItemId: 'i1',
      actionId: action(3).id,
      version: 1,
      verb: 'acknowledge',
    });
    const volunteered = press(rep, 'Volunteer', {
      description: 'Weekly calls',
      partnerAgencyId: 'a1',
    });
    expect(volunteered.errors).toEqual([]);
    expect(volunteered.data).toMatchObject({
      agencyId: 'a3',
      category: 'victim',
      partnerAgencyId: 'a1',
    });
    // Agencies are compact drop-downs, never a column of checkboxes.
    for (const n of nodes(chair).filter((x) => x.type === 'Input.ChoiceSet' && !x['choices.data']))
      expect(n, String(n.id)).toMatchObject({ style: 'compact' });
    expect(nodes(chair).some((x) => x.isMultiSelect)).toBe(false);
  });

  it('a closed case offers no forms and no buttons but the link', () => {
    const json = caseCard(model([action(1)], { state: 'closed' }), { kind: 'chair' });
    expect(verbsOf(json)).toEqual([]);
    expect((json.actions as { type: string }[]).map((a) => a.type)).toEqual(['Action.OpenUrl']);
  });

  it('defaults the volunteer form to the representative’s own agency and the policy due date', () => {
    const json = caseCard(model([]), { kind: 'agency', agencyId: 'a2' });
    expect(input(json, 'agencyId')).toMatchObject({ value: 'a2' });
    expect(input(json, 'dueOn')).toMatchObject({ value: '2026-12-16' });
    const everyone = caseCard(model([]), { kind: 'everyone' });
    expect(input(everyone, 'agencyId')).not.toHaveProperty('value');
  });

  it('warns on perpetrator actions (FR-052) and offers the owning agency the acknowledgement', () => {
    const m = model([action(2, { category: 'perpetrator', ownerAgency: agencies[2]! })]);
    const owner = JSON.stringify(caseCard(m, { kind: 'agency', agencyId: 'a3' }));
    expect(owner).toContain('must not be attributed to the MARAC');
    expect(verbsOf(JSON.parse(owner))).toContain('acknowledge');
    expect(verbsOf(caseCard(m, { kind: 'agency', agencyId: 'a1' }))).not.toContain('acknowledge');
  });

  it('stays under Teams’ 28 KB card limit with forty actions in the chair’s view', () => {
    const forty = Array.from({ length: 40 }, (_, i) => action(i + 1));
    const json = caseCard(model(forty), { kind: 'chair' });
    expect(cardProblems(json)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(json))).toBeLessThan(28 * 1024);
  });

  it('summary (FR-053), redacted and error cards are valid; the redacted card carries no descriptions', () => {
    const actions = [action(1, { state: 'open' }), action(2, { state: 'rejected' })];
    const s = {
      meetingId: 'm1',
      agendaItemId: 'i1',
      caseReference: 'NF-2611-001',
      position: 1,
      actions,
      confirmed: false,
      tabUrl: 'http://x/#/m',
    };
    expect(cardProblems(summaryCard(s, { kind: 'chair' }))).toEqual([]);
    expect(verbsOf(summaryCard(s, { kind: 'chair' }))).toEqual(['confirmSummary']);
    expect(verbsOf(summaryCard(s, { kind: 'everyone' }))).toEqual([]);
    const redacted = redactedCard({ ...s, kind: 'case' });
    expect(cardProblems(redacted)).toEqual([]);
    expect(JSON.stringify(redacted)).toContain('A-0001');
    expect(JSON.stringify(redacted)).not.toContain('A-0002');
    expect(JSON.stringify(redacted)).not.toContain('target-hardening');
    expect(cardProblems(errorCard('No.'))).toEqual([]);
  });

  it('the validator is not a rubber stamp: it reports a duplicate id and an unknown element', () => {
    const bad = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Input.Text', id: 'x' },
        { type: 'Input.Text', id: 'x' },
        { type: 'Fancy.Widget' },
      ],
    };
    const problems = cardProblems(bad).join('\n');
    expect(problems).toMatch(/DuplicateId/);
    expect(problems).toMatch(/Unknown element type "Fancy.Widget"/);
  });
});

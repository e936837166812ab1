import { describe, expect, it } from 'vitest';
import { MeetingRun, type MeetingRunDeps } from './meeting-run.js';
import type { CaseCardModel, RunAction, RunAgendaItem, RunMeeting } from './model.js';
import type { MeetingRunRepository, RunActor } from './ports.js';

const MEETING = '00000000-0000-4000-8000-000000000001';
const ITEM = '00000000-0000-4000-8000-000000000002';
const AREA = '00000000-0000-4000-8000-000000000003';
const chair: RunActor = { personId: 'chair', areaId: AREA, agencyId: null, roles: ['chair'] };

const meeting: RunMeeting = {
  id: MEETING,
  areaId: AREA,
  status: 'in-progress',
  title: 'MARAC',
  scheduledStart: new Date('2026-12-07T09:30:00Z'),
  timeZone: 'Europe/London',
  nation: 'england-and-wales',
  areaPolicy: {},
  chairPersonId: 'chair',
  deputyChairPersonId: null,
  delegateChairPersonId: null,
  teamsMeetingId: null,
  chatThreadId: null,
  conversationReference: null,
  openingChecklist: {
    confidentialityRead: false,
    introductions: false,
    outstandingActionsReminded: false,
  },
  actualStart: null,
  actualEnd: null,
};
const item: RunAgendaItem = {
  agendaItemId: ITEM,
  caseId: 'case',
  position: 1,
  caseReference: 'C-1',
  plannedStart: null,
  plannedMinutes: 20,
  actualStart: new Date('2026-12-07T09:40:00Z'),
  actualEnd: null,
  isClosedSession: false,
  agenciesInvolved: [],
  referringAgencyId: null,
  victimViewsRecorded: false,
  actionsConfirmedAt: null,
  nextNoticeSentAt: null,
  unheard: null,
};

/** A meeting run whose reads of the case's actions are answered by hand, in order. */
function setUp() {
  const reads: { resolve: (actions: RunAction[]) => void }[] = [];
  const runs = {
    getMeeting: async () => meeting,
    listAgenda: async () => [item],
    listCaseActions: () =>
      new Promise<RunAction[]>((resolve) => {
        reads.push({ resolve });
      }),
    listAgencies: async () => [],
    presentAgencyIds: async () => [],
    meetingPeople: async () => [],
    listOutstanding: async () => [],
    teamsUserIds: async () => new Map<string, string>(),
    setChecklist: async () => undefined,
  } as unknown as MeetingRunRepository;
  const deps = {
    runs,
    uow: {
      run: (work: (repos: unknown) => Promise<unknown>) =>
        work({ runs, audit: { record: async () => undefined } }),
    },
    chat: {},
    cards: { caseCard: (model: CaseCardModel) => ({ actions: model.actions.length }) },
    clock: { now: () => new Date('2026-12-07T10:00:00Z') },
    links: { meeting: () => 'https://example.test/tab' },
    log: { warn: () => undefined },
  } as unknown as MeetingRunDeps;
  return { run: new MeetingRun(deps), reads };
}

const actions = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ reference: `A-${i}` })) as RunAction[];
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('MeetingRun: reads of a case’s actions for its cards', () => {
  it('shares one read among concurrent cards when nothing changed meanwhile', async () => {
    const { run, reads } = setUp();
    const cards = [1, 2, 3].map(() => run.cardFor(MEETING, ITEM, null));
    await tick();
    expect(reads).toHaveLength(1);
    reads[0]!.resolve(actions(2));
    expect(await Promise.all(cards)).toEqual([{ actions: 2 }, { actions: 2 }, { actions: 2 }]);
  });

  it('never answers a card after a change with a read that started before it', async () => {
    const { run, reads } = setUp();
    const before = run.cardFor(MEETING, ITEM, null);
    await tick();
    expect(reads).toHaveLength(1);
    await run.setChecklistItem(MEETING, chair, 'introductions', true);
    // Two cards asked after the change: neither joins the read in flight; one read follows it.
    const after = [run.cardFor(MEETING, ITEM, null), run.cardFor(MEETING, ITEM, null)];
    await tick();
    expect(reads).toHaveLength(1);
    reads[0]!.resolve(actions(1));
    expect(await before).toEqual({ actions: 1 });
    await tick();
    expect(reads).toHaveLength(2);
    reads[1]!.resolve(actions(2));
    expect(await Promise.all(after)).toEqual([{ actions: 2 }, { actions: 2 }]);
  });

  it('reads again once the read in flight has ended', async () => {
    const { run, reads } = setUp();
    const first = run.cardFor(MEETING, ITEM, null);
    await tick();
    reads[0]!.resolve(actions(1));
    await first;
    const second = run.cardFor(MEETING, ITEM, null);
    await tick();
    expect(reads).toHaveLength(2);
    reads[1]!.resolve(actions(3));
    expect(await second).toEqual({ actions: 3 });
  });
});

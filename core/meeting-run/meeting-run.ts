import { resolveDueOn } from '../actions/action.js';
import { parseAreaPolicy } from '../area-policy.js';
import type { Nation } from '../calendar/bank-holidays.js';
import { localDay } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import { guardFreeText, SubjectIndex } from '../personal-data/index.js';
import type { ActionCategory } from '../model.js';
import type { Clock } from '../ports/clock.js';
import { breakPrompt } from './break-prompt.js';
import type { ConversationRef, MeetingChat } from '../ports/meeting-chat.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import { CHAIR_ROLES, hasAnyRole } from '../roles.js';
import { Coalescer } from './coalescer.js';
import {
  agendaState,
  type CardRenderer,
  type CardViewer,
  type CaseCardModel,
  type ChecklistItem,
  type RunAction,
  type RunAgendaItem,
  type RunMeeting,
  type SummaryCardModel,
  ENDED_BEFORE_HEARD,
  type UnheardOutcome,
} from './model.js';
import type { MeetingRunRepository, RunActor, RunRepos } from './ports.js';

/**
 * Running the meeting (FR-044..FR-053, FR-069, AC-01, AC-08): the chair starts and
 * closes cases from the tab's chair console or the chat; the bot posts each case card, which
 * representatives volunteer on and the chair assigns, confirms, edits and rejects through;
 * every change updates the posted card for everyone; at meeting end every card is rewritten to
 * references only. The card and console paths call the same functions here.
 */
export interface MeetingRunDeps {
  runs: MeetingRunRepository;
  uow: UnitOfWork<RunRepos>;
  chat: MeetingChat;
  cards: CardRenderer;
  clock: Clock;
  links: { meeting(meetingId: string): string };
  log: { warn(details: object, message: string): void };
  /** Waited between two updates of the same case's cards (coalescing bursts); none by default. */
  pauseBetweenCardUpdates?: () => Promise<void>;
  /**
   * The rest of a meeting's end when the chair ends it from the console (attendance closed,
   * reconciliation, the meeting-ended listeners: card redaction, new-action notices).
   */
  endMeeting?: (meetingId: string, endedAt: Date) => Promise<void>;
}

/** The chair's decision for a case not heard when the meeting ends. */
export interface UnheardDecision {
  agendaItemId: string;
  outcome: UnheardOutcome;
  reason: string | null;
}

export interface VolunteerInput {
  agencyId: string;
  description: string;
  category: ActionCategory;
  partnerAgencyIds: string[];
  dueOn: string | null;
  acknowledgePerpetratorWarning: boolean;
}

export interface ChangeInput {
  actionId: string;
  version: number;
  /** assign */
  agencyId?: string;
  ownerEntraObjectId?: string | null;
  ownerPersonId?: string | null;
  dueOn?: string | null;
  /** edit */
  description?: string | null;
  /** reject */
  reason?: string | null;
}

/** An invoke's identity, so a replay is refused instead of applied twice. */
export interface InvokeKey {
  invokeId: string;
  verb: string;
}

export class MeetingRun {
  private readonly refresher: Coalescer;
  private readonly policies = new WeakMap<RunMeeting, ReturnType<typeof parseAreaPolicy>>();
  /** Changes committed here, per meeting: a read of a case's actions started at the same count sees them all. */
  private readonly changes = new Map<string, number>();
  private readonly actionReads = new Map<
    string,
    { current: Promise<RunAction[]> | null; seen: number; next: Promise<RunAction[]> | null }
  >();

  constructor(private readonly deps: MeetingRunDeps) {
    this.refresher = new Coalescer(deps.pauseBetweenCardUpdates);
  }

  /** The service's time: which occurrence of a series a chat activity belongs to. */
  now(): Date {
    return this.deps.clock.now();
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  /** The chair console's view (tab API GET /api/meetings/:id/run). */
  async view(meetingId: string, actor: RunActor) {
    const meeting = await this.meeting(meetingId, actor);
    const [agenda, actions] = await Promise.all([
      this.deps.runs.listAgenda(meetingId),
      this.deps.runs.listActions(meetingId),
    ]);
    const current = agenda.find((i) => agendaState(i) === 'current');
    return {
      meetingId,
      status: meeting.status,
      breakPrompt: breakPrompt(
        meeting,
        agenda,
        parseAreaPolicy(meeting.areaPolicy ?? {}).breakPromptMinutes,
        this.deps.clock.now(),
      ),
      currentAgendaItemId: current?.agendaItemId ?? null,
      openingChecklist: meeting.openingChecklist,
      agenda: agenda.map((i) => ({
        agendaItemId: i.agendaItemId,
        position: i.position,
        caseReference: i.caseReference,
        plannedStart: i.plannedStart,
        plannedMinutes: i.plannedMinutes,
        actualStart: i.actualStart,
        actualEnd: i.actualEnd,
        state: agendaState(i),
        unheard: i.unheard,
      })),
      actions: actions.map((a) => ({
        id: a.id,
        reference: a.reference,
        agendaItemId: a.agendaItemId,
        ownerAgency: a.ownerAgency,
        ownerPerson: a.ownerPerson,
        description: a.description,
        category: a.category,
        dueOn: a.dueOn,
        state: a.state,
        version: a.version,
      })),
    };
  }

  /** The card a person sees (refresh, and the answer to their own invoke). */
  async cardFor(
    meetingId: string,
    agendaItemId: string,
    actor: RunActor | null,
    /** The case's actions as a change just returned them (saves reading them again). */
    caseActions?: RunAction[],
  ) {
    const meeting = await this.requireMeeting(meetingId);
    const viewer = actor ? this.viewerOf(meeting, actor) : ({ kind: 'everyone' } as const);
    const model = await this.caseModel(meeting, agendaItemId, caseActions);
    return this.deps.cards.caseCard(model, viewer);
  }

  async summaryFor(meetingId: string, agendaItemId: string, actor: RunActor | null) {
    const meeting = await this.requireMeeting(meetingId);
    const viewer = actor ? this.viewerOf(meeting, actor) : ({ kind: 'everyone' } as const);
    return this.deps.cards.summaryCard(await this.summaryModel(meeting, agendaItemId), viewer);
  }

  tabUrl(meetingId: string): string {
    return this.deps.links.meeting(meetingId);
  }

  // -------------------------------------------------------------------------------------------
  // The end of the meeting

  /**
   * The chair ends the meeting (chair console). Each case not heard needs a decision: carried
   * forward to the area's next open meeting (a copy of its slot goes on that agenda) or not
   * heard, with a reason. All or nothing: a case still under discussion, a missing decision, a
   * "not heard" without a reason or no next meeting to carry to refuses the end, naming the
   * case, and stores nothing. Ending an ended meeting again changes nothing.
   */
  async endMeeting(meetingId: string, actor: RunActor, decisions: UnheardDecision[]) {
    const meeting = await this.meeting(meetingId, actor);
    this.requireChair(meeting, actor);
    if (meeting.status === 'ended' || meeting.actualEnd)
      return { ended: false, carriedForward: 0, notHeard: 0, carriedTo: null };
    if (meeting.status === 'cancelled')
      throw new DomainError('INVALID_STATE', 'The meeting was cancelled.');
    const agenda = await this.deps.runs.listAgenda(meetingId);
    const current = agenda.find((i) => agendaState(i) === 'current');
    if (current)
      throw new DomainError(
        'INVALID_STATE',
        `Case ${current.position} (${current.caseReference}) is still under discussion: close it before ending the meeting.`,
      );
    const unheard = agenda.filter((i) => agendaState(i) === 'pending' && !i.unheard);
    const byItem = new Map(decisions.map((d, index) => [d.agendaItemId, { ...d, index }]));
    const problems: { path: string; message: string }[] = [];
    for (const d of decisions)
      if (!unheard.some((i) => i.agendaItemId === d.agendaItemId))
        problems.push({
          path: `decisions.${byItem.get(d.agendaItemId)!.index}.agendaItemId`,
          message: 'That case is not waiting to be heard at this meeting.',
        });
    for (const item of unheard) {
      const d = byItem.get(item.agendaItemId);
      const label = `Case ${item.position} (${item.caseReference})`;
      if (!d)
        problems.push({
          path: `unheard.${item.agendaItemId}`,
          message: `${label} was not heard: carry it forward or mark it not heard.`,
        });
      else if (d.outcome === 'not-heard' && !d.reason?.trim())
        problems.push({
          path: `unheard.${item.agendaItemId}.reason`,
          message: `${label}: say why it was not heard.`,
        });
      else if ((d.reason?.trim().length ?? 0) > 500)
        problems.push({
          path: `unheard.${item.agendaItemId}.reason`,
          message: `${label}: keep the reason to 500 characters.`,
        });
    }
    if (problems.length > 0)
      throw new DomainError(
        'VALIDATION_FAILED',
        problems.length === 1
          ? problems[0]!.message
          : `${problems.length} cases need a decision before the meeting ends.`,
        problems,
      );
    const carried = unheard.filter(
      (i) => byItem.get(i.agendaItemId)?.outcome === 'carried-forward',
    );
    const next = carried.length > 0 ? await this.deps.runs.nextOpenMeeting(meetingId) : null;
    if (carried.length > 0 && !next)
      throw new DomainError(
        'INVALID_STATE',
        'There is no later MARAC meeting to carry the cases forward to: schedule one first, or mark them not heard.',
        carried.map((i) => ({
          path: `unheard.${i.agendaItemId}`,
          message: 'No later meeting to carry this case forward to.',
        })),
      );
    const now = this.deps.clock.now();
    await this.deps.uow.run(async ({ runs, audit }) => {
      for (const item of unheard) {
        const d = byItem.get(item.agendaItemId)!;
        if (d.outcome === 'carried-forward')
          await runs.carryForward(item.agendaItemId, next!.id, now);
        await runs.recordUnheard(item.agendaItemId, {
          outcome: d.outcome,
          reason: d.reason?.trim() || null,
          decidedBy: actor.personId,
          carriedToMeetingId: d.outcome === 'carried-forward' ? next!.id : null,
          now,
        });
      }
      await runs.markRunEnded(meetingId, now);
      // Ids and counts only: the reasons stay on the agenda rows.
      await audit.record({
        at: now,
        areaId: meeting.areaId,
        actor: { kind: 'person', personId: actor.personId },
        action: 'meeting.end',
        recordType: 'meeting',
        recordId: meetingId,
        meetingId,
        detail: {
          carriedForward: carried.length,
          notHeard: unheard.length - carried.length,
          ...(next && carried.length > 0 ? { carriedTo: next.id } : {}),
        },
      });
    });
    this.changed(meetingId);
    this.deps.runs.forget?.(meetingId);
    if (this.deps.endMeeting) await this.deps.endMeeting(meetingId, now);
    return {
      ended: true,
      carriedForward: carried.length,
      notHeard: unheard.length - carried.length,
      carriedTo: carried.length > 0 ? next!.id : null,
    };
  }

  /**
   * The meeting ended (in Teams, or by the chair): every case the chair neither heard nor
   * decided about is recorded as not heard, so minutes, presence and reports say so. Once.
   */
  async recordUnheardAtEnd(meetingId: string): Promise<number> {
    const meeting = await this.deps.runs.getMeeting(meetingId);
    if (!meeting || !(meeting.status === 'ended' || meeting.actualEnd)) return 0;
    const agenda = await this.deps.runs.listAgenda(meetingId);
    const left = agenda.filter((i) => agendaState(i) === 'pending' && !i.unheard);
    if (left.length === 0) return 0;
    const now = this.deps.clock.now();
    const recorded = await this.deps.uow.run(async ({ runs, audit }) => {
      let n = 0;
      for (const item of left)
        if (
          await runs.recordUnheard(item.agendaItemId, {
            outcome: 'not-heard',
            reason: ENDED_BEFORE_HEARD,
            decidedBy: null,
            carriedToMeetingId: null,
            now,
          })
        )
          n += 1;
      if (n > 0)
        await audit.record({
          at: now,
          areaId: meeting.areaId,
          actor: { kind: 'system' },
          action: 'meeting.unheard-recorded',
          recordType: 'meeting',
          recordId: meetingId,
          meetingId,
          detail: { notHeard: n },
        });
      return n;
    });
    this.deps.runs.forget?.(meetingId);
    return recorded;
  }

  // -------------------------------------------------------------------------------------------
  // The chair moving through the agenda

  async setChecklistItem(meetingId: string, actor: RunActor, item: ChecklistItem, done: boolean) {
    const meeting = await this.meeting(meetingId, actor);
    this.requireChair(meeting, actor);
    const checklist = { ...meeting.openingChecklist, [item]: done };
    const now = this.deps.clock.now();
    await this.deps.uow.run(async ({ runs, audit }) => {
      await runs.setChecklist(meetingId, checklist, actor.personId, now);
      await audit.record({
        at: now,
        areaId: meeting.areaId,
        actor: { kind: 'person', personId: actor.personId },
        action: 'meeting.checklist',
        recordType: 'meeting',
        recordId: meetingId,
        meetingId,
        detail: { item, done },
      });
    });
    this.changed(meetingId);
    this.deps.runs.forget?.(meetingId);
    return checklist;
  }

  /**
   * Starts a case: sets its actual start, posts the case card into the meeting chat and tells
   * the next case's invitees that theirs is next (FR-069). Starting the current case again
   * changes nothing; another case must be closed first.
   */
  async startCase(meetingId: string, agendaItemId: string, actor: RunActor) {
    const meeting = await this.meeting(meetingId, actor);
    this.requireChair(meeting, actor);
    if (meeting.status === 'ended' || meeting.actualEnd)
      throw new DomainError('INVALID_STATE', 'The meeting has ended.');
    const agenda = await this.deps.runs.listAgenda(meetingId);
    const item = agenda.find((i) => i.agendaItemId === agendaItemId);
    if (!item) throw new DomainError('NOT_FOUND', 'That case is not on this meeting’s agenda.');
    const state = agendaState(item);
    if (state === 'current') return { started: false, agendaItemId };
    if (state === 'closed')
      throw new DomainError('INVALID_STATE', `Case ${item.position} has already been closed.`);
    const current = agenda.find((i) => agendaState(i) === 'current');
    if (current)
      throw new DomainError(
        'INVALID_STATE',
        `Case ${current.position} (${current.caseReference}) is still open: close it first.`,
      );
    const ref = this.conversationOf(meeting);
    const now = this.deps.clock.now();
    await this.deps.uow.run(async ({ runs, audit }) => {
      await runs.startItem(meetingId, agendaItemId, now);
      await audit.record({
        at: now,
        areaId: meeting.areaId,
        actor: { kind: 'person', personId: actor.personId },
        action: 'case.start',
        recordType: 'agenda_item',
        recordId: agendaItemId,
        meetingId,
      });
    });
    this.changed(meetingId);
    this.deps.runs.forget?.(meetingId);
    const model = await this.caseModel(meeting, agendaItemId);
    const posted = await this.deps.chat.postCard(
      ref,
      this.deps.cards.caseCard(model, { kind: 'everyone' }),
    );
    await this.deps.runs.recordPostedCard({
      meetingId,
      agendaItemId,
      kind: 'case',
      conversationId: ref.conversationId,
      activityId: posted.activityId,
      now,
    });
    const next = agenda
      .filter((i) => i.position > item.position && agendaState(i) === 'pending')
      .sort((a, b) => a.position - b.position)[0];
    const notified = next ? await this.notifyNext(meeting, ref, next) : 0;
    return { started: true, agendaItemId, activityId: posted.activityId, notified };
  }

  /** Closes the current case: the case card freezes and the summary card is posted (FR-053). */
  async closeCase(meetingId: string, agendaItemId: string, actor: RunActor) {
    const meeting = await this.meeting(meetingId, actor);
    this.requireChair(meeting, actor);
    const agenda = await this.deps.runs.listAgenda(meetingId);
    const item = agenda.find((i) => i.agendaItemId === agendaItemId);
    if (!item) throw new DomainError('NOT_FOUND', 'That case is not on this meeting’s agenda.');
    const state = agendaState(item);
    if (state === 'closed') return { closed: false, agendaItemId };
    if (state === 'pending')
      throw new DomainError('INVALID_STATE', `Case ${item.position} has not been started.`);
    const ref = this.conversationOf(meeting);
    const now = this.deps.clock.now();
    await this.deps.uow.run(async ({ runs, audit }) => {
      await runs.endItem(agendaItemId, now);
      await audit.record({
        at: now,
        areaId: meeting.areaId,
        actor: { kind: 'person', personId: actor.personId },
        action: 'case.close',
        recordType: 'agenda_item',
        recordId: agendaItemId,
        meetingId,
      });
    });
    this.changed(meetingId);
    this.deps.runs.forget?.(meetingId);
    await this.refreshPostedCards(meetingId, agendaItemId);
    const summary = await this.summaryModel(meeting, agendaItemId);
    const posted = await this.deps.chat.postCard(
      ref,
      this.deps.cards.summaryCard(summary, { kind: 'everyone' }),
    );
    await this.deps.runs.recordPostedCard({
      meetingId,
      agendaItemId,
      kind: 'summary',
      conversationId: ref.conversationId,
      activityId: posted.activityId,
      now,
    });
    return {
      closed: true,
      agendaItemId,
      agreed: summary.actions.filter((a) => a.state === 'open').length,
      awaitingChair: summary.actions.filter((a) => a.state === 'volunteered').length,
    };
  }

  /** FR-053: the chair confirms the case summary. */
  async confirmSummary(meetingId: string, agendaItemId: string, actor: RunActor, key?: InvokeKey) {
    const meeting = await this.meeting(meetingId, actor);
    this.requireChair(meeting, actor);
    const item = (await this.deps.runs.listAgenda(meetingId)).find(
      (i) => i.agendaItemId === agendaItemId,
    );
    if (!item) throw new DomainError('NOT_FOUND', 'That case is not on this meeting’s agenda.');
    if (agendaState(item) !== 'closed')
      throw new DomainError('INVALID_STATE', 'Close the case before confirming its summary.');
    const now = this.deps.clock.now();
    await this.deps.uow.run(async ({ runs }) => {
      await this.claim(runs, meetingId, actor, key, now);
      await runs.confirmSummary(agendaItemId, actor.personId, now);
    });
    this.changed(meetingId);
    this.deps.runs.forget?.(meetingId);
    void this.refreshPostedCards(meetingId, agendaItemId);
  }

  // -------------------------------------------------------------------------------------------
  // Actions on the card (AC-01, AC-03, AC-08, FR-048..FR-052)

  /** A representative volunteers an action for their own agency (the chair for any agency). */
  async volunteer(
    meetingId: string,
    agendaItemId: string,
    actor: RunActor,
    input: VolunteerInput,
    key?: InvokeKey,
  ) {
    const meeting = await this.meeting(meetingId, actor);
    const item = await this.openItem(meetingId, agendaItemId);
    const chair = this.isChair(meeting, actor);
    if (!chair && !actor.agencyId)
      throw new DomainError('FORBIDDEN', 'Only agency representatives volunteer actions.');
    if (!chair && input.agencyId !== actor.agencyId)
      throw new DomainError(
        'FORBIDDEN',
        'You can volunteer actions for your own agency only. To suggest one for another agency, ask the chair, who can assign it.',
      );
    const agencies = await this.deps.runs.listAgencies(meeting.areaId);
    const known = new Set(agencies.map((a) => a.id));
    if (!known.has(input.agencyId))
      throw new DomainError('VALIDATION_FAILED', 'That agency is not a member of this MARAC.');
    const partners = [...new Set(input.partnerAgencyIds)].filter((p) => p !== input.agencyId);
    if (partners.some((p) => !known.has(p)))
      throw new DomainError('VALIDATION_FAILED', 'A joint partner is not a member of this MARAC.');
    await this.guardDescription(meetingId, item.caseId, input.description, 'description');
    if (input.category === 'perpetrator' && !input.acknowledgePerpetratorWarning)
      throw new DomainError(
        'PERPETRATOR_WARNING_NOT_ACKNOWLEDGED',
        'A perpetrator action must not be attributed to the MARAC and should be done by an agency in contact with the perpetrator: tick the acknowledgement.',
      );
    const due = this.dueOn(meeting, input.dueOn);
    const now = this.deps.clock.now();
    // One statement (claim, action, history, audit) and the case's actions back with it: a
    // click costs one round trip, and its card needs no further read of the actions.
    const written = await this.deps.runs.volunteerAction({
      action: {
        areaId: meeting.areaId,
        caseId: item.caseId,
        meetingId,
        agendaItemId,
        ownerAgencyId: input.agencyId,
        ownerPersonId: null,
        description: input.description.trim(),
        category: input.category,
        partnerAgencyIds: partners,
        dueOn: due.dueOn,
        dueOverridden: due.dueOverridden,
        state: 'volunteered',
        volunteeredBy: actor.personId,
      },
      actorPersonId: actor.personId,
      // FR-052: the volunteer acknowledged the warning for their own agency.
      acknowledged: input.category === 'perpetrator' && input.agencyId === actor.agencyId,
      claim: key ? { invokeId: key.invokeId, verb: key.verb } : null,
      now,
    });
    if (!written) throw replayed();
    this.changed(meetingId);
    void this.refreshPostedCards(meetingId, agendaItemId);
    return { ...written.created, caseActions: written.caseActions };
  }

  /** The chair assigns: owning agency, optionally a named owner, due date; the action is agreed. */
  async assign(meetingId: string, actor: RunActor, input: ChangeInput, key?: InvokeKey) {
    const { meeting, action } = await this.chairChange(meetingId, actor, input);
    if (action.state !== 'volunteered' && action.state !== 'open')
      throw new DomainError('INVALID_STATE', `${action.reference} is ${action.state}.`);
    const agencyId = input.agencyId ?? action.ownerAgency.id;
    if (!(await this.deps.runs.listAgencies(meeting.areaId)).some((a) => a.id === agencyId))
      throw new DomainError('VALIDATION_FAILED', 'That agency is not a member of this MARAC.');
    let ownerPersonId = input.ownerPersonId ?? null;
    if (input.ownerEntraObjectId) {
      const person = await this.deps.runs.findPersonByEntraId(input.ownerEntraObjectId);
      if (!person || person.areaId !== meeting.areaId)
        throw new DomainError(
          'VALIDATION_FAILED',
          'The owner picked is not registered with this MARAC: pick a representative of the owning agency.',
        );
      ownerPersonId = person.personId;
    }
    if (ownerPersonId) {
      const owner = await this.deps.runs.findPersonById(ownerPersonId);
      if (!owner || owner.areaId !== meeting.areaId)
        throw new DomainError('VALIDATION_FAILED', 'The owner is not registered with this MARAC.');
      if (owner.agencyId !== agencyId)
        throw new DomainError(
          'VALIDATION_FAILED',
          'The owner must belong to the owning agency (AC-03: clear who is responsible).',
        );
    }
    this.requireAcknowledged(action);
    const due = input.dueOn ? this.dueOn(meeting, input.dueOn) : null;
    return this.applyChange(meeting, actor, action, key, {
      to: 'open',
      event: 'assigned',
      changes: {
        ownerAgencyId: agencyId,
        ownerPersonId,
        ...(due ? { dueOn: due.dueOn, dueOverridden: due.dueOverridden } : {}),
      },
    });
  }

  /** The chair confirms a volunteered action as it stands (it becomes open, AC-08). */
  async confirm(meetingId: string, actor: RunActor, input: ChangeInput, key?: InvokeKey) {
    const { meeting, action } = await this.chairChange(meetingId, actor, input);
    if (action.state !== 'volunteered')
      throw new DomainError('INVALID_STATE', `${action.reference} is already ${action.state}.`);
    this.requireAcknowledged(action);
    const updated = await this.applyChange(meeting, actor, action, key, { to: 'open' });
    this.inBackground(this.notifyAgreed(meeting, action));
    return updated;
  }

  async edit(meetingId: string, actor: RunActor, input: ChangeInput, key?: InvokeKey) {
    const { meeting, action } = await this.chairChange(meetingId, actor, input);
    if (action.state !== 'volunteered' && action.state !== 'open')
      throw new DomainError('INVALID_STATE', `${action.reference} is ${action.state}.`);
    const description = input.description?.trim() || null;
    if (!description && !input.dueOn)
      throw new DomainError('VALIDATION_FAILED', 'Give a new description or a new due date.');
    if (description)
      await this.guardDescription(meetingId, action.caseId, description, 'description');
    const due = input.dueOn ? this.dueOn(meeting, input.dueOn) : null;
    return this.applyChange(meeting, actor, action, key, {
      to: action.state,
      event: 'edited',
      changes: {
        ...(description ? { description } : {}),
        ...(due ? { dueOn: due.dueOn, dueOverridden: due.dueOverridden } : {}),
      },
    });
  }

  async reject(meetingId: string, actor: RunActor, input: ChangeInput, key?: InvokeKey) {
    const { meeting, action } = await this.chairChange(meetingId, actor, input);
    if (action.state !== 'volunteered')
      throw new DomainError(
        'INVALID_STATE',
        `${action.reference} is ${action.state}; only a volunteered action can be rejected.`,
      );
    const reason = input.reason?.trim() || null;
    if (reason) await this.guardDescription(meetingId, action.caseId, reason, 'reason');
    return this.applyChange(meeting, actor, action, key, {
      to: 'rejected',
      note: reason ? { reason } : undefined,
    });
  }

  /** FR-052: the owning agency's representative acknowledges the perpetrator-action warning. */
  async acknowledge(meetingId: string, actor: RunActor, input: ChangeInput, key?: InvokeKey) {
    const meeting = await this.meeting(meetingId, actor);
    const action = await this.actionOf(meetingId, input.actionId);
    if (action.category !== 'perpetrator')
      throw new DomainError('INVALID_STATE', `${action.reference} is not a perpetrator action.`);
    if (actor.agencyId !== action.ownerAgency.id)
      throw new DomainError(
        'FORBIDDEN',
        'Only the owning agency acknowledges its perpetrator-action warning.',
      );
    if (action.perpetratorWarningAcknowledged) {
      await this.refuseReplay(key);
      return action;
    }
    const now = this.deps.clock.now();
    await this.deps.uow.run(async ({ runs, audit }) => {
      await this.claim(runs, meetingId, actor, key, now);
      await runs.acknowledgePerpetratorWarning(action.id, actor.personId, now);
      await audit.record({
        at: now,
        areaId: meeting.areaId,
        actor: { kind: 'person', personId: actor.personId },
        action: 'action.acknowledge-perpetrator-warning',
        recordType: 'action',
        recordId: action.id,
        meetingId,
      });
    });
    this.changed(meetingId);
    if (action.agendaItemId) void this.refreshPostedCards(meetingId, action.agendaItemId);
    return action;
  }

  // -------------------------------------------------------------------------------------------
  // The chat copy of the cards

  /**
   * Every change updates the posted cards for everyone (updateActivity). Coalesced per case:
   * while an update is in flight further changes mark it dirty and one more update follows,
   * rendered after the last change, so the final card always shows every action.
   */
  refreshPostedCards(meetingId: string, agendaItemId: string): Promise<void> {
    return this.refresher
      .request(`${meetingId}/${agendaItemId}`, async () => {
        const meeting = await this.requireMeeting(meetingId);
        const ref = this.conversationOf(meeting);
        const cards = (await this.deps.runs.listPostedCards(meetingId)).filter(
          (c) => c.agendaItemId === agendaItemId && !c.redactedAt,
        );
        // Each card's JSON is rendered once, however many copies were posted.
        const rendered = new Map<string, Promise<Record<string, unknown>>>();
        const render = (kind: 'case' | 'summary') => {
          let json = rendered.get(kind);
          if (!json) {
            json =
              kind === 'summary'
                ? this.summaryModel(meeting, agendaItemId).then((m) =>
                    this.deps.cards.summaryCard(m, { kind: 'everyone' }),
                  )
                : this.caseModel(meeting, agendaItemId).then((m) =>
                    this.deps.cards.caseCard(m, { kind: 'everyone' }),
                  );
            rendered.set(kind, json);
          }
          return json;
        };
        for (const posted of cards)
          await this.deps.chat.updateCard(
            ref,
            posted.activityId,
            await render(posted.kind === 'summary' ? 'summary' : 'case'),
          );
      })
      .catch((error: unknown) =>
        this.deps.log.warn(
          { err: error, meetingId, agendaItemId },
          'case card update failed; the next change retries it',
        ),
      );
  }

  /** Resolves when no card update is in flight (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.background]);
    await this.refresher.idle();
  }

  /** Work after a change that the person who clicked does not wait for (idle() does). */
  private readonly background = new Set<Promise<unknown>>();
  private inBackground(work: Promise<unknown>) {
    const tracked: Promise<unknown> = work
      .catch((error: unknown) =>
        this.deps.log.warn({ err: error }, 'work after a meeting change failed'),
      )
      .finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  /**
   * A private confirmation: the owner of an action the chair has just agreed (the named owner,
   * else the owning agency's people at this meeting) gets a targeted in-meeting notification,
   * seen by them only, the same path as "your case is next" (PLATFORM.md §5). The action
   * reference and a link only. Nothing is sent for a meeting without its Teams id.
   */
  private async notifyAgreed(meeting: RunMeeting, action: RunAction) {
    if (!meeting.teamsMeetingId) return;
    const ref = this.conversationOf(meeting);
    const people = await this.deps.runs.meetingPeople(meeting.id);
    const owners = action.ownerPerson
      ? people.filter((p) => p.personId === action.ownerPerson!.id)
      : people.filter((p) => p.agencyId === action.ownerAgency.id);
    const ids = await this.deps.runs.teamsUserIds(
      owners.map((p) => p.entraObjectId).filter((x): x is string => Boolean(x)),
    );
    const recipients = [...ids.values()];
    if (recipients.length === 0) return;
    await this.deps.chat.notifyParticipants(ref, meeting.teamsMeetingId, recipients, {
      title: `Agreed by the chair: action ${action.reference} for ${action.ownerAgency.name}`,
      url: this.deps.links.meeting(meeting.id),
    });
  }

  /**
   * Meeting end: the chat history persists, so every card the bot posted is rewritten to
   * references only (action numbers, owners, due dates, a link to the tab). Idempotent.
   */
  async redactMeetingCards(meetingId: string): Promise<{ redacted: number; failed: number }> {
    await this.refresher.idle();
    this.deps.runs.forget?.(meetingId);
    const meeting = await this.requireMeeting(meetingId);
    if (!meeting.conversationReference) return { redacted: 0, failed: 0 };
    const ref = this.conversationOf(meeting);
    let redacted = 0;
    let failed = 0;
    for (const posted of await this.deps.runs.listPostedCards(meetingId)) {
      if (posted.redactedAt || !posted.agendaItemId) continue;
      const summary = await this.summaryModel(meeting, posted.agendaItemId);
      try {
        await this.deps.chat.updateCard(
          ref,
          posted.activityId,
          this.deps.cards.redactedCard({
            ...summary,
            kind: posted.kind === 'summary' ? 'summary' : 'case',
          }),
        );
        await this.deps.runs.markRedacted(posted.id, this.deps.clock.now());
        redacted++;
      } catch (error) {
        failed++;
        this.deps.log.warn(
          { err: error, meetingId, postedCardId: posted.id },
          'card redaction failed',
        );
      }
    }
    return { redacted, failed };
  }

  /**
   * The retry for redaction (FR-049): cards of ended meetings whose rewrite failed (the Bot
   * Connector unreachable at meeting end) are rewritten by a scheduled job. One meeting's
   * failure does not stop the others.
   */
  async redactEndedMeetings(): Promise<{ meetings: number; redacted: number; failed: number }> {
    const totals = { meetings: 0, redacted: 0, failed: 0 };
    for (const meetingId of await this.deps.runs.meetingsWithUnredactedCards()) {
      totals.meetings++;
      try {
        const { redacted, failed } = await this.redactMeetingCards(meetingId);
        totals.redacted += redacted;
        totals.failed += failed;
      } catch (error) {
        totals.failed++;
        this.deps.log.warn({ err: error, meetingId }, 'card redaction retry failed');
      }
    }
    return totals;
  }

  /** Remembers a Teams user's 29: id as seen on an activity (refresh userIds, FR-069). */
  rememberTeamsUser(entraObjectId: string, teamsUserId: string): Promise<void> {
    return this.deps.runs.rememberTeamsUser(entraObjectId, teamsUserId, this.deps.clock.now());
  }

  // -------------------------------------------------------------------------------------------
  // Internals

  private async notifyNext(meeting: RunMeeting, ref: ConversationRef, next: RunAgendaItem) {
    if (!meeting.teamsMeetingId) return 0;
    const invitees = await this.deps.runs.caseInvitees(next.agendaItemId);
    const ids = await this.deps.runs.teamsUserIds(
      invitees.map((p) => p.entraObjectId).filter((x): x is string => Boolean(x)),
    );
    const recipients = [...ids.values()];
    if (recipients.length === 0) return 0;
    if (!(await this.deps.runs.claimNextNotice(next.agendaItemId, this.deps.clock.now()))) return 0;
    try {
      // FR-069, FR-049: the case reference and position only.
      await this.deps.chat.notifyParticipants(ref, meeting.teamsMeetingId, recipients, {
        title: `Your case is next: case ${next.position} (${next.caseReference})`,
        url: this.deps.links.meeting(meeting.id),
      });
      return recipients.length;
    } catch (error) {
      this.deps.log.warn({ err: error, meetingId: meeting.id }, 'case-next notification failed');
      return 0;
    }
  }

  private async applyChange(
    meeting: RunMeeting,
    actor: RunActor,
    action: RunAction,
    key: InvokeKey | undefined,
    change: {
      to: RunAction['state'];
      event?: string;
      changes?: Parameters<RunRepos['actions']['transition']>[1]['changes'];
      note?: Record<string, string | number | boolean | null>;
    },
  ) {
    const now = this.deps.clock.now();
    const updated = await this.deps.uow.run(async ({ runs, actions, audit }) => {
      await this.claim(runs, meeting.id, actor, key, now);
      const result = await actions.transition(action.id, {
        to: change.to,
        expectedVersion: action.version,
        actorPersonId: actor.personId,
        now,
        changes: change.changes,
        event: change.event,
        note: change.note,
      });
      await audit.record({
        at: now,
        areaId: meeting.areaId,
        actor: { kind: 'person', personId: actor.personId },
        action: `action.${change.event ?? (change.to === 'open' ? 'confirm' : change.to === 'rejected' ? 'reject' : 'update')}`,
        recordType: 'action',
        recordId: action.id,
        meetingId: meeting.id,
      });
      return result;
    });
    this.changed(meeting.id);
    if (action.agendaItemId) void this.refreshPostedCards(meeting.id, action.agendaItemId);
    return updated;
  }

  private async refuseReplay(key: InvokeKey | undefined) {
    if (key && (await this.deps.runs.invokeApplied(key.invokeId))) throw replayed();
  }

  /**
   * What to tell the person whose card action was refused. A replayed invoke (Teams retrying
   * with the same id) is refused by the claim in the change's own transaction; when it was
   * refused earlier by another check (the case closed since, the version moved on) it is still
   * answered as a replay. Checked only on refusal, so an accepted click costs no look-up.
   */
  async explainRefusal(error: DomainError, key: InvokeKey | undefined): Promise<DomainError> {
    if (!key || error.message === replayed().message) return error;
    return (await this.deps.runs.invokeApplied(key.invokeId)) ? replayed() : error;
  }

  private async claim(
    runs: MeetingRunRepository,
    meetingId: string,
    actor: RunActor,
    key: InvokeKey | undefined,
    now: Date,
  ) {
    if (!key) return;
    const first = await runs.claimInvoke({
      invokeId: key.invokeId,
      meetingId,
      personId: actor.personId,
      verb: key.verb,
      now,
    });
    if (!first) throw replayed();
  }

  private async chairChange(meetingId: string, actor: RunActor, input: ChangeInput) {
    const meeting = await this.meeting(meetingId, actor);
    this.requireChair(meeting, actor);
    const action = await this.actionOf(meetingId, input.actionId);
    if (action.version !== input.version)
      throw new DomainError(
        'CONFLICT',
        `${action.reference} was changed by someone else since this card was shown (version ${action.version}, the card had ${input.version}); the card now shows the latest.`,
      );
    return { meeting, action };
  }

  private async actionOf(meetingId: string, actionId: string) {
    const action = await this.deps.runs.getAction(actionId);
    if (!action || action.meetingId !== meetingId)
      throw new DomainError('NOT_FOUND', 'That action is not one of this meeting’s actions.');
    return action;
  }

  private requireAcknowledged(action: RunAction) {
    if (action.category === 'perpetrator' && !action.perpetratorWarningAcknowledged)
      throw new DomainError(
        'PERPETRATOR_WARNING_NOT_ACKNOWLEDGED',
        `${action.reference} is a perpetrator action: the owning agency must acknowledge the warning before it is agreed.`,
      );
  }

  /** Card text goes to the meeting chat: no subject of any case on this agenda may be in it. */
  private async guardDescription(meetingId: string, caseId: string, text: string, field: string) {
    guardFreeText(text, SubjectIndex.of(await this.deps.runs.meetingSubjects(meetingId)), {
      field,
      caseId,
      advice:
        'Cards are posted in the meeting chat: describe people by role (“the victim”, “child 1”), never by name, date of birth or address.',
    });
  }

  private dueOn(meeting: RunMeeting, override: string | null) {
    // The stored policy object is the cache key: a re-read meeting brings a new one.
    let policy = this.policies.get(meeting);
    if (!policy) {
      policy = parseAreaPolicy(meeting.areaPolicy ?? {});
      this.policies.set(meeting, policy);
    }
    return resolveDueOn({
      override,
      policy,
      meetingDay: localDay(meeting.scheduledStart, meeting.timeZone),
      today: localDay(this.deps.clock.now(), meeting.timeZone),
      nation: meeting.nation as Nation,
    });
  }

  private async openItem(meetingId: string, agendaItemId: string) {
    const item = (await this.deps.runs.listAgenda(meetingId)).find(
      (i) => i.agendaItemId === agendaItemId,
    );
    if (!item) throw new DomainError('NOT_FOUND', 'That case is not on this meeting’s agenda.');
    if (agendaState(item) !== 'current')
      throw new DomainError(
        'INVALID_STATE',
        agendaState(item) === 'closed'
          ? `Case ${item.position} has been closed; actions for it are added in the tab.`
          : `Case ${item.position} has not started yet.`,
      );
    return item;
  }

  private async meeting(meetingId: string, actor: RunActor) {
    const meeting = await this.requireMeeting(meetingId);
    if (meeting.areaId !== actor.areaId) throw new DomainError('NOT_FOUND', 'No such meeting.');
    return meeting;
  }

  private async requireMeeting(meetingId: string) {
    const meeting = await this.deps.runs.getMeeting(meetingId);
    if (!meeting) throw new DomainError('NOT_FOUND', 'No such meeting.');
    return meeting;
  }

  isChair(meeting: RunMeeting, actor: RunActor): boolean {
    return (
      hasAnyRole(actor.roles, CHAIR_ROLES) ||
      [meeting.chairPersonId, meeting.deputyChairPersonId, meeting.delegateChairPersonId].includes(
        actor.personId,
      )
    );
  }

  private requireChair(meeting: RunMeeting, actor: RunActor) {
    if (!this.isChair(meeting, actor))
      throw new DomainError('FORBIDDEN', 'Only the chair or deputy chair runs the meeting.');
  }

  private viewerOf(meeting: RunMeeting, actor: RunActor): CardViewer {
    return this.isChair(meeting, actor)
      ? { kind: 'chair' }
      : { kind: 'agency', agencyId: actor.agencyId };
  }

  private conversationOf(meeting: RunMeeting): ConversationRef {
    const raw = meeting.conversationReference as {
      conversation?: { id?: string; tenantId?: string };
      serviceUrl?: string;
    } | null;
    if (!raw?.conversation?.id || !raw.serviceUrl)
      throw new DomainError(
        'MEETING_NOT_READY',
        'The bot has not been in this meeting’s chat yet: start the Teams meeting (with Virtual MARAC installed) first.',
      );
    return {
      conversationId: raw.conversation.id,
      serviceUrl: raw.serviceUrl,
      tenantId: raw.conversation.tenantId ?? null,
      raw,
    };
  }

  private changed(meetingId: string) {
    this.changes.set(meetingId, (this.changes.get(meetingId) ?? 0) + 1);
  }

  /**
   * One case's actions, as they stand after every change this service committed before the
   * call. Forty clicks at once each need a card showing their own action, so reads of a case
   * are gathered: at most one is in flight per case; a caller joins it when no change was
   * committed here since it started, and otherwise waits for the next one, which starts when it
   * ends and serves everyone who asked meanwhile. A burst reads the list a few times, not forty.
   */
  private caseActions(meetingId: string, agendaItemId: string): Promise<RunAction[]> {
    const key = `${meetingId}/${agendaItemId}`;
    const seen = this.changes.get(meetingId) ?? 0;
    const slot = this.actionReads.get(key) ?? { current: null, seen: -1, next: null };
    this.actionReads.set(key, slot);
    const start = () => {
      const read = this.deps.runs.listCaseActions(meetingId, agendaItemId);
      slot.current = read;
      slot.seen = this.changes.get(meetingId) ?? 0;
      const done = () => {
        if (slot.current !== read) return;
        slot.current = null;
        if (!slot.next) this.actionReads.delete(key);
      };
      read.then(done, done);
      return read;
    };
    if (!slot.current) return start();
    if (slot.seen === seen) return slot.current;
    slot.next ??= slot.current
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        slot.next = null;
        return start();
      });
    return slot.next;
  }

  private async caseModel(
    meeting: RunMeeting,
    agendaItemId: string,
    known?: RunAction[],
  ): Promise<CaseCardModel> {
    const [agenda, actions, agencies, present, people] = await Promise.all([
      this.deps.runs.listAgenda(meeting.id),
      known ?? this.caseActions(meeting.id, agendaItemId),
      this.deps.runs.listAgencies(meeting.areaId),
      this.deps.runs.presentAgencyIds(meeting.id),
      this.deps.runs.meetingPeople(meeting.id),
    ]);
    const item = agenda.find((i) => i.agendaItemId === agendaItemId);
    if (!item) throw new DomainError('NOT_FOUND', 'That case is not on this meeting’s agenda.');
    const outstanding = await this.deps.runs.listOutstanding(item.caseId, meeting.id);
    const expected = new Set([
      ...item.agenciesInvolved,
      ...(item.referringAgencyId ? [item.referringAgencyId] : []),
    ]);
    // Chairs first, so they keep their view if the 60-user cap of refresh is reached.
    const chairs = new Set(
      [meeting.chairPersonId, meeting.deputyChairPersonId, meeting.delegateChairPersonId].filter(
        Boolean,
      ),
    );
    const ordered = [...people].sort(
      (a, b) => Number(chairs.has(b.personId)) - Number(chairs.has(a.personId)),
    );
    const ids = await this.deps.runs.teamsUserIds(
      ordered.map((p) => p.entraObjectId).filter((x): x is string => Boolean(x)),
    );
    const refreshUserIds = ordered
      .map((p) => (p.entraObjectId ? ids.get(p.entraObjectId) : undefined))
      .filter((x): x is string => Boolean(x));
    return {
      meetingId: meeting.id,
      agendaItemId,
      caseReference: item.caseReference,
      position: item.position,
      caseCount: agenda.length,
      plannedStart: item.plannedStart,
      plannedMinutes: item.plannedMinutes,
      timeZone: meeting.timeZone,
      state: agendaState(item),
      agenciesExpected: agencies.filter((a) => expected.has(a.id)),
      agenciesPresent: present,
      outstanding,
      actions,
      agencies,
      defaultDueOn: this.dueOn(meeting, null).dueOn,
      victimViewsRecorded: item.victimViewsRecorded,
      refreshUserIds: [...new Set(refreshUserIds)].slice(0, 60),
      tabUrl: this.deps.links.meeting(meeting.id),
      redacted: false,
    };
  }

  private async summaryModel(meeting: RunMeeting, agendaItemId: string): Promise<SummaryCardModel> {
    const [agenda, actions] = await Promise.all([
      this.deps.runs.listAgenda(meeting.id),
      this.caseActions(meeting.id, agendaItemId),
    ]);
    const item = agenda.find((i) => i.agendaItemId === agendaItemId);
    if (!item) throw new DomainError('NOT_FOUND', 'That case is not on this meeting’s agenda.');
    return {
      meetingId: meeting.id,
      agendaItemId,
      caseReference: item.caseReference,
      position: item.position,
      actions,
      confirmed: item.actionsConfirmedAt !== null,
      tabUrl: this.deps.links.meeting(meeting.id),
    };
  }
}

function replayed() {
  return new DomainError(
    'CONFLICT',
    'This card action has already been applied (the same request arrived twice); nothing was changed.',
  );
}

import { type InvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { ACTION_CATEGORIES } from '../core/actions/action.js';
import { DomainError, isDomainError } from '../core/errors.js';
import type { InvokeKey, MeetingRun } from '../core/meeting-run/meeting-run.js';
import type { RunAction } from '../core/meeting-run/model.js';
import type { RunActor } from '../core/meeting-run/ports.js';
import type { MeetingRunRepository } from '../core/meeting-run/ports.js';
import { CARD_CONTENT_TYPE, execute, type Verb, VERBS } from './cards/card-parts.js';
import { errorCard } from './cards/case-card.js';

/**
 * Card actions from the meeting chat (PLATFORM.md §5): `adaptiveCard/action` invokes
 * (Action.Execute, answered in the HTTP response with the card the user now sees, content type
 * application/vnd.microsoft.card.adaptive) and, for clients without Universal Actions, the same
 * data arriving as a message (Action.Submit fallback). Every input is checked here; the rules
 * are core/meeting-run's. Refusals and bad input come back as an error card for the person who
 * clicked, with a way back to the case; nothing is stored. A replayed invoke (same activity id)
 * is refused by the store's idempotency claim in the same transaction as the change.
 */
export interface CardActionDeps {
  run: MeetingRun;
  runs: MeetingRunRepository;
  log: {
    warn(details: object, message: string): void;
    error(details: object, message: string): void;
  };
}

const uuid = z.uuid({ message: 'must be an id from the card' });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
const optionalText = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null));
const emptyToNull = (value: unknown) => (value === '' ? undefined : value);

const Base = z.object({ meetingId: uuid, agendaItemId: uuid }).loose();
const Target = z
  .object({
    actionId: uuid.optional(),
    version: z.coerce.number().int().positive().optional(),
    /** The chair console's picker: "actionId@version". */
    target: z
      .string()
      .regex(/^[0-9a-f-]{36}@\d+$/i, 'pick an action')
      .optional(),
  })
  .loose()
  .transform((v, ctx) => {
    const [actionId, version] = v.target
      ? [v.target.split('@')[0], Number(v.target.split('@')[1])]
      : [v.actionId, v.version];
    if (!actionId || !version) {
      ctx.addIssue({ code: 'custom', message: 'Pick an action.', path: ['target'] });
      return z.NEVER;
    }
    return { ...v, actionId, version };
  });

const Volunteer = z
  .object({
    agencyId: uuid,
    description: z
      .string({ message: 'Describe the action.' })
      .trim()
      .min(3, 'Describe the action (at least 3 characters).')
      .max(500, 'Keep the description to 500 characters.'),
    category: z.enum(ACTION_CATEGORIES, { message: 'Pick a category.' }),
    partnerAgencyIds: z
      .preprocess(
        (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : (v ?? [])),
        z.array(uuid).max(20),
      )
      .default([]),
    /** The card's two compact partner pickers (cards posted before them send the list above). */
    partnerAgencyId: z.preprocess(emptyToNull, uuid.optional()),
    partnerAgencyId2: z.preprocess(emptyToNull, uuid.optional()),
    dueOn: z.preprocess(emptyToNull, day.optional()),
    acknowledgePerpetratorWarning: z
      .preprocess((v) => v === true || v === 'true', z.boolean())
      .default(false),
  })
  .loose();

const Assign = z
  .object({
    assignAgencyId: z.preprocess(emptyToNull, uuid.optional()),
    assignOwner: z.preprocess(emptyToNull, uuid.optional()),
    assignDueOn: z.preprocess(emptyToNull, day.optional()),
  })
  .loose();
const Edit = z
  .object({
    editDescription: optionalText(500),
    editDueOn: z.preprocess(emptyToNull, day.optional()),
  })
  .loose();
const Reject = z.object({ rejectReason: optionalText(300) }).loose();

const InvokeValue = z.object({
  action: z.object({
    type: z.literal('Action.Execute', { message: 'only Action.Execute is handled' }),
    verb: z.string().min(1).max(64),
    // Teams may send null for members it has no value for: the same as absent.
    data: z
      .record(z.string(), z.unknown())
      .nullish()
      .transform((v) => v ?? {}),
  }),
  trigger: z.enum(['manual', 'automatic']).nullish(),
});

export type CardActionResult =
  | { kind: 'card'; card: Record<string, unknown> }
  | { kind: 'error'; message: string; card: Record<string, unknown> };

export class CardActionHandler {
  constructor(private readonly deps: CardActionDeps) {}

  /** `adaptiveCard/action`: always a 200 whose body is the Universal Actions response. */
  async invoke(context: TurnContext): Promise<InvokeResponse> {
    const parsed = InvokeValue.safeParse(context.activity.value);
    const result = parsed.success
      ? await this.handle(context, parsed.data.action.verb, parsed.data.action.data)
      : this.refusal(
          `The card sent something this bot does not understand (${issues(parsed.error)}).`,
          null,
        );
    return {
      status: 200,
      body: { statusCode: 200, type: CARD_CONTENT_TYPE, value: result.card },
    };
  }

  /**
   * Action.Submit fallback: the card data arrives as a message `value`. There is no reply card,
   * so success shows in the updated card and a refusal as a short chat reply (no case content).
   */
  async submit(context: TurnContext): Promise<boolean> {
    const value = context.activity.value as Record<string, unknown> | undefined;
    if (!value || typeof value !== 'object' || typeof value.verb !== 'string') return false;
    const result = await this.handle(context, value.verb, value);
    if (result.kind === 'error') await context.sendActivity(result.message);
    return true;
  }

  private async handle(
    context: TurnContext,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<CardActionResult> {
    const base = Base.safeParse(data);
    if (!(VERBS as readonly string[]).includes(verb))
      return this.refusal(`“${verb.slice(0, 40)}” is not an action this card offers.`, null);
    if (!base.success)
      return this.refusal(`The card data is incomplete (${issues(base.error)}).`, null);
    const { meetingId, agendaItemId } = base.data;
    try {
      const actor = await this.actorOf(context, meetingId);
      const known = await this.apply(
        verb as Verb,
        meetingId,
        agendaItemId,
        actor,
        data,
        keyOf(context, verb),
      );
      const card =
        verb === 'confirmSummary'
          ? await this.deps.run.summaryFor(meetingId, agendaItemId, actor)
          : await this.deps.run.cardFor(meetingId, agendaItemId, actor, known);
      return { kind: 'card', card };
    } catch (error) {
      if (isDomainError(error))
        return this.refusal(
          (await this.deps.run.explainRefusal(error, keyOf(context, verb))).message,
          base.data,
        );
      const reference = crypto.randomUUID();
      this.deps.log.error({ err: error, verb, meetingId, reference }, 'card action failed');
      return this.refusal(`Something went wrong on our side. Reference: ${reference}.`, base.data);
    }
  }

  private async apply(
    verb: Verb,
    meetingId: string,
    agendaItemId: string,
    actor: RunActor,
    data: Record<string, unknown>,
    key: InvokeKey,
  ): Promise<RunAction[] | undefined> {
    const run = this.deps.run;
    switch (verb) {
      case 'refresh':
        return;
      case 'volunteer': {
        const { partnerAgencyId, partnerAgencyId2, ...input } = parse(Volunteer, data);
        const partners = [
          ...new Set(
            [...input.partnerAgencyIds, partnerAgencyId, partnerAgencyId2].filter(
              (id): id is string => !!id && id !== input.agencyId,
            ),
          ),
        ];
        const created = await run.volunteer(
          meetingId,
          agendaItemId,
          actor,
          { ...input, partnerAgencyIds: partners, dueOn: input.dueOn ?? null },
          key,
        );
        return created.caseActions;
      }
      case 'assign': {
        const t = parse(Target, data);
        const a = parse(Assign, data);
        await run.assign(
          meetingId,
          actor,
          {
            actionId: t.actionId,
            version: t.version,
            agencyId: a.assignAgencyId,
            ownerEntraObjectId: a.assignOwner ?? null,
            dueOn: a.assignDueOn ?? null,
          },
          key,
        );
        return;
      }
      case 'confirm': {
        const t = parse(Target, data);
        await run.confirm(meetingId, actor, { actionId: t.actionId, version: t.version }, key);
        return;
      }
      case 'edit': {
        const t = parse(Target, data);
        const e = parse(Edit, data);
        await run.edit(
          meetingId,
          actor,
          {
            actionId: t.actionId,
            version: t.version,
            description: e.editDescription,
            dueOn: e.editDueOn ?? null,
          },
          key,
        );
        return;
      }
      case 'reject': {
        const t = parse(Target, data);
        const r = parse(Reject, data);
        await run.reject(
          meetingId,
          actor,
          { actionId: t.actionId, version: t.version, reason: r.rejectReason },
          key,
        );
        return;
      }
      case 'acknowledge': {
        const t = parse(Target, data);
        await run.acknowledge(meetingId, actor, { actionId: t.actionId, version: t.version }, key);
        return;
      }
      case 'confirmSummary':
        await run.confirmSummary(meetingId, agendaItemId, actor, key);
        return;
    }
  }

  /** The person behind the activity, and the check that the card belongs to this chat. */
  private async actorOf(context: TurnContext, meetingId: string): Promise<RunActor> {
    const oid = context.activity.from?.aadObjectId;
    const person = oid ? await this.deps.runs.findPersonByEntraId(oid) : null;
    if (!person)
      throw new DomainError(
        'NOT_A_MEMBER',
        'Your account is not registered with this MARAC: ask the coordinator to add you.',
      );
    const meeting = await this.deps.runs.findMeetingByConversation(
      context.activity.conversation?.id ?? '',
      this.deps.run.now(),
    );
    if (!meeting || meeting.id !== meetingId)
      throw new DomainError('NOT_FOUND', 'This card does not belong to this meeting’s chat.');
    return person;
  }

  private refusal(
    message: string,
    data: { meetingId: string; agendaItemId: string } | null,
  ): CardActionResult {
    const card = errorCard(
      message,
      data ? { tabUrl: this.deps.run.tabUrl(data.meetingId) } : undefined,
    );
    // Only the ids go back on the card: never what was typed (it may be what was refused).
    if (data)
      (card.actions as Record<string, unknown>[]).unshift(
        execute('Back to the case', 'refresh', {
          meetingId: data.meetingId,
          agendaItemId: data.agendaItemId,
        }),
      );
    return { kind: 'error', message, card };
  }
}

/** Teams retries an invoke with the same activity id; that id is the idempotency key. */
function keyOf(context: TurnContext, verb: string): InvokeKey {
  const a = context.activity;
  return {
    invokeId: `${a.conversation?.id ?? ''}|${a.from?.id ?? ''}|${a.id ?? TurnContext.getConversationReference(a).activityId ?? ''}`,
    verb,
  };
}

function parse<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const result = schema.safeParse(data);
  if (!result.success)
    throw new DomainError('VALIDATION_FAILED', `Check the form: ${issues(result.error)}.`);
  return result.data;
}

/** The card's field labels, so a refusal names the field as the person saw it. */
const FIELD_LABELS: Record<string, string> = {
  agencyId: 'Agency',
  description: 'What will be done',
  category: 'Category',
  partnerAgencyIds: 'Joint with',
  partnerAgencyId: 'Joint with',
  partnerAgencyId2: 'And with',
  dueOn: 'Due date',
  target: 'Action',
  actionId: 'Action',
  version: 'Action',
  assignAgencyId: 'Owning agency',
  assignOwner: 'Owner',
  assignDueOn: 'Due date',
  editDescription: 'New description',
  editDueOn: 'New due date',
  rejectReason: 'Reason',
  meetingId: 'Meeting',
  agendaItemId: 'Case',
};

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 4)
    .map((i) => {
      const field = i.path[0];
      const label = typeof field === 'string' ? (FIELD_LABELS[field] ?? field) : null;
      return label ? `${label}: ${i.message}` : i.message;
    })
    .join('; ');
}

import type { ActionCategory } from '../../core/model.js';
import { CATEGORY_LABELS, type RunAction } from '../../core/meeting-run/model.js';

/** Adaptive Card JSON as plain objects (schema 1.5, the most Teams renders: PLATFORM.md §5). */
export type CardJson = Record<string, unknown>;
export const CARD_VERSION = '1.5';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The verbs the bot answers (bot/invoke-handler.ts); carried in `data.verb` too, for Action.Submit. */
export const VERBS = [
  'refresh',
  'volunteer',
  'assign',
  'confirm',
  'edit',
  'reject',
  'acknowledge',
  'confirmSummary',
] as const;
export type Verb = (typeof VERBS)[number];

export interface CardData {
  meetingId: string;
  agendaItemId: string;
  actionId?: string;
  version?: number;
}

/**
 * Action.Execute (Universal Actions) with an Action.Submit fallback for clients that predate
 * them: the same `data`, with the verb inside it so the bot can handle both paths alike.
 *
 * `inputs` is the action's `associatedInputs`. With "auto" (the default) a client gathers and
 * validates the inputs of the card the button is on and, inside an Action.ShowCard, those of
 * every parent card, but never those of a sibling or child show-card; with "none" it gathers and
 * validates nothing, so a one-click button (Confirm A-0003, Acknowledge) is never held up by an
 * empty form elsewhere on the card. Action.Execute has had the property since schema 1.4 and
 * Action.Submit since 1.3, so both sit inside the 1.5 that Teams renders. Source: the schema
 * explorer, https://learn.microsoft.com/en-us/adaptive-cards/schema-explorer/action-execute and
 * https://adaptivecards.io/explorer/Action.Submit.html ("The inputs that are gathered are those
 * on the current card, and in the case of a show card those on any parent cards").
 */
export function execute(
  title: string,
  verb: Verb,
  data: CardData,
  extra: { style?: 'positive' | 'destructive'; id?: string; inputs?: 'auto' | 'none' } = {},
): CardJson {
  const associatedInputs = extra.inputs ?? 'auto';
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: { ...data, verb },
    associatedInputs,
    ...(extra.id ? { id: extra.id } : {}),
    ...(extra.style ? { style: extra.style } : {}),
    fallback: { type: 'Action.Submit', title, data: { ...data, verb }, associatedInputs },
  };
}

export function text(
  value: string,
  options: Partial<
    Record<'weight' | 'size' | 'color' | 'isSubtle' | 'spacing' | 'maxLines', unknown>
  > = {},
): CardJson {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function card(body: CardJson[], extra: CardJson = {}): CardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...extra,
  };
}

export const CATEGORY_CHOICES = (Object.keys(CATEGORY_LABELS) as ActionCategory[]).map((c) => ({
  title: CATEGORY_LABELS[c],
  value: c,
}));

const STATE_LABELS: Record<RunAction['state'], string> = {
  volunteered: 'volunteered, awaiting the chair',
  open: 'agreed',
  rejected: 'not agreed',
  done: 'done',
  'not-achievable': 'not achievable',
};

/** "A-0142 · Northfield Police (Sam Testbury) · Perpetrator · due 9 Dec 2026 · agreed" */
export function actionLine(a: RunAction): string {
  const owner = a.ownerPerson
    ? `${a.ownerAgency.name} (${a.ownerPerson.displayName})`
    : a.ownerAgency.name;
  return `**${a.reference}** · ${owner} · ${CATEGORY_LABELS[a.category]} · due ${formatDay(a.dueOn)} · ${STATE_LABELS[a.state]}`;
}

/** A description shortened for the chat copy; the full text lives in the tab. */
export function shortDescription(description: string, max = 120): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

// Building an Intl.DateTimeFormat costs far more than using one; a card with forty actions
// formats forty dates, and forty invokes render forty cards.
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const timeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return DAY_FORMAT.format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatTime(at: Date, timeZone: string): string {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
    timeFormats.set(timeZone, format);
  }
  return format.format(at);
}

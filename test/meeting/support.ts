import { expect } from 'vitest';
import { cardProblems } from '../../bot/cards/validate-card.js';
import { invoke } from '../../graph/simulator/bot-connector/activities.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import type { BotChannel, TestMeeting } from '../support/bot-channel.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import type { TestApp } from '../support/test-app.js';

export const MEETING_ID = demoUuid('meeting:next');
export const agencyId = (key: string) => demoUuid(`agency:${key}`);
export const personId = (key: string) => demoUuid(`person:${key}`);
export const entraId = (key: string) => demoUuid(`entra:${key}`);

export type Card = Record<string, unknown>;

/** Links the seeded meeting to a simulated Teams meeting, as scheduling stores it. */
export async function linkTeamsMeeting(app: TestApp, tm: TestMeeting): Promise<void> {
  await app.db.query(
    `UPDATE meeting SET status = 'scheduled', chat_thread_id = $2, online_meeting_id = $3, join_url = $4,
       teams_meeting_id = $5 WHERE id = $1`,
    [MEETING_ID, tm.chatThreadId, tm.onlineMeetingId, tm.joinUrl, tm.meetingId],
  );
}

export async function agendaItems(app: TestApp) {
  const { rows } = await app.db.query<{ id: string; position: number; case_number: string }>(
    `SELECT ai.id, ai.position, c.case_number FROM agenda_item ai JOIN marac_case c ON c.id = ai.case_id
      WHERE ai.meeting_id = $1 ORDER BY ai.position`,
    [MEETING_ID],
  );
  return rows;
}

/** Every element of a card (body, actions, show-cards, refresh). */
export function nodes(json: unknown): Record<string, unknown>[] {
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

export const verbsOf = (json: unknown) =>
  new Set(
    nodes(json)
      .filter((n) => n.type === 'Action.Execute')
      .map((n) => n.verb as string),
  );

/** The Adaptive Cards the bot has in the chat now (latest version of each). */
export function chatCards(channel: BotChannel, tm: TestMeeting): { id: string; card: Card }[] {
  return channel
    .posted(tm.chatThreadId)
    .flatMap((a) =>
      ((a.attachments as { contentType: string; content: Card }[] | undefined) ?? [])
        .filter(
          (x) =>
            x.contentType === 'application/vnd.adaptivecard' ||
            x.contentType === 'application/vnd.microsoft.card.adaptive',
        )
        .map((x) => ({ id: a.id as string, card: x.content })),
    );
}

/** Checks a card the way every test must: valid 1.5 and free of personal data. */
export function checkCard(card: unknown, where: string): void {
  expect(cardProblems(card), where).toEqual([]);
  expectNoPersonalData(JSON.stringify(card), where);
}

/** Sends `adaptiveCard/action` as Teams does and returns the invoke response body. */
export async function execute(
  channel: BotChannel,
  tm: TestMeeting,
  who: string,
  verb: string,
  data: Record<string, unknown>,
  options: {
    activity?: Record<string, unknown> & { type: string };
    /** false: the caller checks `card` later (a load test, so the checks don't queue invokes). */
    check?: boolean;
  } = {},
) {
  const activity =
    options.activity ??
    invoke(channel.ctx, channel.user(who), channel.conversation(tm), 'adaptiveCard/action', {
      action: { type: 'Action.Execute', id: `act-${verb}`, verb, data: { ...data, verb } },
      trigger: verb === 'refresh' ? 'automatic' : 'manual',
    });
  const started = performance.now();
  const res = await channel.send(activity);
  const ms = performance.now() - started;
  expect(res.status, `${who} ${verb}`).toBe(200);
  const body = res.body as { statusCode: number; type: string; value: Card };
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  if (options.check !== false) checkCard(body.value, `${who} ${verb} response`);
  return { card: body.value, ms, error: isErrorCard(body.value), activity };
}

export function isErrorCard(card: Card): string | null {
  const body = card.body as { text?: string }[];
  return body[0]?.text === 'That did not go through' ? (body[1]?.text ?? '') : null;
}

export async function actionsOf(app: TestApp, agendaItemId?: string) {
  const { rows } = await app.db.query<{
    id: string;
    reference: string;
    state: string;
    version: number;
    owner_agency_id: string;
    owner_person_id: string | null;
    description: string;
    category: string;
    due_on: string;
    perpetrator_warning_acknowledged_by: string | null;
  }>(
    `SELECT id, reference, state, version, owner_agency_id, owner_person_id, description, category, due_on,
            perpetrator_warning_acknowledged_by
       FROM action WHERE meeting_id = $1 ${agendaItemId ? 'AND agenda_item_id = $2' : ''}
      ORDER BY length(reference), reference`,
    agendaItemId ? [MEETING_ID, agendaItemId] : [MEETING_ID],
  );
  return rows;
}

/**
 * What a Teams client sends when someone presses the button titled `title` on `card`, having
 * typed `typed` into its inputs: the Adaptive Cards rule for Action.Execute / Action.Submit
 * (https://learn.microsoft.com/en-us/adaptive-cards/schema-explorer/action-execute): with
 * associatedInputs "auto" the inputs of the card the button is on and, inside an
 * Action.ShowCard, of every parent card are gathered and validated (a required input left empty
 * stops the press with its errorMessage); inputs of sibling or child show-cards are not; with
 * "none" nothing is. Returns the verb and the data to send, or the validation errors shown.
 * The browser test (test/e2e/case-card.e2e.ts) presses the same buttons in Microsoft's renderer.
 */
export function press(
  card: Card,
  title: string,
  typed: Record<string, string> = {},
): { verb: string; data: Record<string, unknown>; errors: string[] } {
  const found = findAction(card, title, [card]);
  if (!found) throw new Error(`no button “${title}” on the card`);
  const { action, cards } = found;
  const gathered =
    action.associatedInputs === 'none' ? [] : cards.flatMap((c) => ownInputs(c.body));
  const values: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const input of gathered) {
    const id = input.id as string;
    const initial =
      input.type === 'Input.Toggle' ? (input.value ?? input.valueOff ?? 'false') : input.value;
    const value = id in typed ? typed[id] : initial;
    if (input.isRequired && (value === undefined || value === ''))
      errors.push((input.errorMessage as string | undefined) ?? `${id} is required`);
    if (value !== undefined && value !== '') values[id] = String(value);
  }
  return {
    verb: action.verb as string,
    data: { ...(action.data as Record<string, unknown>), ...values },
    errors,
  };
}

function findAction(
  node: unknown,
  title: string,
  cards: Card[],
): { action: Card; cards: Card[] } | null {
  if (Array.isArray(node)) {
    for (const n of node) {
      const hit = findAction(n, title, cards);
      if (hit) return hit;
    }
    return null;
  }
  if (!node || typeof node !== 'object') return null;
  const o = node as Card;
  if ((o.type === 'Action.Execute' || o.type === 'Action.Submit') && o.title === title)
    return { action: o, cards };
  for (const [key, value] of Object.entries(o)) {
    if (key === 'fallback' || key === 'refresh') continue;
    const inner =
      o.type === 'Action.ShowCard' && key === 'card' ? [...cards, value as Card] : cards;
    const hit = findAction(value, title, inner);
    if (hit) return hit;
  }
  return null;
}

/** The inputs of a card's own body: not those inside its show-cards' cards. */
function ownInputs(node: unknown): Card[] {
  if (Array.isArray(node)) return node.flatMap(ownInputs);
  if (!node || typeof node !== 'object') return [];
  const o = node as Card;
  if (o.type === 'Action.ShowCard') return [];
  const self = typeof o.type === 'string' && o.type.startsWith('Input.') && o.id ? [o] : [];
  return [
    ...self,
    ...Object.entries(o)
      .filter(([k]) => k !== 'fallback')
      .flatMap(([, v]) => ownInputs(v)),
  ];
}

/** The value of the choice of input `id` whose title starts with `titleStart` (as picked). */
export function choiceValue(card: Card, id: string, titleStart: string): string {
  const input = nodes(card).find((n) => n.id === id && n.type === 'Input.ChoiceSet');
  const choice = ((input?.choices as { title: string; value: string }[] | undefined) ?? []).find(
    (c) => c.title.startsWith(titleStart),
  );
  if (!choice) throw new Error(`no choice “${titleStart}” in ${id}`);
  return choice.value;
}

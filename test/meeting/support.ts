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

/** Links the seeded meeting to a simulated Teams meeting, as issue 4's scheduling stores it. */
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
  options: { activity?: Record<string, unknown> & { type: string } } = {},
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
  checkCard(body.value, `${who} ${verb} response`);
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

import type { AreaScope, ScopedRecord } from '../core/ports/area-scope.js';
import type { Queryable } from './db.js';

export type { ScopedRecord };

const AREA_OF: Record<ScopedRecord, string> = {
  meeting: 'SELECT area_id FROM meeting WHERE id = $1',
  action: 'SELECT area_id FROM action WHERE id = $1',
  agency: 'SELECT area_id FROM agency WHERE id = $1',
  person: 'SELECT area_id FROM person WHERE id = $1',
  'agenda-item': `SELECT m.area_id FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
                   WHERE ai.id = $1`,
  move: `SELECT m.area_id FROM agenda_move mv JOIN agenda_item ai ON ai.id = mv.agenda_item_id
           JOIN meeting m ON m.id = ai.meeting_id WHERE mv.id = $1`,
  'outbox-mail': 'SELECT area_id FROM outbox_mail WHERE id = $1',
  'chase-reply': 'SELECT area_id FROM chase_reply WHERE id = $1',
};

/**
 * The area a record belongs to, and a meeting's named leads: what the access gate in front of
 * every tab API route needs to refuse another area's records before any use case runs.
 */
export class PgAreaScope implements AreaScope {
  constructor(private readonly db: Queryable) {}

  /** null when no such record exists (the gate answers 404 either way). */
  async areaOf(kind: ScopedRecord, id: string): Promise<string | null> {
    const { rows } = await this.db.query<{ area_id: string }>(AREA_OF[kind], [id]);
    return rows[0]?.area_id ?? null;
  }

  /** The meeting's chair, deputy chair and delegate chair (who run it without the role). */
  async meetingLeads(meetingId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string | null }>(
      `SELECT unnest(ARRAY[chair_person_id, deputy_chair_person_id, delegate_chair_person_id]) AS id
         FROM meeting WHERE id = $1`,
      [meetingId],
    );
    return rows.map((r) => r.id).filter((id): id is string => id !== null);
  }
}

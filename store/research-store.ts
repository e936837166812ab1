import type {
  ResearchRepository,
  ResearchReturnRecord,
  SaveResearchReturn,
} from '../core/research/research-repository.js';
import type { Queryable } from './db.js';

const SELECT = `SELECT id, agenda_item_id AS "agendaItemId", agency_id AS "agencyId", status,
       content->>'information' AS information, sharing_rationale AS reason, restrictions,
       to_char(researched_on, 'YYYY-MM-DD') AS "researchedOn",
       contributor_person_id AS "contributorPersonId", submitted_at AS "submittedAt",
       updated_at AS "updatedAt", purged_at AS "purgedAt"
  FROM research_submission`;

/** FR-038..FR-041: research returns; their text lives only here until the retention purge. */
export class PgResearchStore implements ResearchRepository {
  constructor(private readonly db: Queryable) {}

  async listForItems(agendaItemIds: string[]): Promise<ResearchReturnRecord[]> {
    if (agendaItemIds.length === 0) return [];
    const { rows } = await this.db.query<ResearchReturnRecord>(
      `${SELECT} WHERE agenda_item_id = ANY($1::uuid[]) ORDER BY submitted_at`,
      [agendaItemIds],
    );
    return rows;
  }

  async save(r: SaveResearchReturn, now: Date): Promise<{ id: string; created: boolean }> {
    const content = r.information === null ? null : JSON.stringify({ information: r.information });
    const { rows } = await this.db.query<{ id: string; created: boolean }>(
      `INSERT INTO research_submission (agenda_item_id, agency_id, contributor_person_id, status, content,
              sharing_rationale, restrictions, researched_on, submitted_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::date, $9)
       ON CONFLICT (agenda_item_id, agency_id) DO UPDATE
          SET contributor_person_id = EXCLUDED.contributor_person_id, status = EXCLUDED.status,
              content = EXCLUDED.content, sharing_rationale = EXCLUDED.sharing_rationale,
              restrictions = EXCLUDED.restrictions, researched_on = EXCLUDED.researched_on,
              updated_at = $9
       RETURNING id, (xmax = 0) AS created`,
      [
        r.agendaItemId,
        r.agencyId,
        r.contributorPersonId,
        r.status,
        content,
        r.reason,
        r.restrictions,
        r.researchedOn,
        now,
      ],
    );
    return rows[0] as { id: string; created: boolean };
  }
}

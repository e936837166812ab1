import type {
  BootstrapRepository,
  NewArea,
  NewCoordinator,
} from '../core/area-setup/bootstrap-area.js';
import type { Queryable } from './db.js';

/** The first run's writes: the area and its first coordinator (core/area-setup/bootstrap-area.ts). */
export class PgBootstrapStore implements BootstrapRepository {
  constructor(private readonly db: Queryable) {}

  async lockAreas(): Promise<void> {
    // Conflicts with itself and with inserts, so two set-ups at once run one after the other
    // and the second then sees the first one's area.
    await this.db.query('LOCK TABLE area IN SHARE ROW EXCLUSIVE MODE');
  }

  async existingAreaName(): Promise<string | null> {
    const { rows } = await this.db.query<{ name: string }>(
      'SELECT name FROM area ORDER BY created_at LIMIT 1',
    );
    return rows[0]?.name ?? null;
  }

  async insertArea(area: NewArea, now: Date): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO area (name, nation, time_zone, policy, confidentiality_statement, organiser_mailbox, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
      [
        area.name,
        area.nation,
        area.timeZone,
        area.policy,
        area.confidentialityStatement,
        area.organiserMailbox,
        now,
      ],
    );
    return (rows[0] as { id: string }).id;
  }

  async insertCoordinator(areaId: string, person: NewCoordinator, now: Date): Promise<string> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO person (area_id, display_name, email, entra_object_id, entra_tenant_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
      [areaId, person.displayName, person.email, person.entraObjectId, person.entraTenantId, now],
    );
    const id = (rows[0] as { id: string }).id;
    await this.db.query(`INSERT INTO person_role (person_id, role) VALUES ($1, 'coordinator')`, [
      id,
    ]);
    return id;
  }
}

import type {
  PopulationCharacteristic,
  PopulationRepository,
  PopulationRow,
} from '../core/reports/population.js';
import type { Queryable } from './db.js';

/** The area's local population figures (store/migrations/2600_area_population.sql). */
export class PgPopulationStore implements PopulationRepository {
  constructor(private readonly db: Queryable) {}

  async population(areaId: string): Promise<PopulationRow[]> {
    const { rows } = await this.db.query<{
      characteristic: PopulationCharacteristic;
      value: string | number;
      source: string | null;
      updatedAt: Date;
    }>(
      `SELECT characteristic, value, source, updated_at AS "updatedAt" FROM area_population
        WHERE area_id = $1 ORDER BY characteristic`,
      [areaId],
    );
    // numeric arrives as a string on node-postgres: the figure is a number in core.
    return rows.map((r) => ({ ...r, value: Number(r.value) }));
  }

  async replacePopulation(
    areaId: string,
    rows: { characteristic: PopulationCharacteristic; value: number }[],
    source: string | null,
    by: string | null,
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `DELETE FROM area_population WHERE area_id = $1 AND NOT (characteristic = ANY($2::text[]))`,
      [areaId, rows.map((r) => r.characteristic)],
    );
    for (const r of rows)
      await this.db.query(
        `INSERT INTO area_population (area_id, characteristic, value, source, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (area_id, characteristic) DO UPDATE SET
           value = $3, source = $4, updated_at = $5, updated_by = $6`,
        [areaId, r.characteristic, r.value, source, now, by],
      );
  }
}

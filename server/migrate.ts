import { migrate, MigrationError } from '../store/migrate.js';
import { openDb } from '../store/open-db.js';
import { ConfigError, loadConfig } from './config.js';

/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
try {
  const config = loadConfig();
  const db = await openDb(config.database);
  try {
    const report = await migrate(db);
    console.error(
      `Applied ${report.applied.length} migration(s); database is at ${report.current}.`,
    );
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

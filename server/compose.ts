import type { Db } from '../store/db.js';
import type { HttpFeature } from './app.js';
import type { Config } from './config.js';
import type { PgBossJobs } from './jobs/pg-boss-jobs.js';
import type { Logger } from './logger.js';

export interface Runtime {
  config: Config;
  log: Logger;
  db: Db;
  jobs: PgBossJobs;
}

export interface Composition {
  features: HttpFeature[];
  /** Registers job handlers and schedules once the job system has started. */
  startJobs(jobs: PgBossJobs): Promise<void>;
  /** Stops what the features started (calls, timers), before jobs and the database close. */
  stop(): Promise<void>;
}

/**
 * The composition root (STYLE.md: "server/ is the only place that knows every concrete
 * class"): builds the adapters for the mode (simulated tenant in demo, Microsoft 365 in
 * production), the use cases, and the HTTP features that expose them.
 */
export async function compose(_runtime: Runtime): Promise<Composition> {
  const features: HttpFeature[] = [];
  return { features, startJobs: async () => {}, stop: async () => {} };
}

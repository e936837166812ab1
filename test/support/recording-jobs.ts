import type { PgBossJobs } from '../../server/jobs/pg-boss-jobs.js';

/**
 * Captures the handlers and schedules a composition registers, so a test runs a job's handler
 * at a fake-clock instant instead of waiting for pg-boss.
 */
export class RecordingJobs {
  readonly handlers = new Map<string, (data: Record<string, unknown>) => Promise<void>>();
  readonly schedules = new Map<string, string>();

  async work(
    name: string,
    handler: (data: Record<string, unknown>) => Promise<void>,
  ): Promise<void> {
    this.handlers.set(name, handler);
  }

  async schedule(name: string, cron: string): Promise<void> {
    this.schedules.set(name, cron);
  }

  async send(): Promise<string | null> {
    return null;
  }

  async run(name: string): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no job handler registered for ${name}`);
    await handler({});
  }

  asPgBoss(): PgBossJobs {
    return this as unknown as PgBossJobs;
  }
}

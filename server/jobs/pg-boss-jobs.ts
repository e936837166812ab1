import PgBoss from 'pg-boss';
import type { JobOptions, Jobs } from '../../core/ports/jobs.js';
import type { Db } from '../../store/db.js';
import type { Logger } from '../logger.js';

/**
 * The Jobs port on pg-boss 10, running over our Db port so it works on PGlite (demo) and on a
 * PostgreSQL server alike. pg-boss hands each job to exactly one worker across all instances,
 * retries with backoff, and keeps its tables in its own schema.
 */
export class PgBossJobs implements Jobs {
  private readonly boss: PgBoss;
  private readonly queues = new Set<string>();

  constructor(
    db: Db,
    private readonly log: Logger,
    options: { schema?: string; pollingIntervalSeconds?: number } = {},
  ) {
    this.boss = new PgBoss({
      db: {
        // pg-boss sends multi-statement scripts without parameters (its migrations and locked
        // sections); those go through exec, the rest through the parameterised path.
        executeSql: async (text: string, values?: unknown[]) =>
          values && values.length > 0 ? db.query(text, values) : db.exec(text),
      },
      schema: options.schema ?? 'pgboss',
      // Daily chasers and post-meeting jobs need no sub-second latency; spare the database.
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5,
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
    } as PgBoss.ConstructorOptions);
    this.boss.on('error', (error) => this.log.error({ err: error }, 'job system error'));
  }

  async start(): Promise<void> {
    await this.boss.start();
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
  }

  private async ensureQueue(name: string): Promise<void> {
    if (this.queues.has(name)) return;
    await this.boss.createQueue(name);
    this.queues.add(name);
  }

  async send(
    name: string,
    data: Record<string, unknown>,
    options: JobOptions = {},
  ): Promise<string | null> {
    await this.ensureQueue(name);
    return this.boss.send(name, data, {
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.singletonSeconds ? { singletonSeconds: options.singletonSeconds } : {}),
      ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
      ...(options.retryDelaySeconds !== undefined ? { retryDelay: options.retryDelaySeconds } : {}),
    });
  }

  async work(
    name: string,
    handler: (data: Record<string, unknown>) => Promise<void>,
  ): Promise<void> {
    await this.ensureQueue(name);
    await this.boss.work<Record<string, unknown>>(name, async (jobs) => {
      for (const job of jobs) {
        const log = this.log.child({ job: name, jobId: job.id });
        try {
          await handler(job.data ?? {});
        } catch (error) {
          // Logged here (ids only); pg-boss retries the job with backoff.
          log.error({ err: error }, 'job failed');
          throw error;
        }
      }
    });
  }

  async schedule(name: string, cron: string, data: Record<string, unknown> = {}): Promise<void> {
    await this.ensureQueue(name);
    await this.boss.schedule(name, cron, data, { tz: 'UTC' });
  }
}

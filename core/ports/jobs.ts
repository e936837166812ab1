/**
 * Background jobs (pg-boss in production and demo). Handlers must be idempotent: a job can run
 * again after a crash. Use cases take `now` from the Clock, not from the job system, so tests
 * can drive them with a fake clock.
 */
export interface JobOptions {
  startAfter?: Date;
  /**
   * With `singletonSeconds`, at most one job with this key is created per window (pg-boss
   * throttling). Handlers must still be idempotent: the database state decides what to do.
   */
  singletonKey?: string;
  singletonSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export interface Jobs {
  send(name: string, data: Record<string, unknown>, options?: JobOptions): Promise<string | null>;
  /** Registers the handler for a queue; one instance across all servers runs each job. */
  work(name: string, handler: (data: Record<string, unknown>) => Promise<void>): Promise<void>;
  /** Cron schedule (UTC) that enqueues `name` periodically. */
  schedule(name: string, cron: string, data?: Record<string, unknown>): Promise<void>;
}

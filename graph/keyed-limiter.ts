/**
 * At most `limit` tasks in flight per key, the rest queued in arrival order. The Graph client
 * keys Outlook calls by mailbox, because Exchange Online allows four concurrent requests per
 * mailbox and answers the fifth with 429 (PLATFORM.md §6, "MailboxConcurrency"). It holds one
 * process's requests; several instances each hold their own, which is why the retry handler
 * still has to ride out the odd 429.
 */
export class KeyedLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('limit must be a positive integer');
  }

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    await this.acquire(key);
    try {
      return await task();
    } finally {
      this.release(key);
    }
  }

  /** Tasks running now for `key` (for tests and metrics). */
  inFlight(key: string): number {
    return this.active.get(key) ?? 0;
  }

  private acquire(key: string): Promise<void> {
    const running = this.active.get(key) ?? 0;
    if (running < this.limit) {
      this.active.set(key, running + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(key) ?? [];
      queue.push(resolve);
      this.waiting.set(key, queue);
    });
  }

  private release(key: string): void {
    const queue = this.waiting.get(key);
    const next = queue?.shift();
    if (queue?.length === 0) this.waiting.delete(key);
    if (next) return next(); // the slot passes straight to the next task
    const running = (this.active.get(key) ?? 1) - 1;
    if (running === 0) this.active.delete(key);
    else this.active.set(key, running);
  }
}

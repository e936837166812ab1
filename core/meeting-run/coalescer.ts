/**
 * Runs `work` for a key, one run at a time; a request while a run is in flight marks the key
 * dirty and the run repeats once it finishes, so the last run always starts after the last
 * request. Forty representatives volunteering at once cause a few card updates, not forty
 * racing ones, and the final card is rendered after the final change.
 */
export class Coalescer {
  private readonly running = new Map<string, { dirty: boolean; done: Promise<void> }>();

  request(key: string, work: () => Promise<void>): Promise<void> {
    const inFlight = this.running.get(key);
    if (inFlight) {
      inFlight.dirty = true;
      return inFlight.done;
    }
    const entry = { dirty: true, done: Promise.resolve() };
    entry.done = (async () => {
      try {
        while (entry.dirty) {
          entry.dirty = false;
          await work();
        }
      } finally {
        this.running.delete(key);
      }
    })();
    this.running.set(key, entry);
    return entry.done;
  }

  /** Resolves when nothing is running (including runs requested while waiting). */
  async idle(): Promise<void> {
    while (this.running.size > 0)
      await Promise.all([...this.running.values()].map((e) => e.done.catch(() => undefined)));
  }
}

/**
 * Runs `work` for a key, one run at a time; a request while a run is in flight marks the key
 * dirty and the run repeats once it finishes, so the last run always starts after the last
 * request. Forty representatives volunteering at once cause a few card updates, not forty
 * racing ones, and the final card is rendered after the final change.
 */
export class Coalescer {
  private readonly running = new Map<string, { dirty: boolean; done: Promise<void> }>();

  /**
   * `pause` runs before a repeat, so a burst of requests gathers into fewer runs (Teams limits
   * how often one message may be updated); requests arriving during the pause join the repeat.
   */
  constructor(private readonly pause: () => Promise<void> = () => Promise.resolve()) {}

  request(key: string, work: () => Promise<void>): Promise<void> {
    const inFlight = this.running.get(key);
    if (inFlight) {
      inFlight.dirty = true;
      return inFlight.done;
    }
    const entry = { dirty: true, done: Promise.resolve() };
    entry.done = (async () => {
      try {
        let first = true;
        while (entry.dirty) {
          if (!first) await this.pause();
          first = false;
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

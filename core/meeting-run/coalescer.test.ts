import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalescer.js';

describe('Coalescer (card updates after concurrent changes)', () => {
  it('runs once more after requests that arrive mid-run, and the last run sees the last change', async () => {
    const c = new Coalescer();
    let state = 0;
    const seen: number[] = [];
    const work = async () => {
      const snapshot = state;
      await new Promise((r) => setTimeout(r, 5));
      seen.push(snapshot);
    };
    const waits: Promise<void>[] = [];
    for (let i = 1; i <= 40; i++) {
      state = i;
      waits.push(c.request('k', work));
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(waits);
    await c.idle();
    expect(seen.at(-1)).toBe(40);
    expect(seen.length).toBeLessThan(10);
  });

  it('a failed run does not block later requests', async () => {
    const c = new Coalescer();
    await expect(c.request('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    let ran = false;
    await c.request('k', async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });
});

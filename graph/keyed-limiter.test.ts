import { describe, expect, it } from 'vitest';
import { KeyedLimiter } from './keyed-limiter.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('KeyedLimiter', () => {
  it('keeps at most the limit in flight per key, in arrival order, and other keys apart', async () => {
    const limiter = new KeyedLimiter(2);
    let peak = 0;
    const order: number[] = [];
    const task = (key: string, n: number) =>
      limiter.run(key, async () => {
        peak = Math.max(peak, limiter.inFlight('a'));
        await tick();
        order.push(n);
      });
    const other = limiter.run('b', async () => limiter.inFlight('b'));
    await Promise.all([task('a', 1), task('a', 2), task('a', 3), task('a', 4), task('a', 5)]);
    expect(peak).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(await other).toBe(1);
    expect(limiter.inFlight('a')).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = new KeyedLimiter(1);
    await expect(limiter.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await limiter.run('a', async () => 'next')).toBe('next');
  });
});

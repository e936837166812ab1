import { describe, expect, it } from 'vitest';
import { FaultInjector } from './faults.js';

describe('FaultInjector', () => {
  it('fires a rule for its count, per call template or for every call, and can be cleared', () => {
    const faults = new FaultInjector();
    faults.add({ call: 'POST /users/{id}/sendMail', kind: 'throttle', times: 2 });
    const all = faults.add({ call: '*', kind: 'latency', latencyMs: 10 });
    const take = () => faults.take('POST /users/{id}/sendMail', ['throttle'])?.kind ?? null;
    expect([take(), take(), take()]).toEqual(['throttle', 'throttle', null]);
    expect(faults.take('GET /x', ['latency'])?.id).toBe(all.id);
    expect(faults.take('GET /x', ['throttle'])).toBeUndefined();
    faults.clear({ id: all.id });
    expect(faults.list()).toEqual([]);
  });
});

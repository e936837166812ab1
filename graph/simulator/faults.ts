import { randomUUID } from 'node:crypto';

/**
 * Fault injection per endpoint, switchable from tests (`tenant.faults.add(...)`), from the JSON
 * control API and from the demo page /sim/faults. A rule names a call template (or `*`) and
 * fires for its next `times` matching requests (for ever when `times` is omitted).
 *
 * - `throttle`: 429 with Retry-After (Graph's throttling; Exchange uses ApplicationThrottled)
 * - `unavailable`: 503 with Retry-After
 * - `gateway-timeout`: 504
 * - `latency`: the request is answered normally after `latencyMs`
 * - `slow-answer`: the request takes effect at once, its answer comes after `latencyMs` (a
 *   client killed in that window has sent the mail but never heard so)
 * - `not-ready`: the endpoint answers as if its data did not exist yet (attendance reports)
 * - `accept-then-fail`: the request takes effect, then the client gets `status` (503 or 504),
 *   the ambiguous failure that makes exactly-once delivery hard
 */
export const FAULT_KINDS = [
  'throttle',
  'unavailable',
  'gateway-timeout',
  'latency',
  'slow-answer',
  'not-ready',
  'accept-then-fail',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultInput {
  call: string;
  kind: FaultKind;
  times?: number;
  retryAfterSeconds?: number;
  latencyMs?: number;
  status?: 503 | 504;
}

export interface FaultRule extends FaultInput {
  id: string;
  /** How many times it has fired. */
  fired: number;
}

export class FaultInjector {
  private rules: FaultRule[] = [];

  add(input: FaultInput): FaultRule {
    if (!FAULT_KINDS.includes(input.kind)) throw new Error(`Unknown fault kind ${input.kind}`);
    const rule: FaultRule = { ...input, id: randomUUID(), fired: 0 };
    this.rules.push(rule);
    return rule;
  }

  /** Removes one rule, every rule for a call, or all rules. */
  clear(target: { id?: string; call?: string } = {}): void {
    this.rules = this.rules.filter((r) => {
      if (target.id) return r.id !== target.id;
      if (target.call) return r.call !== target.call;
      return false;
    });
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** The first live rule of one of `kinds` for `call`, consumed once. */
  take(call: string, kinds: readonly FaultKind[]): FaultRule | undefined {
    const rule = this.rules.find(
      (r) =>
        (r.call === call || r.call === '*') &&
        kinds.includes(r.kind) &&
        (r.times === undefined || r.fired < r.times),
    );
    if (!rule) return undefined;
    rule.fired += 1;
    if (rule.times !== undefined && rule.fired >= rule.times)
      this.rules = this.rules.filter((r) => r !== rule);
    return { ...rule };
  }
}

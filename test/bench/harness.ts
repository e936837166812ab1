/**
 * Benchmarks report a figure AND a baseline measured in the same run, interleaved, because the
 * machines are shared and noisy: only the ratio means anything from one run to the next.
 */
export interface BenchResult {
  name: string;
  unit: string;
  value: number;
  baseline: { name: string; value: number };
  /** value / baseline */
  ratio: number;
  detail?: Record<string, number | string>;
  /** The target this figure is held to (issue goals), and whether this run met it. */
  goal?: { text: string; met: boolean };
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Runs `subject` and `baseline` alternately `rounds` times; returns the median of each. */
export async function interleaved(
  rounds: number,
  subject: () => Promise<number>,
  baseline: () => Promise<number>,
): Promise<{ subject: number; baseline: number }> {
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    b.push(await baseline());
    s.push(await subject());
  }
  return { subject: median(s), baseline: median(b) };
}

export function result(
  name: string,
  unit: string,
  value: number,
  baselineName: string,
  baselineValue: number,
  detail?: BenchResult['detail'],
  goal?: (r: { value: number; ratio: number }) => { text: string; met: boolean },
): BenchResult {
  const ratio = value / baselineValue;
  return {
    name,
    unit,
    value,
    baseline: { name: baselineName, value: baselineValue },
    ratio,
    ...(detail ? { detail } : {}),
    ...(goal ? { goal: goal({ value, ratio }) } : {}),
  };
}

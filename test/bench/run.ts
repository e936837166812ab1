import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { auditLogBench } from './audit-log.bench.js';
import { chaseScanBench } from './chase-scan.bench.js';
import { graphMailBench } from './graph-mail.bench.js';
import type { Benchmark, BenchResult } from './harness.js';
import { invokeBench } from './invoke.bench.js';
import { startupBench } from './startup.bench.js';

/**
 * `npm run bench [name...]`: runs the benchmarks, prints each figure with its same-run baseline
 * and ratio, and writes test-results/bench.json.
 */
const ALL: Benchmark[] = [startupBench, auditLogBench, graphMailBench, chaseScanBench, invokeBench];

const wanted = process.argv.slice(2);
const selected = wanted.length ? ALL.filter((b) => wanted.includes(b.name)) : ALL;
const results: BenchResult[] = [];
for (const bench of selected) {
  console.log(`running ${bench.name}…`);
  results.push(...(await bench.run()));
}
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
console.log('\n| benchmark | value | baseline (same run) | ratio | goal |\n|---|---|---|---|---|');
for (const r of results)
  console.log(
    `| ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit} | ${r.ratio.toFixed(2)}× | ${r.goal ? `${r.goal.met ? 'met' : 'NOT met'}: ${r.goal.text}` : ''} |`,
  );
const out = path.resolve(import.meta.dirname, '../../test-results/bench.json');
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);

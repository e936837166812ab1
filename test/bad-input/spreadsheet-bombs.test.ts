import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLog } from '../support/capture-log.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  deflatedRun,
  dimensionBombSheet,
  entry,
  manyRowsSheet,
  withSheet,
  workbookEntries,
  writeZip,
} from './support/zip-bombs.js';

/**
 * Hostile spreadsheets on the case-list import: a 7 KB file whose used range ends at
 * XFD1048576, 50,000 rows in a small file, a 400 MB compression bomb (honest and lying about
 * its size). Each is answered with a 4xx (or, for the harmless dimension bomb, read by the data
 * it holds), the service's memory stays bounded (peak measured while the upload is handled)
 * and the service still answers afterwards. Nothing is logged at error level.
 */
const logs = captureLog();
let app: TestApp;
let meetingId: string;
beforeAll(async () => {
  app = await startTestApp({ log: logs.log });
  const res = await app.as('coordinator')('/api/meetings', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'extraordinary',
      title: 'Northfield MARAC (extra)',
      day: '2027-04-28',
      startTime: '09:30',
      endTime: '13:00',
    }),
  });
  expect(res.status).toBe(201);
  meetingId = ((await res.json()) as { meetings: { meetingId: string }[] }).meetings[0]!.meetingId;
}, 120_000);
afterAll(() => app?.close());

/** Uploads while sampling the process's memory; returns the status and the peak growth. */
async function upload(file: Buffer) {
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const res = await app.as('coordinator')(
      `/api/meetings/${meetingId}/agenda/import?dryRun=true`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        body: new Uint8Array(file),
      },
    );
    const body = (await res.json()) as {
      error?: { details?: { problems?: { message: string }[] } };
    };
    peak = Math.max(peak, process.memoryUsage().rss);
    return { status: res.status, body, growthMb: (peak - baseline) / 1_048_576 };
  } finally {
    clearInterval(sampler);
  }
}

async function stillAnswers() {
  const res = await app.as('coordinator')(`/api/meetings/${meetingId}/agenda`);
  expect(res.status).toBe(200);
}

const MAX_GROWTH_MB = 320;

describe('spreadsheet bombs on the case-list import', () => {
  it('reads a file whose used range claims XFD1048576 by the cells it holds', async () => {
    const file = writeZip(withSheet(await workbookEntries(), entry('sheet', dimensionBombSheet())));
    expect(file.length).toBeLessThan(16_000);
    const res = await upload(file);
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(500);
    expect(res.growthMb).toBeLessThan(MAX_GROWTH_MB);
    await stillAnswers();
  }, 120_000);

  it('refuses 50,000 rows in a small file, stopping past the row limit', async () => {
    const file = writeZip(
      withSheet(await workbookEntries(), entry('sheet', manyRowsSheet(50_000))),
    );
    expect(file.length).toBeLessThan(1_048_576);
    const res = await upload(file);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toMatch(/at most 300/);
    expect(res.growthMb).toBeLessThan(MAX_GROWTH_MB);
    await stillAnswers();
  }, 120_000);

  it.each([
    ['declares its size honestly', undefined],
    ['lies about its size', 1_000],
  ])(
    'refuses a 400 MB compression bomb that %s, with bounded memory',
    async (_why, declared) => {
      const bomb = await deflatedRun(400 * 1_048_576);
      const file = writeZip(
        withSheet(await workbookEntries(), { ...bomb, name: 'sheet', declaredSize: declared }),
      );
      expect(file.length).toBeLessThan(1_048_576);
      const res = await upload(file);
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body)).toMatch(/larger than a case list once unpacked/);
      expect(res.growthMb).toBeLessThan(MAX_GROWTH_MB);
      await stillAnswers();
    },
    120_000,
  );

  it('logs nothing at error level for any of them', () => {
    expect(logs.errors()).toEqual([]);
  });
});

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencySector } from '../../core/model.js';
import { demoUuid } from '../../store/seed/seed-demo.js';
import { aCase, aMeeting, type World } from '../support/builders.js';
import { FakeClock } from '../support/fake-clock.js';
import { expectNoPersonalData } from '../support/personal-data.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The steering pack and the local population figures over HTTP on the composed service (demo
 * area, PGlite or PostgreSQL): the coordinator's figures are checked field by field, saved
 * whole or not at all, and audited; the pack's Word and Excel downloads for a steering member
 * carry the figures entered, aggregates only.
 */
const NOW = new Date('2025-04-02T09:00:00Z');
const Q1 = `from=${encodeURIComponent('2025-01-01T00:00:00Z')}&to=${encodeURIComponent('2025-04-01T00:00:00Z')}`;
let app: TestApp;
let w: World;

beforeAll(async () => {
  app = await startTestApp({ now: NOW, adapters: { clock: new FakeClock(NOW) } });
  const agency = {
    police: demoUuid('agency:police'),
    idva: demoUuid('agency:idva'),
    housing: demoUuid('agency:housing'),
  } as Record<AgencySector, string>;
  w = { db: app.db, areaId: demoUuid('area'), agency };
  // Q1: one meeting, six cases heard (two repeats) and one listed but not heard.
  const m = await aMeeting(w, { start: '2025-02-12T10:00:00Z' });
  for (let i = 0; i < 6; i += 1) await aCase(w, m, { repeat: i < 2, children: 1 });
  await aCase(w, m, { heard: false });
});
afterAll(async () => app.close());

const put = (who: string, body: unknown) =>
  app.as(who)('/api/reports/population', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the local population figures', () => {
  it('names the bad figure, saves nothing, then saves the whole form and audits it', async () => {
    const bad = await put('coordinator', {
      figures: { 'adult-women': 30_000, minoritised: 140, disabled: 18 },
      source: 'Census 2021',
    });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { error: { message: string; details: unknown } };
    expect(problem.error.details).toEqual([
      {
        path: 'figures.minoritised',
        message: 'Enter a percentage from 0 to 100, or leave it empty.',
      },
    ]);
    const { rows: none } = await app.db.query('SELECT 1 FROM area_population WHERE area_id = $1', [
      w.areaId,
    ]);
    expect(none).toHaveLength(0);

    const good = await put('coordinator', {
      figures: { 'adult-women': 30_000, minoritised: 12.5, disabled: null },
      source: 'Census 2021',
    });
    expect(good.status).toBe(200);
    const saved = (await good.json()) as { figures: Record<string, number | null>; source: string };
    expect(saved.figures).toMatchObject({
      'adult-women': 30_000,
      minoritised: 12.5,
      disabled: null,
    });
    expect(saved.source).toBe('Census 2021');
    const { rows } = await app.db.query<{ characteristic: string; value: string }>(
      `SELECT characteristic, value::text AS value FROM area_population WHERE area_id = $1 ORDER BY 1`,
      [w.areaId],
    );
    expect(rows.map((r) => [r.characteristic, Number(r.value)])).toEqual([
      ['adult-women', 30_000],
      ['minoritised', 12.5],
    ]);
    const { rows: audit } = await app.db.query<{ detail: unknown }>(
      `SELECT detail FROM audit_log WHERE action = 'area-population.update' AND record_id = $1`,
      [w.areaId],
    );
    expect(audit).toEqual([{ detail: { figures: 2, entered: ['adult-women', 'minoritised'] } }]);

    const read = await app.as('coordinator')('/api/reports/population');
    expect(
      ((await read.json()) as { figures: Record<string, unknown> }).figures['adult-women'],
    ).toBe(30_000);
    expect((await put('steering', { figures: {} })).status).toBe(403);
  });
});

describe('the steering pack downloads', () => {
  it('gives a steering member aggregates only, in Word and Excel, with the figures entered', async () => {
    const json = await app.as('steering')(`/api/reports/steering-pack?${Q1}`);
    expect(json.status).toBe(200);
    const pack = (await json.json()) as {
      suppressed: boolean;
      volumes: Record<string, unknown>;
    };
    expect(pack.suppressed).toBe(true);
    // 30,000 women: 120 cases a year, 29.6 in the 90 days; six heard.
    expect(pack.volumes).toMatchObject({
      casesHeard: 6,
      casesNotHeard: 'fewer than 5',
      repeatCases: 'fewer than 5',
      expectedCases: 29.6,
      volumeShare: 0.203,
    });

    const docx = await app.as('steering')(`/api/reports/steering-pack.docx?${Q1}`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toBe(
      'attachment; filename="steering-pack-2025-01-01-aggregates.docx"',
    );
    const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('Cases heard6');
    expect(text).toContain('Cases listed but not heardfewer than 5');
    expect(text).toContain('Recommended number of cases for the period29.6');
    expect(text).not.toMatch(/MC-B\d/);
    expectNoPersonalData(text, 'the Word pack');

    const xlsx = await app.as('steering')(`/api/reports/steering-pack.xlsx?${Q1}`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('Volumes and repeat cases')!;
    const rows: unknown[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1, 3)));
    expect(rows).toContainEqual(['Repeat cases', 'fewer than 5']);
    expect(rows).toContainEqual(['Cases heard', 6]);

    // The period is checked and named in the answer.
    const bad = await app.as('steering')('/api/reports/steering-pack?from=yesterday&to=today');
    expect(bad.status).toBe(400);
    const { rows: audit } = await app.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE record_type = 'steering_pack' ORDER BY at`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'steering-pack.view',
      'steering-pack.export',
      'steering-pack.export',
    ]);
  });
});

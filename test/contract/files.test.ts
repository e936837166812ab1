import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphFileShare } from '../../graph/graph-file-share.js';
import { DEMO_DRIVE_ID } from '../../graph/simulator/simulated-tenant.js';
import { type ContractTenant, emailOf, startContractTenant } from './support/contract-tenant.js';

let t: ContractTenant;
let files: GraphFileShare;
beforeAll(async () => {
  t = await startContractTenant();
  files = new GraphFileShare({ graph: t.graph, driveId: DEMO_DRIVE_ID });
});
beforeEach(() => t.reset());
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const content = new TextEncoder().encode('case list export (test bytes)');
const items = () => t.tenant.store.state.driveItems;

describe('FileShare over a SharePoint library (contract)', () => {
  it('uploads, shares with named people only (no download, expiring), revokes and deletes', async () => {
    const file = await files.upload('NF-MARAC-2026-12-02.xlsx', content, XLSX);
    expect(items()[file.itemId]).toMatchObject({
      name: 'NF-MARAC-2026-12-02.xlsx',
      size: content.length,
      contentType: XLSX,
    });

    const expiresAt = new Date(Date.now() + 7 * 86_400_000);
    const link = await files.shareWithPeople(file, [emailOf('police-rep'), emailOf('idva-rep')], {
      type: 'blocksDownload',
      expiresAt,
    });
    expect(link.expiresAt.toISOString()).toBe(expiresAt.toISOString());
    expect(items()[file.itemId]?.permissions).toEqual([
      expect.objectContaining({
        id: link.permissionId,
        link: expect.objectContaining({
          type: 'blocksDownload',
          scope: 'users',
          preventsDownload: true,
          webUrl: link.webUrl,
        }),
        grantedTo: [emailOf('police-rep'), emailOf('idva-rep')],
      }),
    ]);

    await files.revoke(file, link.permissionId);
    expect(items()[file.itemId]?.permissions).toEqual([]);
    await files.delete(file);
    expect(items()).toEqual({});
  });

  it('retries an upload refused with 503 and stores one file', async () => {
    t.tenant.faults.add({
      call: 'PUT /drives/{driveId}/items/{parentId}:/{fileName}:/content',
      kind: 'unavailable',
      times: 1,
      retryAfterSeconds: 0.05,
    });
    await files.upload('export.xlsx', content, XLSX);
    expect(Object.values(items()).map((i) => i.name)).toEqual(['export.xlsx']);
  });

  it('surfaces a link that expires in the past, and an unknown item, with Graph codes', async () => {
    const file = await files.upload('export.xlsx', content, XLSX);
    const past = await files
      .shareWithPeople(file, [emailOf('police-rep')], {
        type: 'view',
        expiresAt: new Date(Date.now() - 1000),
      })
      .catch((e: unknown) => e);
    expect(past).toMatchObject({ status: 400, graphCode: 'invalidRequest' });
    const gone = await files
      .revoke({ ...file, itemId: 'no-such-item' }, 'x')
      .catch((e: unknown) => e);
    expect(gone).toMatchObject({ status: 404, graphCode: 'itemNotFound' });
  });
});

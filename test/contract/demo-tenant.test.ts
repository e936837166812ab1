import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MsalTokenProvider } from '../../graph/auth/msal-token-provider.js';
import { GraphClient } from '../../graph/graph-client.js';
import { GraphMeetingScheduler } from '../../graph/graph-meeting-scheduler.js';
import { startSimulator } from '../../graph/simulator/start-simulator.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { APP_ID, APP_SECRET, MAILBOX, TENANT_ID, USERS } from './support/contract-tenant.js';

describe('the demo: Virtual MARAC on its in-process simulated tenant', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('sends mail through Graph to the simulator and shows it at /sim/outbox, escaped', async () => {
    await app.composition.microsoft.mailer.send({
      idempotencyKey: 'circulation:demo-1:<rep>',
      to: [{ email: 'sam.testbury@northfield-police.example', name: 'Sam <Testbury>' }],
      subject: 'Northfield MARAC 2 Dec 2026: case list ready',
      bodyHtml: '<p>15 cases. <a href="http://127.0.0.1/meetings/1">Open the case list</a>.</p>',
    });
    const res = await fetch(`${app.url}/sim/outbox`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('Northfield MARAC 2 Dec 2026: case list ready');
    expect(html).toContain('marac.coordinator@northfield-council.example');
    expect(html).toContain('Sam &lt;Testbury&gt; &lt;sam.testbury@northfield-police.example&gt;');
    expect(html).toContain('x-marac-idempotency-key: circulation:demo-1:&lt;rep&gt;');
    expect(html).toContain('15 cases. Open the case list.');
    expect(html).not.toContain('<rep>');
  });

  it('switches a fault on from the /sim/faults page, which the adapters then meet', async () => {
    const form = new URLSearchParams({
      call: 'POST /users/{id}/sendMail',
      kind: 'throttle',
      times: '1',
      retryAfterSeconds: '0.05',
    });
    const added = await fetch(`${app.url}/sim/faults`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(added.status).toBe(303);
    expect(await (await fetch(`${app.url}/sim/faults`)).text()).toContain('429 Too Many Requests');
    await app.composition.microsoft.mailer.send({
      idempotencyKey: 'k-2',
      to: [{ email: 'a@northfield-council.example' }],
      subject: 's',
      bodyHtml: '<p>b</p>',
    });
    const statuses = app.composition.microsoft.simulator?.requests
      .filter((r) => r.call === 'POST /users/{id}/sendMail')
      .map((r) => r.status);
    expect(statuses?.slice(-2)).toEqual([429, 202]);
    const refused = await fetch(`${app.url}/sim/faults`, {
      method: 'POST',
      body: new URLSearchParams({ call: 'GET /nowhere', kind: 'throttle' }),
    });
    expect(refused.status).toBe(400);
  });

  it('knows the seeded people as its directory, so the organiser mailbox and people resolve', async () => {
    const scheduler = app.composition.microsoft.meetings;
    const { joinUrl } = await scheduler.createEvent({
      subject: 'Northfield MARAC',
      start: new Date('2026-12-02T09:30:00Z'),
      end: new Date('2026-12-02T13:00:00Z'),
      timeZone: 'Europe/London',
      attendees: [{ email: 'sam.testbury@northfield-police.example' }],
      bodyHtml: '<p>MARAC</p>',
    });
    expect((await scheduler.findOnlineMeeting(joinUrl)).chatThreadId).toMatch(/^19:meeting_/);
  });

  it('plays a meeting: join with camera, camera off, leave, end; and refuses bad input', async () => {
    const scheduler = app.composition.microsoft.meetings;
    const { joinUrl } = await scheduler.createEvent({
      subject: 'Northfield MARAC',
      start: new Date('2026-12-02T09:30:00Z'),
      end: new Date('2026-12-02T13:00:00Z'),
      timeZone: 'Europe/London',
      attendees: [],
      bodyHtml: '',
    });
    const { onlineMeetingId } = await scheduler.findOnlineMeeting(joinUrl);
    const api = (path: string, method = 'POST', body?: unknown) =>
      fetch(`${app.url}/sim/api/meetings/${encodeURIComponent(onlineMeetingId)}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const userId = '3f0c2a1b-1111-4222-8333-444455556666';
    expect(
      (
        await api('/participants', 'POST', {
          userId,
          displayName: 'Rep',
          camera: true,
          at: '2026-12-02T09:31:00Z',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api(`/participants/${userId}/camera`, 'POST', {
          on: false,
          at: '2026-12-02T09:40:00Z',
        })
      ).status,
    ).toBe(204);
    expect(
      (await api(`/participants/${userId}`, 'DELETE', { at: '2026-12-02T10:00:00Z' })).status,
    ).toBe(204);
    const ended = (await (await api('/end', 'POST', { at: '2026-12-02T10:05:00Z' })).json()) as {
      participants: unknown[];
    };
    expect(ended.participants).toEqual([
      {
        userId,
        displayName: 'Rep',
        email: null,
        tenantId: app.config.microsoft.tenantId,
        role: 'Attendee',
        intervals: [{ join: '2026-12-02T09:31:00.000Z', leave: '2026-12-02T10:00:00.000Z' }],
        video: [{ start: '2026-12-02T09:31:00.000Z', end: '2026-12-02T09:40:00.000Z' }],
      },
    ]);
    expect((await api('/participants', 'POST', { displayName: '' })).status).toBe(400);
    expect((await api('/end')).status).toBe(404); // not running any more
  });
});

describe('simulator state across a restart', () => {
  it('keeps meetings, mail and signing keys in the data directory', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'marac-sim-'));
    const run = async () => {
      const sim = await startSimulator({
        tenantId: TENANT_ID,
        users: USERS,
        dataDir,
        apps: [
          {
            appId: APP_ID,
            secrets: [APP_SECRET],
            graphRoles: ['Calendars.ReadWrite', 'OnlineMeetings.ReadWrite.All', 'User.Read.All'],
          },
        ],
      });
      const tokens = new MsalTokenProvider({
        authorityHost: sim.tenant.authorityHost,
        tenantId: TENANT_ID,
        clientId: APP_ID,
        credential: { kind: 'secret', secret: APP_SECRET },
      });
      const graph = new GraphClient({ baseUrl: sim.tenant.graphBaseUrl, tokens });
      return {
        sim,
        scheduler: new GraphMeetingScheduler({
          graph,
          organizer: MAILBOX,
          teamsAppId: 'x',
          graphBaseUrl: sim.tenant.graphBaseUrl,
        }),
      };
    };
    try {
      const first = await run();
      const { joinUrl } = await first.scheduler.createEvent({
        subject: 'Northfield MARAC',
        start: new Date('2026-12-02T09:30:00Z'),
        end: new Date('2026-12-02T13:00:00Z'),
        timeZone: 'Europe/London',
        attendees: [],
        bodyHtml: '',
      });
      const before = await first.scheduler.findOnlineMeeting(joinUrl);
      const jwks = first.sim.tenant.channel.jwks();
      const callingJwks = first.sim.tenant.calling.jwks();
      await first.sim.close();

      const second = await run();
      expect(await second.scheduler.findOnlineMeeting(joinUrl)).toEqual(before);
      expect(second.sim.tenant.channel.jwks()).toEqual(jwks);
      expect(second.sim.tenant.calling.jwks()).toEqual(callingJwks);
      expect(callingJwks).not.toEqual(jwks);
      await second.sim.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a demo-mode service using a simulated tenant in another process', () => {
  it('sends through the external tenant when MARAC_GRAPH_BASE_URL, MARAC_AUTHORITY_HOST and MARAC_APP_PASSWORD point at it', async () => {
    const sim = await startSimulator({
      tenantId: TENANT_ID,
      users: USERS,
      apps: [{ appId: APP_ID, secrets: [APP_SECRET], graphRoles: ['Mail.Send', 'Mail.Read'] }],
    });
    const app = await startTestApp({
      env: {
        MARAC_GRAPH_BASE_URL: sim.tenant.graphBaseUrl,
        MARAC_AUTHORITY_HOST: sim.tenant.authorityHost,
        MARAC_APP_PASSWORD: APP_SECRET,
      },
    });
    try {
      expect(app.composition.microsoft.simulator).toBeNull();
      await app.composition.microsoft.mailer.send({
        idempotencyKey: 'ext-1',
        to: [{ email: 'a@northfield-council.example' }],
        subject: 'External',
        bodyHtml: '<p>x</p>',
      });
      expect(sim.tenant.outbox.map((m) => m.subject)).toEqual(['External']);
      expect(await app.composition.microsoft.mailer.wasSent('ext-1')).toBe(true);
    } finally {
      await app.close();
      await sim.close();
    }
  });

  it('runs from the command line on its own port and stops cleanly', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/simulated-tenant.ts', '--port', '0', '--secret', 'cli-secret'],
      {
        cwd: path.resolve(import.meta.dirname, '../..'),
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()));
        child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
      });
      const info = JSON.parse(line) as { url: string; MARAC_GRAPH_BASE_URL: string };
      expect(info.MARAC_GRAPH_BASE_URL).toBe(`${info.url}/sim/graph/v1.0`);
      expect((await fetch(`${info.url}/sim/outbox`)).status).toBe(200);
      const unauthenticated = await fetch(`${info.MARAC_GRAPH_BASE_URL}/users/x/sendMail`, {
        method: 'POST',
      });
      expect(unauthenticated.status).toBe(401);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});

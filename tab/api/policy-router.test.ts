import type { Request, RequestHandler, Response } from 'express';
import { describe, expect, it } from 'vitest';
import type { Principal } from './auth/principal.js';
import { policyRouter, type AreaScope } from './policy-router.js';

const ok = () => undefined;

/** Runs the gate of the first route of a policy router and returns what it passed on. */
async function gateOf(
  mount: string,
  path: string,
  principal: Principal,
  params: Record<string, string>,
  scope: AreaScope,
): Promise<unknown> {
  const { router, post } = policyRouter(mount);
  post(path, ok);
  const layer = (
    router as unknown as { stack: { route: { stack: { handle: RequestHandler }[] } }[] }
  ).stack[0]!;
  const gate = layer.route.stack[0]!.handle;
  const res = { locals: { principal, areaScope: scope } } as unknown as Response;
  return new Promise((resolve) =>
    gate({ params } as unknown as Request, res, (e?: unknown) => resolve(e ?? 'next')),
  );
}

const person = (roles: Principal['roles'], areaId = 'north'): Principal => ({
  personId: 'p1',
  areaId,
  agencyId: null,
  displayName: 'Test',
  roles,
});
const MEETING = '0b6f7c8e-7d1a-4c56-9a7e-2a3b4c5d6e7f';
const scope = (area: string | null, leads: string[] = []): AreaScope => ({
  areaOf: async () => area,
  meetingLeads: async () => leads,
});

describe('policyRouter (default deny)', () => {
  it('refuses to register a route that has no row in the policy table', () => {
    const { get } = policyRouter('/meetings');
    expect(() => get('/:meetingId/secret-new-route', ok)).toThrow(/No access policy for GET/);
  });

  it('refuses a role the row does not list (403) before anything else runs', async () => {
    const e = await gateOf(
      '/meetings',
      '/:meetingId/cancel',
      person(['chair']),
      {
        meetingId: MEETING,
      },
      scope('north'),
    );
    expect(e).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('tells a refused role what the row says, where the tab shows it', async () => {
    const e = await gateOf(
      '/meetings',
      '/:meetingId/declaration',
      person(['steering']),
      {
        meetingId: MEETING,
      },
      scope('north'),
    );
    expect(e).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Your role does not include seeing case lists.',
    });
  });

  it('answers another area’s record as not found (404), and lets the same area through', async () => {
    const coordinator = person(['coordinator']);
    const params = { meetingId: MEETING };
    expect(
      await gateOf('/meetings', '/:meetingId/cancel', coordinator, params, scope('south')),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await gateOf('/meetings', '/:meetingId/cancel', coordinator, params, scope(null)),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await gateOf('/meetings', '/:meetingId/cancel', coordinator, params, scope('north')),
    ).toBe('next');
  });

  it('lets the meeting’s named chair run it without the chair role, where the row says so', async () => {
    const rep = person(['representative']);
    const params = { meetingId: MEETING };
    const path = '/:meetingId/run/checklist';
    expect(await gateOf('/meetings', path, rep, params, scope('north', ['p1']))).toBe('next');
    expect(await gateOf('/meetings', path, rep, params, scope('north', ['p2']))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

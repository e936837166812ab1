import express, { Router } from 'express';
import { z } from 'zod';
import { FAULT_KINDS } from './faults.js';
import type { SimulatedTenant } from './simulated-tenant.js';

/**
 * `/sim/api/...`: a JSON remote control for the simulated tenant, for tests in other processes
 * and the demo meeting room: read the outbox and the bot's conversations, switch
 * faults, and play a meeting (join, leave, camera, end), which sends calling bots their roster
 * notifications as Teams would. Demo mode only (loopback), like everything under /sim.
 */
const fault = z.object({
  call: z.string().min(1),
  kind: z.enum(FAULT_KINDS),
  times: z.number().int().min(1).optional(),
  retryAfterSeconds: z.number().min(0).max(180).optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  status: z.union([z.literal(503), z.literal(504)]).optional(),
});
const participant = z.object({
  userId: z.uuid().nullish(),
  displayName: z.string().min(1).max(200),
  email: z.email().nullish(),
  role: z.enum(['Organizer', 'Presenter', 'Attendee']).optional(),
  camera: z.boolean().optional(),
});
const reply = z.object({
  from: z.email(),
  name: z.string().max(200).optional(),
  text: z.string().min(1).max(10_000),
});
const when = z.object({ at: z.iso.datetime().optional() });

export function controlRoutes(tenant: SimulatedTenant): Router {
  const router = Router();
  router.use(express.json({ limit: '64kb' }));
  const at = (body: unknown) => {
    const parsed = when.parse(body ?? {});
    return parsed.at ? new Date(parsed.at) : tenant.clock.now();
  };
  router.get('/outbox', (_req, res) => void res.json({ value: tenant.outbox }));
  router.get('/inbox', (_req, res) => void res.json({ value: tenant.inbox }));
  // Someone answers a mail the tenant sent (the demo's "reply to this chaser").
  router.post('/outbox/:id/replies', (req, res) => {
    const body = reply.parse(req.body ?? {});
    if (!tenant.outbox.some((m) => m.id === req.params.id))
      return void res.status(404).json({ error: 'no such sent message' });
    res.status(201).json(
      tenant.reply({
        to: req.params.id,
        from: { address: body.from, ...(body.name ? { name: body.name } : {}) },
        text: body.text,
      }),
    );
  });
  router.get('/requests', (_req, res) => void res.json({ value: tenant.requests.slice(-500) }));
  router.get('/faults', (_req, res) => void res.json({ value: tenant.faults.list() }));
  router.post(
    '/faults',
    (req, res) => void res.status(201).json(tenant.faults.add(fault.parse(req.body))),
  );
  router.delete('/faults', (_req, res) => {
    tenant.faults.clear();
    res.status(204).end();
  });
  router.get(
    '/connector/conversations',
    (_req, res) => void res.json({ value: tenant.connector.conversations() }),
  );
  router.get(
    '/connector/conversations/:id/activities',
    (req, res) => void res.json({ value: tenant.connector.current(req.params.id) }),
  );
  router.get(
    '/meetings',
    (_req, res) => void res.json({ value: Object.values(tenant.store.state.onlineMeetings) }),
  );
  router.post('/meetings/:id/participants', async (req, res) => {
    const who = participant.parse(req.body);
    res.status(201).json(await tenant.engine.join(req.params.id, who, at(req.body)));
  });
  router.delete('/meetings/:id/participants/:key', async (req, res) => {
    await tenant.engine.leave(req.params.id, req.params.key, at(req.body));
    res.status(204).end();
  });
  router.post('/meetings/:id/participants/:key/camera', async (req, res) => {
    const { on } = z.object({ on: z.boolean() }).parse(req.body);
    await tenant.engine.camera(req.params.id, req.params.key, on, at(req.body));
    res.status(204).end();
  });
  router.post(
    '/meetings/:id/end',
    async (req, res) => void res.json(await tenant.engine.end(req.params.id, at(req.body))),
  );
  // Bad input is a 400 with what was wrong; an unknown meeting or participant a 404.
  router.use(((error, _req, res, next) => {
    if (error instanceof z.ZodError)
      return void res.status(400).json({
        error: {
          code: 'VALIDATION_FAILED',
          message: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        },
      });
    if (
      error instanceof Error &&
      /^(No online meeting|Meeting .* is not running|.* is not in the meeting)/.test(error.message)
    )
      return void res.status(404).json({ error: { code: 'NOT_FOUND', message: error.message } });
    const type = (error as { type?: string }).type;
    if (type === 'entity.parse.failed')
      return void res
        .status(400)
        .json({ error: { code: 'MALFORMED_JSON', message: 'The body is not valid JSON.' } });
    next(error);
  }) as express.ErrorRequestHandler);
  return router;
}

import { Router } from 'express';
import type { Db } from '../../store/db.js';

export interface Readiness {
  /** Set once migrations ran and background jobs started. */
  isReady(): boolean;
  isShuttingDown(): boolean;
}

/** `/healthz` (liveness, App Service health check) and `/readyz` (can serve traffic now). */
export function healthRoutes(deps: {
  db: Db;
  version: string;
  mode: string;
  readiness: Readiness;
}): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: deps.version, mode: deps.mode, database: deps.db.driver });
  });
  router.get('/readyz', async (_req, res) => {
    if (deps.readiness.isShuttingDown())
      return void res.status(503).json({ status: 'shutting-down' });
    if (!deps.readiness.isReady()) return void res.status(503).json({ status: 'starting' });
    try {
      await deps.db.query('SELECT 1');
      res.json({ status: 'ready', database: deps.db.driver });
    } catch {
      res.status(503).json({ status: 'database-unavailable' });
    }
  });
  return router;
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Db } from '../store/db.js';
import type { Config } from './config.js';
import { demoHostGuard } from './http/demo-host-guard.js';
import { errorMiddleware, notFound } from './http/error-middleware.js';
import { healthRoutes, type Readiness } from './http/health.js';
import { verifyJsonDepth } from './http/json-depth.js';
import type { Logger } from './logger.js';

/** A piece of the HTTP surface contributed by a feature (bot, tab API, simulator, ...). */
export interface HttpFeature {
  path: string;
  handler: RequestHandler;
}

export interface AppDeps {
  config: Config;
  log: Logger;
  db: Db;
  readiness: Readiness;
  features: HttpFeature[];
  /** Built tab client (Vite output); served at / with client-side routing. */
  staticDir?: string;
}

/** Hosts that may frame the tabs: Teams, Outlook and the Microsoft 365 app (PLATFORM.md §8). */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://local.teams.office.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
];

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.mode === 'production' ? 1 : false);
  // Demo mode is for this computer only (DNS rebinding, proxies): see demoHostGuard.
  if (deps.config.mode === 'demo') app.use(demoHostGuard());
  app.use(
    helmet({
      // Teams and Outlook embed the tabs in iframes: frame-ancestors instead of X-Frame-Options.
      frameguard: false,
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          // Fluent UI (Griffel) injects style elements at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'"],
          'frame-ancestors': FRAME_ANCESTORS,
          'upgrade-insecure-requests': deps.config.mode === 'production' ? [] : null,
        },
      },
      strictTransportSecurity: deps.config.mode === 'production',
    }),
  );
  app.use(requestLog(deps.log));
  app.use(
    healthRoutes({
      db: deps.db,
      version: deps.config.version,
      mode: deps.config.mode,
      readiness: deps.readiness,
    }),
  );
  // JSON bodies everywhere under /api, with a limit; features that take files parse their own.
  app.use('/api', express.json({ limit: deps.config.http.bodyLimit, verify: verifyJsonDepth }));
  for (const feature of deps.features) app.use(feature.path, feature.handler);
  app.use('/api', notFound);
  if (deps.staticDir && existsSync(deps.staticDir)) app.use(tabClient(deps.staticDir));
  app.use(notFound);
  app.use(errorMiddleware(deps.log));
  return app;
}

/** Static files of the tab client, and index.html for its client-side routes. */
function tabClient(staticDir: string): RequestHandler {
  const files = express.static(staticDir, { index: 'index.html', maxAge: '1h' });
  const index = path.join(staticDir, 'index.html');
  return (req, res, next) => {
    files(req, res, () => {
      if (req.method !== 'GET' || !req.accepts('html') || path.extname(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  };
}

/** One line per request: method, route path (no query string), status and duration. */
function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (req.path === '/healthz' || req.path === '/readyz') return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) },
        'http',
      );
    });
    next();
  };
}

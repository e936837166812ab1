import type { RequestHandler } from 'express';
import type { ErrorBody } from './error-middleware.js';

const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

/** The host name of a Host header value: `[::1]:3978` → `::1`, `localhost:3978` → `localhost`. */
export function hostNameOf(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith('['))
    return value.slice(1, value.indexOf(']') > 0 ? value.indexOf(']') : undefined);
  return value.replace(/:\d*$/, '').replace(/\.$/, '');
}

export function isLoopbackHostName(name: string): boolean {
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(name)
  );
}

/**
 * Demo mode signs anyone in as any seeded person without a password, and runs the bot without
 * Bot Framework authentication, so it must only be reachable from this machine. Binding to
 * 127.0.0.1 is not enough: a web page the demo's user visits can rebind its own name to
 * 127.0.0.1 (DNS rebinding) and call us with `Host: evil.example`, and a reverse proxy in front
 * would make the demo public. So a request is answered only when its Host names a loopback
 * host and no proxy forwarded it.
 */
export function demoHostGuard(): RequestHandler {
  return (req, res, next) => {
    const refuse = (message: string) =>
      res.status(403).json({ error: { code: 'DEMO_LOCAL_ONLY', message } } satisfies ErrorBody);
    if (FORWARDING_HEADERS.some((name) => req.headers[name] !== undefined))
      return refuse(
        'The demo runs on this computer only and does not answer requests passed on by a proxy.',
      );
    if (!isLoopbackHostName(hostNameOf(req.headers.host ?? '')))
      return refuse(
        'The demo answers only at localhost or 127.0.0.1. Open it at the address it printed when it started.',
      );
    next();
  };
}

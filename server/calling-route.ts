import { Router } from 'express';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import {
  callEnded,
  type LiveAttendanceDeps,
  rosterUpdated,
} from '../core/attendance/live-attendance.js';
import { DomainError } from '../core/errors.js';
import { parseCallingNotifications } from '../graph/calling-notifications.js';

export interface CallingAuth {
  /** Off only in demo mode, with bot authentication (MARAC_BOT_AUTH). */
  enabled: boolean;
  appId: string | null;
  /**
   * OpenID metadata whose keys sign the notifications, and the accepted issuers. Graph calling
   * has its own (https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration; issuers
   * https://graph.microsoft.com and https://api.botframework.com, as Microsoft's calling samples
   * validate), not the Bot Framework channel's.
   */
  openIdMetadataUrl: string;
  issuers: string[];
}

/**
 * `POST /api/calling`: the calling bot's webhook (DESIGN.md §7, PLATFORM.md §4). Graph posts
 * `commsNotifications` with a bearer token: RS256 with a key from the calling OpenID metadata
 * (CallingAuth), `iss` one of its issuers, `aud` our app id; anything else is
 * a 401 and nothing is stored. Roster changes become presence and camera intervals (source
 * calling-roster) at the time they arrive; a malformed body is a 400 naming the problem.
 */
export function callingRoute(deps: {
  attendance: LiveAttendanceDeps;
  auth: CallingAuth;
  log: { warn(details: object, message: string): void };
  /** How long a roster for a call we have not recorded yet is retried (the join's 201 can lag). */
  unknownCallWaitMs?: number;
}): Router {
  const router = Router();
  let keys: JWTVerifyGetKey | null = null;
  const verify = async (header: string | undefined) => {
    if (!deps.auth.enabled) return;
    const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
    if (!token)
      throw new DomainError('UNAUTHENTICATED', 'The notification carries no bearer token.');
    try {
      keys ??= await remoteKeys(deps.auth.openIdMetadataUrl);
      await jwtVerify(token, keys, {
        issuer: deps.auth.issuers,
        audience: deps.auth.appId ?? '',
        algorithms: ['RS256', 'RS384', 'RS512'],
        clockTolerance: 300,
      });
    } catch (error) {
      deps.log.warn({ reason: (error as Error).message }, 'calling notification refused');
      throw new DomainError('UNAUTHENTICATED', 'The notification token was not accepted.');
    }
  };

  router.post('/', async (req, res) => {
    await verify(req.get('authorization'));
    const notifications = parseCallingNotifications(req.body);
    const waitMs = deps.unknownCallWaitMs ?? 3000;
    for (const n of notifications) {
      if (n.kind === 'call-state') {
        if (n.state === 'terminated') await callEnded(deps.attendance, n.callId);
        continue;
      }
      let result = await rosterUpdated(deps.attendance, n);
      for (let waited = 0; result.outcome === 'unknown-call' && waited < waitMs; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
        result = await rosterUpdated(deps.attendance, n);
      }
      if (result.outcome === 'unknown-call')
        deps.log.warn({ callId: n.callId }, 'roster notification for a call we did not join');
    }
    res.status(202).end();
  });
  router.all('/', (_req, res) => {
    res
      .status(405)
      .set('Allow', 'POST')
      .json({ error: { code: 'METHOD_NOT_ALLOWED', message: 'Use POST.' } });
  });
  return router;
}

async function remoteKeys(metadataUrl: string): Promise<JWTVerifyGetKey> {
  const res = await fetch(metadataUrl, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`OpenID metadata answered ${res.status}`);
  const { jwks_uri: jwksUri } = (await res.json()) as { jwks_uri?: string };
  if (!jwksUri) throw new Error('OpenID metadata has no jwks_uri');
  return createRemoteJWKSet(new URL(jwksUri));
}

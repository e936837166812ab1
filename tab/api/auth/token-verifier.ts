import {
  createRemoteJWKSet,
  decodeJwt,
  errors,
  type JWTPayload,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { DomainError } from '../../../core/errors.js';

/**
 * Validates the tab's SSO access tokens (PLATFORM.md §8): RS256 signature from the tenant's
 * JWKS (with key rotation), issuer of an allowed tenant (v2 `{authority}/{tid}/v2.0`, or v1
 * `https://sts.windows.net/{tid}/` on the public cloud), audience, `scp` containing the
 * required scope, expiry and not-before. The same code validates the demo issuer's tokens.
 */
export interface VerifiedUser {
  tenantId: string;
  objectId: string;
  name: string | null;
  username: string | null;
  scopes: string[];
}

export interface TokenVerifierOptions {
  authorityHost: string;
  audiences: string[];
  allowedTenants: string[];
  requiredScope?: string;
  /** Key lookup; by default the remote JWKS of each allowed tenant. */
  keys?: (tenantId: string) => JWTVerifyGetKey;
  clockToleranceSeconds?: number;
}

export type TokenVerifier = (token: string) => Promise<VerifiedUser>;

const PUBLIC_CLOUD = 'https://login.microsoftonline.com';

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const requiredScope = options.requiredScope ?? 'access_as_user';
  const remote = new Map<string, JWTVerifyGetKey>();
  const keysFor =
    options.keys ??
    ((tenantId: string) => {
      let keys = remote.get(tenantId);
      if (!keys) {
        keys = createRemoteJWKSet(
          new URL(`${options.authorityHost}/${tenantId}/discovery/v2.0/keys`),
          { cooldownDuration: 30_000 },
        );
        remote.set(tenantId, keys);
      }
      return keys;
    });
  const refuse = (message: string): never => {
    throw new DomainError('UNAUTHENTICATED', message);
  };

  return async (token) => {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      return refuse('The sign-in token is malformed.');
    }
    const tenantId =
      typeof unverified.tid === 'string'
        ? unverified.tid
        : refuse('The sign-in token names no tenant.');
    if (!options.allowedTenants.includes(tenantId))
      refuse('Your organisation is not allowed to sign in to this MARAC.');
    const issuers = [`${options.authorityHost}/${tenantId}/v2.0`];
    if (options.authorityHost === PUBLIC_CLOUD)
      issuers.push(`https://sts.windows.net/${tenantId}/`);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keysFor(tenantId), {
        issuer: issuers,
        audience: options.audiences,
        algorithms: ['RS256'],
        clockTolerance: options.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (error) {
      return refuse(explain(error));
    }
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(requiredScope))
      refuse(`The sign-in token lacks the ${requiredScope} permission.`);
    const objectId =
      typeof payload.oid === 'string' ? payload.oid : refuse('The sign-in token names no user.');
    return {
      tenantId,
      objectId,
      name: typeof payload.name === 'string' ? payload.name : null,
      username:
        typeof payload.preferred_username === 'string'
          ? payload.preferred_username
          : typeof payload.upn === 'string'
            ? payload.upn
            : null,
      scopes,
    };
  };
}

function explain(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'Your sign-in has expired. Sign in again.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'The sign-in token was issued for another application.';
    if (error.claim === 'iss') return 'The sign-in token was issued by an unexpected authority.';
    if (error.claim === 'nbf') return 'The sign-in token is not valid yet.';
    return `The sign-in token's ${error.claim} claim is not acceptable.`;
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey
  )
    return 'The sign-in token signature is not valid.';
  return 'The sign-in token could not be validated.';
}

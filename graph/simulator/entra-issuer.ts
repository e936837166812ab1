import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';

/**
 * The signing side of the simulated Entra tenant: an RSA key (persisted so demo sign-ins survive
 * a restart), its JWKS and OpenID metadata, and tokens shaped like Entra v2 access tokens. The
 * tab API validates them with exactly the code that validates real Entra tokens; only the
 * authority host (and so the issuer and key set) differ (DESIGN.md §5).
 */
export interface UserTokenClaims {
  tenantId: string;
  objectId: string;
  name: string;
  preferredUsername: string;
  audience: string;
  scopes?: string[];
  /** Seconds; defaults to one hour. */
  lifetime?: number;
}

export class SimulatedEntraIssuer {
  private keySet: ReturnType<typeof createLocalJWKSet> | undefined;

  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
    readonly authorityHost: string,
  ) {}

  /** Loads the key from `keyFile` or creates and saves one (demo); in memory when omitted (tests). */
  static async create(options: {
    authorityHost: string;
    keyFile?: string;
  }): Promise<SimulatedEntraIssuer> {
    const stored = options.keyFile
      ? await readFile(options.keyFile, 'utf8').catch(() => null)
      : null;
    if (stored) {
      const { privateJwk, publicJwk } = JSON.parse(stored) as { privateJwk: JWK; publicJwk: JWK };
      const key = (await importJWK(privateJwk, 'RS256')) as CryptoKey;
      return new SimulatedEntraIssuer(key, publicJwk, options.authorityHost);
    }
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
    if (options.keyFile) {
      await mkdir(path.dirname(options.keyFile), { recursive: true });
      const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
      await writeFile(options.keyFile, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
    }
    return new SimulatedEntraIssuer(privateKey, publicJwk, options.authorityHost);
  }

  /** Issuer of v2 tokens for a tenant, as Entra writes it: `{authority}/{tid}/v2.0`. */
  issuer(tenantId: string): string {
    return `${this.authorityHost}/${tenantId}/v2.0`;
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  openIdConfiguration(tenantId: string): Record<string, unknown> {
    const base = `${this.authorityHost}/${tenantId}`;
    return {
      issuer: this.issuer(tenantId),
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_types_supported: ['code', 'id_token', 'token id_token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      tenant_region_scope: 'EU',
    };
  }

  /** A delegated access token for our own API, as Teams SSO (`getAuthToken`) would return. */
  async issueUserToken(claims: UserTokenClaims, now = new Date()): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({
      ver: '2.0',
      tid: claims.tenantId,
      oid: claims.objectId,
      sub: claims.objectId,
      name: claims.name,
      preferred_username: claims.preferredUsername,
      scp: (claims.scopes ?? ['access_as_user']).join(' '),
      azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // the Teams web client id
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid as string, typ: 'JWT' })
      .setIssuer(this.issuer(claims.tenantId))
      .setAudience(claims.audience)
      .setIssuedAt(iat)
      .setNotBefore(iat - 60)
      .setExpirationTime(iat + (claims.lifetime ?? 3600))
      .sign(this.privateKey);
  }

  /** An app-only token (client credentials), e.g. for Graph calls against the simulator. */
  async issueAppToken(
    claims: {
      tenantId: string;
      appId: string;
      audience: string;
      roles?: string[];
      lifetime?: number;
    },
    now = new Date(),
  ): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({
      ver: '2.0',
      tid: claims.tenantId,
      azp: claims.appId,
      appid: claims.appId,
      roles: claims.roles ?? [],
      idtyp: 'app',
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid as string, typ: 'JWT' })
      .setIssuer(this.issuer(claims.tenantId))
      .setAudience(claims.audience)
      .setIssuedAt(iat)
      .setNotBefore(iat - 60)
      .setExpirationTime(iat + (claims.lifetime ?? 3600))
      .sign(this.privateKey);
  }

  /**
   * Verifies a token this tenant issued (signature, issuer, expiry and, when given, audience):
   * the simulated Graph, token endpoint (OBO assertions) and Bot Connector use it.
   */
  async verify(
    token: string,
    options: { tenantId: string; audience?: string | string[] },
  ): Promise<JWTPayload> {
    this.keySet ??= createLocalJWKSet(this.jwks());
    const { payload } = await jwtVerify(token, this.keySet, {
      issuer: this.issuer(options.tenantId),
      ...(options.audience ? { audience: options.audience } : {}),
      algorithms: ['RS256'],
      clockTolerance: 60,
    });
    return payload;
  }
}

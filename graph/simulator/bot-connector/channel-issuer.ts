import { type JWK, SignJWT } from 'jose';
import { loadOrCreateSigningKey } from '../signing-key.js';

/**
 * The simulated Bot Framework channel's signing side (PLATFORM.md §9): it signs the tokens a
 * channel (Teams) sends with each activity to the bot, and Graph's calling notifications, and
 * publishes its key as OpenID metadata, so botbuilder validates them exactly as it validates
 * Bot Framework's. Claims follow real channel tokens: `iss`, `aud` (the bot's app id),
 * `serviceurl`, `nbf`/`exp`; no `ver` (a `ver` claim would send botbuilder down the skill path).
 */
export interface ChannelTokenClaims {
  audience: string;
  serviceUrl?: string;
  /** Seconds; one hour by default. */
  lifetime?: number;
  issuer?: string;
}

export class ChannelTokenIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
    /** e.g. `http://127.0.0.1:3978/sim/botframework` */
    readonly issuer: string,
  ) {}

  static async create(options: { issuer: string; keyFile?: string }): Promise<ChannelTokenIssuer> {
    const key = await loadOrCreateSigningKey(options.keyFile);
    return new ChannelTokenIssuer(key.privateKey, key.publicJwk, options.issuer);
  }

  /** Where botbuilder's ToBotFromChannelOpenIdMetadataUrl should point. */
  get openIdMetadataUrl(): string {
    return `${this.issuer}/v1/.well-known/openidconfiguration`;
  }

  openIdConfiguration(): Record<string, unknown> {
    return {
      issuer: this.issuer,
      authorization_endpoint: `${this.issuer}/v1/auth`,
      jwks_uri: `${this.issuer}/v1/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    };
  }

  /** The key set, endorsed for the Teams channel as Bot Framework's keys are. */
  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.publicJwk, endorsements: ['msteams'] } as JWK] };
  }

  async sign(claims: ChannelTokenClaims, now = new Date()): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT(claims.serviceUrl ? { serviceurl: claims.serviceUrl } : {})
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid as string, typ: 'JWT' })
      .setIssuer(claims.issuer ?? this.issuer)
      .setAudience(claims.audience)
      .setIssuedAt(iat)
      .setNotBefore(iat - 300)
      .setExpirationTime(iat + (claims.lifetime ?? 3600))
      .sign(this.privateKey);
  }
}

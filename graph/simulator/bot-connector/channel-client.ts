import type { Activity } from './activities.js';
import type { ChannelTokenClaims, ChannelTokenIssuer } from './channel-issuer.js';

export interface ChannelResponse {
  status: number;
  /** Parsed JSON when the bot answered JSON (invoke responses), otherwise the text. */
  body: unknown;
}

/**
 * Plays the Teams channel towards a bot endpoint: signs a channel token for each activity
 * (audience = the bot's app id, `serviceurl` = the activity's serviceUrl) and POSTs the
 * activity, as the Bot Connector does. Without an issuer no Authorization header is sent (bot
 * authentication off in demo mode).
 */
export class ChannelClient {
  constructor(
    private readonly options: {
      endpoint: string;
      appId: string;
      issuer: ChannelTokenIssuer | null;
    },
  ) {}

  /** A token for `activity`, with any claim overridden (tests forge bad ones this way). */
  async token(
    activity: Activity,
    overrides: Partial<ChannelTokenClaims> & { now?: Date; signer?: ChannelTokenIssuer } = {},
  ): Promise<string> {
    const { now, signer, ...claims } = overrides;
    const issuer = signer ?? this.options.issuer;
    if (!issuer) throw new Error('This channel has no signing key (bot authentication is off).');
    return issuer.sign(
      { audience: this.options.appId, serviceUrl: String(activity.serviceUrl), ...claims },
      now,
    );
  }

  /**
   * Posts an activity. `token: null` sends none; a string sends that token; by default a valid
   * one is signed when the channel has an issuer.
   */
  async send(
    activity: Activity | string,
    options: { token?: string | null } = {},
  ): Promise<ChannelResponse> {
    const token =
      options.token !== undefined
        ? options.token
        : this.options.issuer && typeof activity !== 'string'
          ? await this.token(activity)
          : null;
    const res = await fetch(this.options.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let body: unknown = text;
    if (/json/.test(res.headers.get('content-type') ?? '') && text) body = JSON.parse(text);
    return { status: res.status, body };
  }
}

import { randomUUID } from 'node:crypto';
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  type TurnContext,
} from 'botbuilder';
import { isDomainError } from '../core/errors.js';
import type { TokenProvider } from '../core/ports/token-provider.js';
import { TokenProviderCredentialsFactory } from './auth/token-provider-credentials.js';
import {
  serviceUrlHost,
  serviceUrlTrust,
  UntrustedServiceUrlError,
} from './trusted-service-urls.js';

/**
 * Bot Framework endpoints (PLATFORM.md §9). botbuilder builds a "parameterized" authentication
 * as soon as ANY of them is set, and then uses exactly what it was given, leaving unset ones
 * undefined; so all of them are always passed (config.bot supplies the public-cloud defaults).
 */
export interface BotEndpoints {
  openIdMetadataUrl: string;
  tokenIssuer: string;
  loginUrl: string;
  oauthScope: string;
  oauthUrl: string;
  emulatorOpenIdMetadataUrl: string;
  callerId: string;
}

export interface BotAdapterOptions {
  /** Off only in demo mode: then no MicrosoftAppId reaches botbuilder, which disables auth. */
  authEnabled: boolean;
  appId: string | null;
  tenantId: string | null;
  appType: 'SingleTenant' | 'UserAssignedMSI';
  endpoints: BotEndpoints;
  /** The bot's outbound token (msal-node); required when authentication is on. */
  tokens: TokenProvider | null;
  /** Service URLs trusted besides Microsoft's Bot Connector hosts (bot/trusted-service-urls.ts). */
  trustedServiceUrls?: readonly string[];
  log: BotLog;
}

type BotLog = {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
};

/**
 * The bot's HTTP adapter: CloudAdapter with ConfigurationBotFrameworkAuthentication (inbound
 * channel tokens validated against the channel's OpenID metadata: signature, issuer, audience =
 * our app id, `serviceurl` = the activity's serviceUrl, expiry with 5 minutes' tolerance), and
 * our own credentials factory for outbound calls. The activity handler is separate (bot/marac-bot.ts).
 */
export function createBotAdapter(options: BotAdapterOptions): BotHttpAdapter {
  const e = options.endpoints;
  const missing = Object.entries(e).filter(([, value]) => !value);
  if (missing.length > 0)
    throw new Error(
      `Bot Framework endpoints must all be set: ${missing.map(([k]) => k).join(', ')}`,
    );
  const appId = options.authEnabled ? (options.appId ?? '') : '';
  if (options.authEnabled && !appId)
    throw new Error('Bot authentication is on but no app id is configured.');
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: appId,
      MicrosoftAppTenantId: options.tenantId ?? '',
      MicrosoftAppType: options.appType,
      ToChannelFromBotLoginUrl: e.loginUrl,
      ToChannelFromBotOAuthScope: e.oauthScope,
      ToBotFromChannelTokenIssuer: e.tokenIssuer,
      OAuthUrl: e.oauthUrl,
      ToBotFromChannelOpenIdMetadataUrl: e.openIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: e.emulatorOpenIdMetadataUrl,
      CallerId: e.callerId,
      ValidateAuthority: true,
    },
    new TokenProviderCredentialsFactory(appId, options.authEnabled ? options.tokens : null),
  );
  const adapter = new BotHttpAdapter(
    auth,
    serviceUrlTrust(options.trustedServiceUrls),
    options.log,
  );
  // The edge for errors in a turn (STYLE.md): log ids only, tell the chat with a reference.
  adapter.onTurnError = async (context, error) => {
    // A malformed event (e.g. a meeting event without channelData.meeting.id) is the caller's
    // error: rethrown, so /api/messages answers 400 with what is wrong (nothing was stored).
    if (
      isDomainError(error) &&
      error.code === 'VALIDATION_FAILED' &&
      context.activity.type === 'event'
    )
      throw error;
    const correlationId = randomUUID();
    options.log.error(
      {
        err: error,
        correlationId,
        activityType: context.activity.type,
        channelId: context.activity.channelId,
      },
      'bot turn failed',
    );
    if (context.activity.type === 'message')
      await context
        .sendActivity(
          MessageFactory.text(`Something went wrong on our side. Reference: ${correlationId}.`),
        )
        .catch(() => undefined);
  };
  return adapter;
}

/** botbuilder's ClaimsIdentity (from botframework-connector, not a direct dependency). */
type ClaimsIdentity = Exclude<Parameters<CloudAdapter['continueConversationAsync']>[0], string>;

export interface BotHttpResult {
  status: number;
  body?: unknown;
}

/**
 * CloudAdapter, with the HTTP step done by us rather than by `process()`: the same
 * authentication and turn (botbuilder's `processActivity`), but auth failures become a 401 we
 * log as a warning with botbuilder's reason, instead of `process()` printing the error to
 * stderr and sending its message to the caller.
 */
export class BotHttpAdapter extends CloudAdapter {
  constructor(
    auth: ConstructorParameters<typeof CloudAdapter>[0],
    private readonly isTrusted: (serviceUrl: string) => boolean,
    private readonly log: Pick<BotLog, 'warn'>,
  ) {
    super(auth);
  }

  /**
   * Nothing is sent to, and no token fetched for, a serviceUrl off the trusted list: checked
   * here for inbound turns (before botbuilder runs one) and in processProactive for stored
   * conversation references, the two ways this product reaches the Bot Connector.
   */
  private assertTrusted(serviceUrl: string | undefined, activityType: string | undefined): void {
    if (serviceUrl === undefined || this.isTrusted(serviceUrl)) return;
    const host = serviceUrlHost(serviceUrl);
    this.log.warn(
      { serviceUrlHost: host, activityType },
      'bot call to an untrusted Bot Connector host refused',
    );
    throw new UntrustedServiceUrlError(host);
  }

  protected override processProactive(
    claimsIdentity: ClaimsIdentity,
    continuation: Partial<Activity>,
    audience: string | undefined,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    // A reference without a serviceUrl has nowhere to go: "" is refused like any untrusted URL.
    this.assertTrusted(continuation.serviceUrl ?? '', continuation.type);
    return super.processProactive(claimsIdentity, continuation, audience, logic);
  }

  async handle(
    authHeader: string,
    activity: Record<string, unknown> & { type: string },
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<BotHttpResult> {
    // As botbuilder's activity validator does: keep the raw strings, make timestamps Dates.
    for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
      const value = activity[field];
      if (typeof value === 'string') {
        activity[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = value;
        activity[field] = new Date(value);
      }
    }
    this.assertTrusted(
      typeof activity.serviceUrl === 'string' ? activity.serviceUrl : undefined,
      activity.type,
    );
    try {
      const response = await this.processActivity(
        authHeader,
        activity as unknown as Activity,
        logic,
      );
      return { status: response?.status ?? 200, body: response?.body };
    } catch (error) {
      if (isRefusedToken(error)) throw new BotAuthenticationError((error as Error).message);
      throw error;
    }
  }
}

/**
 * botbuilder refuses most bad tokens with a 401 AuthenticationError, but a token that names the
 * channel key's real `kid` reaches jsonwebtoken's own checks (wrong algorithm, bad signature,
 * not yet valid, expired), whose errors it passes on as they are: those are refusals too.
 */
const JWT_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);
function isRefusedToken(error: unknown): boolean {
  const e = error as { statusCode?: number; name?: string };
  return e?.statusCode === 401 || JWT_ERRORS.has(e?.name ?? '');
}

/** The channel's token was missing or not acceptable; `reason` is botbuilder's, for the log. */
export class BotAuthenticationError extends Error {
  constructor(readonly reason: string) {
    super('The Bot Framework token was not accepted.');
    this.name = 'BotAuthenticationError';
  }
}

import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { TokenProvider } from '../../core/ports/token-provider.js';

/** botbuilder's ServiceClientCredentialsFactory, taken from the constructor that consumes it. */
type CredentialsFactory = NonNullable<
  ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]
>;
type Credentials = Awaited<ReturnType<CredentialsFactory['createCredentials']>>;
type WebResource = Parameters<Credentials['signRequest']>[0];

/**
 * The bot's outbound credentials (replies, card updates and meeting calls to the Bot
 * Connector): an app-only token for the Bot Connector scope from our TokenProvider, which is
 * msal-node in every mode (the simulated tenant's token endpoint in demo mode and tests, Entra
 * in production). SingleTenant and UserAssignedMSI bots get that token from their own tenant,
 * as botbuilder's own factories do for those app types, so `loginEndpoint` is not used.
 *
 * With no app id, authentication is off (demo mode, as the Agents Playground needs): inbound
 * requests are anonymous and outbound ones carry no token.
 */
export class TokenProviderCredentialsFactory implements CredentialsFactory {
  constructor(
    private readonly appId: string,
    private readonly tokens: TokenProvider | null,
  ) {}

  async isValidAppId(appId = ''): Promise<boolean> {
    return appId === this.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return !this.appId;
  }

  async createCredentials(appId: string, audience: string | undefined): Promise<Credentials> {
    if (await this.isAuthenticationDisabled()) return { signRequest: async (request) => request };
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    const tokens = this.tokens;
    if (!tokens) throw new Error('Bot authentication is on but no token provider was given.');
    const scope = audience ?? 'https://api.botframework.com';
    return {
      signRequest: async (request: WebResource) => {
        request.headers.set('authorization', `Bearer ${await tokens.appToken(scope)}`);
        return request;
      },
    };
  }
}

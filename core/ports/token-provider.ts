/**
 * Tokens for the service's outbound calls, behind one small port so the Graph client and the
 * bot's connector credentials never know how a token is obtained (msal-node in every mode;
 * see msal-token-provider.ts). Tokens are never logged and never stored by callers.
 */
export interface TokenProvider {
  /**
   * An app-only token for `resource` (e.g. `https://graph.microsoft.com` or the Bot Connector
   * scope `https://api.botframework.com`), cached by the provider until shortly before expiry.
   */
  appToken(resource: string): Promise<string>;
  /**
   * On-behalf-of exchange (PLATFORM.md §8): trades a tab SSO token for a delegated token with
   * `scopes`. Throws DomainError CONSENT_REQUIRED when the user or an admin must consent first.
   */
  onBehalfOf(userToken: string, scopes: string[]): Promise<string>;
}

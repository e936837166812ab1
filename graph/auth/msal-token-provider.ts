import {
  AuthError,
  ConfidentialClientApplication,
  type Configuration,
  InteractionRequiredAuthError,
  ManagedIdentityApplication,
  type NodeAuthOptions,
} from '@azure/msal-node';
import { DomainError } from '../../core/errors.js';
import { LoopbackHttpsBridge, secureLoopbackAuthority } from './loopback-https-bridge.js';
import type { TokenProvider } from './token-provider.js';

/** How the app proves who it is to Entra (PLATFORM.md §9: SingleTenant or UserAssignedMSI). */
export type AppCredential =
  | { kind: 'secret'; secret: string }
  /** `thumbprint` is hex: 40 characters for SHA-1, 64 for SHA-256 (msal prefers SHA-256). */
  | { kind: 'certificate'; thumbprint: string; privateKeyPem: string }
  | { kind: 'managed-identity'; managedIdentityClientId: string };

export interface MsalTokenProviderOptions {
  /** `https://login.microsoftonline.com`, a sovereign cloud, or a simulated tenant on loopback. */
  authorityHost: string;
  tenantId: string;
  clientId: string;
  credential: AppCredential;
}

/** The audience Entra uses for a managed identity acting as a federated credential. */
const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

/**
 * App-only and on-behalf-of tokens from `@azure/msal-node` (PLATFORM.md §8). msal caches tokens
 * in memory and refreshes them before expiry, so callers ask for a token on every request.
 *
 * - Client secret or certificate: a ConfidentialClientApplication on the app's own tenant
 *   (single-tenant; multi-tenant bots are deprecated).
 * - User-assigned managed identity: app-only tokens from a ManagedIdentityApplication; the OBO
 *   exchange still needs the app registration, so its client assertion is a managed-identity
 *   token for `api://AzureADTokenExchange` (the app trusts the identity as a federated credential).
 *
 * An `http://` loopback authority (the simulated tenant) is reached through LoopbackHttpsBridge;
 * any other non-https authority is refused.
 */
export class MsalTokenProvider implements TokenProvider {
  private readonly confidential: ConfidentialClientApplication;
  private readonly managedIdentity: ManagedIdentityApplication | null;

  constructor(options: MsalTokenProviderOptions) {
    const authorityHost = secureLoopbackAuthority(options.authorityHost);
    const simulated = authorityHost !== options.authorityHost;
    const system: Configuration['system'] = simulated
      ? { networkClient: new LoopbackHttpsBridge() }
      : undefined;
    const { credential } = options;
    this.managedIdentity =
      credential.kind === 'managed-identity'
        ? new ManagedIdentityApplication({
            managedIdentityIdParams: { userAssignedClientId: credential.managedIdentityClientId },
          })
        : null;
    const auth: NodeAuthOptions = {
      clientId: options.clientId,
      authority: `${authorityHost}/${options.tenantId}`,
      // Entra hosts (public and sovereign) are validated by instance discovery; a simulated
      // tenant is not in Microsoft's list, so it is declared known instead.
      ...(simulated ? { knownAuthorities: [new URL(authorityHost).host] } : {}),
    };
    if (credential.kind === 'secret') auth.clientSecret = credential.secret;
    else if (credential.kind === 'certificate')
      auth.clientCertificate = {
        privateKey: credential.privateKeyPem,
        ...(credential.thumbprint.length === 64
          ? { thumbprintSha256: credential.thumbprint }
          : { thumbprint: credential.thumbprint }),
      };
    else auth.clientAssertion = () => this.managedIdentityToken(TOKEN_EXCHANGE_AUDIENCE);
    this.confidential = new ConfidentialClientApplication({ auth, system });
  }

  async appToken(resource: string): Promise<string> {
    if (this.managedIdentity) return this.managedIdentityToken(resource);
    const result = await this.confidential
      .acquireTokenByClientCredential({ scopes: [`${resource}/.default`] })
      .catch(rethrow);
    return required(result?.accessToken, resource);
  }

  async onBehalfOf(userToken: string, scopes: string[]): Promise<string> {
    const result = await this.confidential
      .acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes })
      .catch(rethrow);
    return required(result?.accessToken, scopes.join(' '));
  }

  private async managedIdentityToken(resource: string): Promise<string> {
    const result = await (this.managedIdentity as ManagedIdentityApplication)
      .acquireToken({ resource })
      .catch(rethrow);
    return required(result.accessToken, resource);
  }
}

function required(token: string | undefined, what: string): string {
  if (!token) throw new TokenAcquisitionError('no_token', `Entra returned no token for ${what}.`);
  return token;
}

/** A token could not be obtained; `code` is Entra's (e.g. invalid_client), never a secret. */
export class TokenAcquisitionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TokenAcquisitionError';
  }
}

/**
 * Consent and MFA problems become CONSENT_REQUIRED, which the tab turns into a consent prompt
 * (`authentication.authenticate()`); anything else keeps Entra's error code and correlation id.
 */
function rethrow(error: unknown): never {
  if (error instanceof InteractionRequiredAuthError)
    throw new DomainError('CONSENT_REQUIRED', undefined, {
      entraCode: error.errorCode,
      subError: error.subError,
    });
  if (error instanceof AuthError)
    throw new TokenAcquisitionError(
      error.errorCode,
      `Entra refused the token request: ${error.errorCode}${error.subError ? `/${error.subError}` : ''} (correlation id ${error.correlationId}).`,
    );
  throw error;
}

import { randomUUID } from 'node:crypto';
import express, { type RequestHandler, type Response } from 'express';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import type { AppRegistry, SimulatedApp } from './app-registry.js';
import type { SimulatedEntraIssuer } from './entra-issuer.js';

/**
 * `POST /{tenant}/oauth2/v2.0/token` of the simulated tenant: the client-credentials grant
 * (client secret, or a certificate-signed client assertion) and the on-behalf-of grant, with
 * Entra's error shapes (`error`, `error_description` starting with the AADSTS number,
 * `error_codes`, `suberror` for consent), so msal-node's own error handling is exercised.
 */
export interface TokenEndpointDeps {
  issuer: SimulatedEntraIssuer;
  apps: AppRegistry;
  tenantId: string;
  /** Resources an app token may be issued for (Graph and the Bot Connector). */
  resources: string[];
}

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: number,
    message: string,
    readonly suberror?: string,
  ) {
    super(message);
  }
}

export function tokenEndpoint(deps: TokenEndpointDeps): RequestHandler[] {
  const handler: RequestHandler = async (req, res) => {
    try {
      const tenant = String(req.params.tenant);
      if (tenant.toLowerCase() !== deps.tenantId.toLowerCase())
        throw new OAuthError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found.`);
      const form = (req.body ?? {}) as Record<string, string | undefined>;
      if (!req.is('application/x-www-form-urlencoded') || !form.grant_type)
        throw new OAuthError(
          400,
          'invalid_request',
          900144,
          "The request body must contain the following parameter: 'grant_type'.",
        );
      const app = await authenticateClient(deps, form, tokenUrl(req));
      if (form.grant_type === 'client_credentials')
        return issue(res, await clientCredentials(deps, app, form));
      if (form.grant_type === JWT_BEARER && form.requested_token_use === 'on_behalf_of')
        return issue(res, await onBehalfOf(deps, app, form));
      throw new OAuthError(
        400,
        'unsupported_grant_type',
        70003,
        'The grant type is not supported.',
      );
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      res.status(error.status).json({
        error: error.error,
        error_description: `AADSTS${error.aadsts}: ${error.message} Trace ID: ${randomUUID()}`,
        error_codes: [error.aadsts],
        timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
        trace_id: randomUUID(),
        correlation_id: randomUUID(),
        ...(error.suberror ? { suberror: error.suberror } : {}),
      });
    }
  };
  return [express.urlencoded({ extended: false, limit: '64kb' }), handler];
}

function tokenUrl(req: express.Request): string {
  return `${req.protocol}://${req.get('host')}${req.baseUrl}${req.path}`;
}

function issue(res: Response, accessToken: string): void {
  res.set('cache-control', 'no-store, no-cache');
  res.json({
    token_type: 'Bearer',
    expires_in: 3599,
    ext_expires_in: 3599,
    access_token: accessToken,
  });
}

async function authenticateClient(
  deps: TokenEndpointDeps,
  form: Record<string, string | undefined>,
  url: string,
): Promise<SimulatedApp> {
  const app = form.client_id ? deps.apps.get(form.client_id) : undefined;
  if (!app)
    throw new OAuthError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${form.client_id ?? ''}' was not found in the directory '${deps.tenantId}'.`,
    );
  if (form.client_secret !== undefined) {
    if (app.secrets?.includes(form.client_secret)) return app;
    throw new OAuthError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
  }
  if (
    form.client_assertion_type === ASSERTION_TYPE &&
    form.client_assertion &&
    app.federatedIdentities?.length
  ) {
    // A managed identity's token as the assertion (federated identity credential).
    const claims = await deps.issuer
      .verify(form.client_assertion, {
        tenantId: deps.tenantId,
        audience: 'api://AzureADTokenExchange',
      })
      .catch(() => null);
    if (claims && app.federatedIdentities.includes(String(claims.appid))) return app;
  }
  if (form.client_assertion_type === ASSERTION_TYPE && form.client_assertion) {
    const key = app.certificates?.length
      ? deps.apps.certificateFor(app, decodeProtectedHeader(form.client_assertion))
      : undefined;
    if (!key)
      throw new OAuthError(
        401,
        'invalid_client',
        700027,
        'The certificate with identifier used to sign the client assertion is not registered on application.',
      );
    try {
      // msal signs for the token endpoint it called: https:// through the loopback bridge.
      await jwtVerify(form.client_assertion, key, {
        issuer: app.appId,
        subject: app.appId,
        audience: [url, url.replace(/^http:/, 'https:')],
        algorithms: ['RS256', 'PS256'],
        // msal stamps nbf a second after iat; Entra allows five minutes of clock skew.
        clockTolerance: 300,
      });
      return app;
    } catch {
      throw new OAuthError(
        401,
        'invalid_client',
        700027,
        'Client assertion failed signature validation.',
      );
    }
  }
  throw new OAuthError(
    401,
    'invalid_client',
    7000218,
    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  );
}

async function clientCredentials(
  deps: TokenEndpointDeps,
  app: SimulatedApp,
  form: Record<string, string | undefined>,
): Promise<string> {
  const scope = (form.scope ?? '').trim();
  if (!/^\S+\/\.default$/.test(scope))
    throw new OAuthError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  const resource = scope.slice(0, -'/.default'.length);
  if (!deps.resources.includes(resource))
    throw new OAuthError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${deps.tenantId}.`,
    );
  return deps.issuer.issueAppToken({
    tenantId: deps.tenantId,
    appId: app.appId,
    audience: resource,
    roles: resource === 'https://graph.microsoft.com' ? app.graphRoles : [],
  });
}

async function onBehalfOf(
  deps: TokenEndpointDeps,
  app: SimulatedApp,
  form: Record<string, string | undefined>,
): Promise<string> {
  let user;
  try {
    user = await deps.issuer.verify(form.assertion ?? '', { tenantId: deps.tenantId });
  } catch {
    throw new OAuthError(400, 'invalid_grant', 50013, 'Assertion failed signature validation.');
  }
  const aud = String(user.aud);
  if (aud !== app.appId && !aud.endsWith(`/${app.appId}`))
    throw new OAuthError(
      400,
      'invalid_grant',
      500131,
      'Assertion audience does not match the Client app presenting the assertion.',
    );
  const requested = (form.scope ?? '').split(' ').filter((s) => s && !OIDC_SCOPES.has(s));
  const resource = requested[0] ? new URL(requested[0]).origin : '';
  const scopes = requested.map((s) => s.slice(resource.length + 1));
  const missing = scopes.filter((s) => !app.consentedScopes?.includes(s));
  if (!resource || missing.length > 0)
    throw new OAuthError(
      400,
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${app.appId}'. Send an interactive authorization request for this user and resource.`,
      'consent_required',
    );
  return deps.issuer.issueUserToken({
    tenantId: deps.tenantId,
    objectId: String(user.oid),
    name: String(user.name ?? ''),
    preferredUsername: String(user.preferred_username ?? ''),
    audience: resource,
    scopes,
  });
}

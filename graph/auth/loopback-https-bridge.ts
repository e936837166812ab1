import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { isLoopbackHost } from './token-provider.js';

/**
 * Why this exists: msal-node refuses any authority that is not `https:` (msal-common
 * `UrlString.validateAsUri` throws `authority_uri_insecure`), and it also refuses discovery
 * documents whose endpoints are not https (`endpoints_resolution_error`). The simulated tenant
 * runs over plain HTTP on loopback (in-process under /sim in demo mode, or on its own port in
 * tests), so that the demo needs no certificate and no trust-store changes.
 *
 * Rather than replace msal-node with a hand-written client in demo and tests (so that the code
 * production runs would never run here), we keep msal-node everywhere and give it this network
 * module (msal's documented `system.networkClient` extension point). It plays the part of a
 * TLS-terminating proxy on the loopback interface: msal talks `https://127.0.0.1:PORT/...`, the
 * bridge sends the same request to `http://127.0.0.1:PORT/...` and rewrites `http://` back to
 * `https://` for that origin in the response body (the discovery document's endpoints).
 *
 * It refuses every non-loopback host, so it can never downgrade a request to Entra; production
 * configuration with an https authority never installs it (see msal-token-provider.ts).
 */
export class LoopbackHttpsBridge implements INetworkModule {
  constructor(private readonly timeoutMs = 10_000) {}

  sendGetRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options);
  }

  sendPostRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    const target = new URL(url);
    if (target.protocol !== 'https:' || !isLoopbackHost(target.hostname))
      throw new Error(
        `The loopback bridge only serves https://loopback URLs, not ${target.origin}`,
      );
    const secure = target.origin;
    target.protocol = 'http:';
    const response = await fetch(target, {
      method,
      headers: options?.headers,
      body: method === 'POST' ? options?.body : undefined,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = (await response.text()).split(target.origin).join(secure);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    return { headers, body: (text ? JSON.parse(text) : {}) as T, status: response.status };
  }
}

/** `http://127.0.0.1:3978/sim/entra` → `https://127.0.0.1:3978/sim/entra` for msal-node. */
export function secureLoopbackAuthority(authorityHost: string): string {
  const url = new URL(authorityHost);
  if (url.protocol === 'https:') return authorityHost;
  if (!isLoopbackHost(url.hostname))
    throw new Error(
      `The Entra authority host must use https:// (got ${url.origin}); only a simulated tenant on loopback may use http://.`,
    );
  url.protocol = 'https:';
  return url.toString().replace(/\/$/, '');
}

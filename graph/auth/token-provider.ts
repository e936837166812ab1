import type { TokenProvider } from '../../core/ports/token-provider.js';

export type { TokenProvider };

/**
 * The token audience for a Graph base URL: its origin (`https://graph.microsoft.us` for US
 * Government, `https://microsoftgraph.chinacloudapi.cn` for 21Vianet), except for a simulated
 * tenant on loopback, whose tokens name Microsoft Graph as the real ones do.
 */
export function graphResourceOf(graphBaseUrl: string): string {
  const url = new URL(graphBaseUrl);
  return isLoopbackHost(url.hostname) ? 'https://graph.microsoft.com' : url.origin;
}

export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    hostname === '::1' ||
    /^127\.\d+\.\d+\.\d+$/.test(hostname)
  );
}

/**
 * Where the bot may send its Bot Connector token: replies, card updates and proactive posts go
 * to an activity's (or a stored conversation reference's) `serviceUrl`, so that URL must belong
 * to Microsoft's Bot Connector before anything is sent to it. With authentication on, the
 * channel token already binds the inbound serviceUrl; this list also covers stored references
 * and demo mode, and keeps a forged or stale URL from ever receiving our token.
 *
 * Microsoft's hosts (checked December 2026):
 * - Teams public cloud `https://smba.trafficmanager.net/{region}/`, GCC
 *   `https://smba.infra.gcc.teams.microsoft.com/teams`, GCC High
 *   `https://smba.infra.gov.teams.microsoft.us/teams`, DoD
 *   `https://smba.infra.dod.teams.microsoft.us/teams`: "Send proactive messages", Create the
 *   conversation, https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 *   (the same four are the Agents SDK's `TeamsServiceEndpoints`,
 *   https://microsoft.github.io/Agents-for-js/variables/_microsoft_agents-hosting.TeamsServiceEndpoints.html).
 * - The Azure Bot resource's own channels (Test in Web Chat, Direct Line) are served from
 *   `*.botframework.com`, e.g. `https://directline.botframework.com` ("Key concepts in Direct
 *   Line API 3.0", https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-concepts);
 *   the Connector's base URI is whatever serviceUrl the channel sent ("API reference", Base URI,
 *   https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference).
 */
export const MICROSOFT_BOT_CONNECTOR_URLS: readonly string[] = [
  'https://smba.trafficmanager.net/',
  'https://*.botframework.com/',
  'https://smba.infra.gcc.teams.microsoft.com/',
  'https://smba.infra.gov.teams.microsoft.us/',
  'https://smba.infra.dod.teams.microsoft.us/',
];

interface Entry {
  protocol: string;
  /** The exact host, or the parent domain when `wildcard` (`*.example.com` → `example.com`). */
  host: string;
  wildcard: boolean;
  port: string;
  pathPrefix: string;
}

function entry(url: string): Entry {
  const wildcard = /^[a-z]+:\/\/\*\./i.test(url);
  const parsed = new URL(wildcard ? url.replace('*.', 'wildcard.') : url);
  return {
    protocol: parsed.protocol,
    host: wildcard ? parsed.hostname.slice('wildcard.'.length) : parsed.hostname,
    wildcard,
    port: parsed.port,
    pathPrefix: parsed.pathname.endsWith('/') ? parsed.pathname : `${parsed.pathname}/`,
  };
}

/**
 * `isTrusted(serviceUrl)` for Microsoft's hosts plus `extra` (the simulated connector in demo
 * mode, MARAC_TRUSTED_SERVICE_URLS). An entry matches on scheme, host (`*.` allows subdomains
 * only), port, and path prefix; anything that does not parse is untrusted.
 */
export function serviceUrlTrust(extra: readonly string[] = []): (serviceUrl: string) => boolean {
  const entries = [...MICROSOFT_BOT_CONNECTOR_URLS, ...extra].map(entry);
  return (serviceUrl) => {
    let url: URL;
    try {
      url = new URL(serviceUrl);
    } catch {
      return false;
    }
    if (url.username || url.password) return false;
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    return entries.some(
      (e) =>
        e.protocol === url.protocol &&
        e.port === url.port &&
        (e.wildcard ? url.hostname.endsWith(`.${e.host}`) : url.hostname === e.host) &&
        path.startsWith(e.pathPrefix),
    );
  };
}

/** The host alone, for a log line (no path: it carries no personal data, but need not be kept). */
export function serviceUrlHost(serviceUrl: string): string {
  try {
    return new URL(serviceUrl).host;
  } catch {
    return '(not a URL)';
  }
}

/** Thrown before anything is sent to a serviceUrl that is not on the list. */
export class UntrustedServiceUrlError extends Error {
  constructor(readonly host: string) {
    super('The Bot Connector service URL is not on the trusted list.');
    this.name = 'UntrustedServiceUrlError';
  }
}

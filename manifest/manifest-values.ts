/**
 * The environment values the manifest template needs (`${{NAME}}`, the Agents Toolkit's
 * placeholder syntax, so the same env files serve `npm run manifest` and the toolkit). Each is
 * checked here so a mistake is reported against the env-file key, not a schema path.
 */
interface ValueSpec {
  description: string;
  example: string;
  check?: (value: string) => string | null;
  /** Value used when the env file leaves it empty; null means the value is required. */
  fallback: ((values: ReadonlyMap<string, string>) => string | undefined) | null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const guid = (v: string) => (GUID.test(v) ? null : 'must be a GUID');
const httpsUrl = (v: string) =>
  URL.canParse(v) && new URL(v).protocol === 'https:' ? null : 'must be an https:// URL';

export const MANIFEST_VALUES: Record<string, ValueSpec> = {
  TEAMS_APP_ID: {
    description:
      'Teams app id (the manifest id). The Agents Toolkit writes it (teamsApp/create); by hand, generate one GUID per environment and keep it',
    example: '3f0c2a52-7a8e-4c55-9a1b-0f1d2c3b4a59',
    check: guid,
    fallback: null,
  },
  AAD_APP_CLIENT_ID: {
    description: 'Client id of the Entra app registration (tab SSO, bot, Graph): MARAC_APP_ID',
    example: '6a1c7d3e-0b5f-4e2a-9c8d-1e2f3a4b5c6d',
    check: guid,
    fallback: null,
  },
  BOT_ID: {
    description:
      "The Azure Bot's Microsoft App ID; empty means AAD_APP_CLIENT_ID (a SingleTenant bot on the same registration)",
    example: '6a1c7d3e-0b5f-4e2a-9c8d-1e2f3a4b5c6d',
    check: guid,
    fallback: (values) => values.get('AAD_APP_CLIENT_ID'),
  },
  TAB_ENDPOINT: {
    description: 'Public HTTPS base URL of the service, no trailing slash: MARAC_PUBLIC_URL',
    example: 'https://marac.northfield.example',
    check: (v) =>
      httpsUrl(v) ??
      (new URL(v).pathname !== '/' || v.endsWith('/')
        ? 'must be a bare origin such as https://marac.northfield.example (no path, no trailing slash)'
        : null),
    fallback: null,
  },
  TAB_DOMAIN: {
    description: 'Host name of TAB_ENDPOINT; empty means derived from it',
    example: 'marac.northfield.example',
    fallback: (values) => {
      const endpoint = values.get('TAB_ENDPOINT');
      return endpoint && URL.canParse(endpoint) ? new URL(endpoint).host : undefined;
    },
  },
  APP_NAME_SUFFIX: {
    description: 'Text appended to the app name to tell environments apart, e.g. " (test)"',
    example: ' (test)',
    fallback: () => '',
  },
  APP_VERSION: {
    description: 'App version in the manifest (semver); empty means the package.json version',
    example: '1.0.0',
    check: (v) => (/^\d+\.\d+\.\d+$/.test(v) ? null : 'must be a version such as 1.4.0'),
    fallback: () => undefined, // filled from package.json by the builder
  },
  CAMERA_EVIDENCE: {
    description:
      'true when the area uses the calling bot for camera evidence (sets bots[0].supportsCalling; needs a DPIA)',
    example: 'false',
    check: (v) => (v === 'true' || v === 'false' ? null : 'must be true or false'),
    fallback: () => 'false',
  },
  DEVELOPER_NAME: {
    description: 'Organisation publishing the app in your tenant (at most 32 characters)',
    example: 'Northfield Council',
    check: (v) => (v.length <= 32 ? null : `must be at most 32 characters (it has ${v.length})`),
    fallback: null,
  },
  DEVELOPER_WEBSITE_URL: {
    description: "Your organisation's page about this service",
    example: 'https://www.northfield.example/marac',
    check: httpsUrl,
    fallback: null,
  },
  PRIVACY_URL: {
    description: 'Your privacy notice covering this service',
    example: 'https://www.northfield.example/privacy/marac',
    check: httpsUrl,
    fallback: null,
  },
  TERMS_OF_USE_URL: {
    description: 'Terms of use (for MARACs, usually the information-sharing protocol page)',
    example: 'https://www.northfield.example/marac/isp',
    check: httpsUrl,
    fallback: null,
  },
};

/** Resolves every manifest value from the env file and overrides; returns values and problems. */
export function resolveManifestValues(
  given: ReadonlyMap<string, string>,
  packageVersion: string,
): { values: Map<string, string>; problems: string[] } {
  const values = new Map<string, string>();
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(MANIFEST_VALUES)) {
    // The suffix is appended verbatim (" (test)"), so only it keeps its spaces.
    const raw =
      name === 'APP_NAME_SUFFIX' ? (given.get(name) ?? '') : (given.get(name)?.trim() ?? '');
    const value =
      raw !== ''
        ? raw
        : name === 'APP_VERSION'
          ? packageVersion
          : spec.fallback
            ? (spec.fallback(given) ?? '')
            : '';
    if (value === '' && spec.fallback === null) {
      problems.push(`${name} is not set. ${spec.description}, e.g. ${name}=${spec.example}.`);
      continue;
    }
    // A value derived from another (BOT_ID from AAD_APP_CLIENT_ID) is checked at its source.
    const why = raw === '' ? null : spec.check?.(value);
    if (why) problems.push(`${name}=${JSON.stringify(value)} ${why}. ${spec.description}.`);
    values.set(name, value);
  }
  const domain = given.get('TAB_DOMAIN')?.trim();
  const derived = MANIFEST_VALUES.TAB_DOMAIN?.fallback?.(given);
  if (domain && derived && domain.toLowerCase() !== derived.toLowerCase())
    problems.push(
      `TAB_DOMAIN=${domain} does not match TAB_ENDPOINT's host ${derived}: leave TAB_DOMAIN empty or make them agree.`,
    );
  return { values, problems };
}

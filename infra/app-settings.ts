/**
 * Reads the App Service app settings out of infra/azure.bicep without a Bicep compiler (none
 * runs offline here) and checks them against server/settings.ts: every production-required
 * setting set unconditionally, no misspelt or unknown name, secrets only as Key Vault
 * references. azure.bicep keeps its settings in `var <name>Settings = { KEY: value }` blocks
 * merged by one `var appSettings = union(...)` that the appsettings resource takes as its
 * properties, which is what this parser expects.
 */
export interface SettingInfo {
  production: 'required' | 'optional' | 'demo-only';
  secret?: boolean;
}

export interface BicepAppSettings {
  /** Block name → setting name → the Bicep expression assigned. */
  blocks: Map<string, Map<string, string>>;
  /** Block names merged into the web app's app settings. */
  applied: string[];
}

/** The unconditional block: settings production needs must be here. */
export const CORE_BLOCK = 'coreSettings';

/** Names the platform reads, not the service (App Service, Oryx, Application Insights). */
export const PLATFORM_SETTINGS = [
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
];

export function parseAppSettings(bicep: string): BicepAppSettings {
  const blocks = new Map<string, Map<string, string>>();
  for (const match of bicep.matchAll(/^var (\w+Settings) = \{\n([\s\S]*?)\n\}/gm)) {
    const entries = new Map<string, string>();
    for (const line of (match[2] as string).split('\n')) {
      const entry = /^\s+'?([A-Za-z_][A-Za-z0-9_]*)'?\s*:\s*(.+)$/.exec(withoutComment(line));
      if (entry) entries.set(entry[1] as string, (entry[2] as string).trim());
    }
    blocks.set(match[1] as string, entries);
  }
  // One merge on one line (multi-line function calls need a recent Bicep), which the
  // appsettings resource uses as its properties.
  const merge = /^var (\w+) = union\((.*)\)$/m.exec(bicep);
  const resource =
    /^resource \w+ 'Microsoft\.Web\/sites\/config@[^']+' = \{\n([\s\S]*?)\n\}/m.exec(bicep)?.[1] ??
    '';
  const used =
    merge !== null &&
    /name: 'appsettings'/.test(resource) &&
    new RegExp(`properties: ${merge[1]}$`, 'm').test(resource);
  const applied = used
    ? [...(merge[2] as string).matchAll(/\b(\w+Settings)\b/g)].map((m) => m[1] as string)
    : [];
  return { blocks, applied };
}

export function appSettingsProblems(
  bicep: string,
  settings: Readonly<Record<string, SettingInfo>>,
): string[] {
  const { blocks, applied } = parseAppSettings(bicep);
  const problems: string[] = [];
  if (!blocks.has(CORE_BLOCK))
    problems.push(`azure.bicep has no \`var ${CORE_BLOCK} = { ... }\` block.`);
  for (const name of blocks.keys())
    if (!applied.includes(name))
      problems.push(
        `${name} is defined in azure.bicep but not merged into the app settings of the web app.`,
      );
  const where = new Map<string, string[]>();
  for (const [block, entries] of blocks)
    for (const name of entries.keys()) where.set(name, [...(where.get(name) ?? []), block]);

  for (const [name, setting] of Object.entries(settings)) {
    const blocksOf = where.get(name) ?? [];
    if (setting.production === 'required' && !blocksOf.includes(CORE_BLOCK))
      problems.push(
        blocksOf.length === 0
          ? `${name} is required in production (server/settings.ts) but azure.bicep does not set it.`
          : `${name} is required in production but azure.bicep sets it only conditionally (${blocksOf.join(', ')}); move it to ${CORE_BLOCK}.`,
      );
    if (setting.production === 'demo-only' && blocksOf.length > 0)
      problems.push(
        `${name} is demo-only (server/settings.ts) and must not be set in azure.bicep.`,
      );
  }
  const known = Object.keys(settings);
  for (const [name, blocksOf] of where) {
    const setting = settings[name];
    if (!setting && !PLATFORM_SETTINGS.includes(name)) {
      const near = closest(name, [...known, ...PLATFORM_SETTINGS]);
      problems.push(
        `${name} (${blocksOf.join(', ')}) is not a setting server/settings.ts declares${near ? `: did you mean ${near}?` : '.'}`,
      );
    }
    if (setting?.secret)
      for (const block of blocksOf) {
        const value = blocks.get(block)?.get(name) ?? '';
        if (!/keyVaultRef|@Microsoft\.KeyVault\(/.test(value))
          problems.push(
            `${name} is secret, so azure.bicep must set it from Key Vault (a Key Vault reference), not ${value}.`,
          );
      }
  }
  return problems;
}

/** Drops a trailing // comment, but not // inside a '...' string (URLs). */
function withoutComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "'") quoted = !quoted;
    else if (!quoted && line[i] === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

function closest(name: string, candidates: string[]): string | null {
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(name.toUpperCase(), candidate.toUpperCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 4)) ? best.candidate : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] as number;
}

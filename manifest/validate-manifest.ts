import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkColorIcon, checkOutlineIcon } from './icon-checks.js';
import { rscProblems } from './rsc-permissions.js';
import { schemaProblems } from './schema.js';

/**
 * Everything we can check about a filled manifest without a network: Microsoft's JSON schema,
 * RSC names (PLATFORM.md §2), the rules Teams enforces beyond the schema that bite in practice
 * (tab URLs on a valid domain, SSO resource on the tab domain, HTTPS), and the two icons.
 */
export interface TeamsManifest {
  manifestVersion?: string;
  icons?: { color?: string; outline?: string };
  staticTabs?: { contentUrl?: string; websiteUrl?: string }[];
  configurableTabs?: { configurationUrl?: string }[];
  bots?: { botId?: string; supportsCalling?: boolean }[];
  validDomains?: string[];
  webApplicationInfo?: { id?: string; resource?: string };
  authorization?: { permissions?: { resourceSpecific?: { name?: unknown; type?: unknown }[] } };
  [key: string]: unknown;
}

export interface IconFiles {
  color: Uint8Array;
  outline: Uint8Array;
}

export async function readIcons(
  manifest: TeamsManifest,
  dir: string,
): Promise<IconFiles | string[]> {
  const problems: string[] = [];
  const files: Partial<IconFiles> = {};
  for (const kind of ['color', 'outline'] as const) {
    const name = manifest.icons?.[kind];
    if (!name) continue; // the schema reports the missing icon
    if (name.includes('/') || name.includes('\\')) {
      problems.push(
        `/icons/${kind} "${name}" must be a file name beside manifest.json, not a path.`,
      );
      continue;
    }
    try {
      files[kind] = await readFile(path.join(dir, name));
    } catch {
      problems.push(`/icons/${kind} "${name}" does not exist in ${dir}.`);
    }
  }
  return problems.length > 0 || !files.color || !files.outline ? problems : (files as IconFiles);
}

export function validateManifest(manifest: TeamsManifest, icons: IconFiles | null): string[] {
  const problems = [
    ...schemaProblems(manifest),
    ...rscProblems(manifest.authorization?.permissions?.resourceSpecific),
  ];
  problems.push(...urlProblems(manifest));
  if (icons) {
    problems.push(...checkColorIcon(icons.color, manifest.icons?.color ?? 'color icon'));
    problems.push(...checkOutlineIcon(icons.outline, manifest.icons?.outline ?? 'outline icon'));
  }
  return problems;
}

function urlProblems(manifest: TeamsManifest): string[] {
  const problems: string[] = [];
  const domains = manifest.validDomains ?? [];
  const covered = (host: string) =>
    domains.some((d) =>
      d.startsWith('*.') ? host.endsWith(d.slice(1)) : d.toLowerCase() === host.toLowerCase(),
    );
  const urls: [string, string | undefined][] = [
    ...(manifest.staticTabs ?? []).flatMap((t, i): [string, string | undefined][] => [
      [`/staticTabs/${i}/contentUrl`, t.contentUrl],
      [`/staticTabs/${i}/websiteUrl`, t.websiteUrl],
    ]),
    ...(manifest.configurableTabs ?? []).map((t, i): [string, string | undefined] => [
      `/configurableTabs/${i}/configurationUrl`,
      t.configurationUrl,
    ]),
  ];
  for (const [where, url] of urls) {
    if (!url || !URL.canParse(url)) continue; // absent or malformed: the schema says so
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:')
      problems.push(`${where} ${url} must use https:// (Teams loads tabs over HTTPS only).`);
    if (!covered(parsed.host))
      problems.push(`${where} ${url} is on ${parsed.host}, which is not in /validDomains.`);
  }
  const resource = manifest.webApplicationInfo?.resource;
  if (resource) {
    const match = /^api:\/\/([^/]+)\/(.+)$/.exec(resource);
    const tabHost = urls
      .map(([, u]) => (u && URL.canParse(u) ? new URL(u).host : null))
      .find(Boolean);
    if (!match)
      problems.push(
        `/webApplicationInfo/resource ${resource} must be api://<tab domain>/<client id> for tab SSO.`,
      );
    else if (tabHost && match[1]?.toLowerCase() !== tabHost.toLowerCase())
      problems.push(
        `/webApplicationInfo/resource is on ${match[1]}, but the tabs are on ${tabHost}: Teams SSO needs the same domain.`,
      );
    else if (manifest.webApplicationInfo?.id && match[2] !== manifest.webApplicationInfo.id)
      problems.push(
        `/webApplicationInfo/resource ends in ${match[2]}, not the app registration id ${manifest.webApplicationInfo.id}.`,
      );
  }
  return problems;
}

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ajvDraft04, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';

/**
 * Microsoft's Teams app manifest JSON schemas, as bundled in @microsoft/app-manifest, compiled
 * with ajv-draft-04. Offline on purpose: the package's own ManifestUtil.validateManifest fetches
 * the `$schema` URL over the network.
 */
const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
const schemasDir = path.join(packageDir, 'build/json-schemas/teams');

export const schemaPackage = (() => {
  const { name, version } = JSON.parse(
    readFileSync(path.join(packageDir, 'package.json'), 'utf8'),
  ) as { name: string; version: string };
  return `${name} ${version}`;
})();

/** Every released schema version bundled (v1.0 … v1.30), newest last; vDevPreview excluded. */
export function bundledSchemaVersions(): string[] {
  return readdirSync(schemasDir)
    .map((dir) => /^v(1\.\d+)$/.exec(dir)?.[1])
    .filter((v): v is string => Boolean(v))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
}

export function newestSchemaVersion(): string {
  return bundledSchemaVersions().at(-1) as string;
}

// ajv-draft-04 is CommonJS whose module.exports is the class; its typings declare it as `default`.
const Ajv = ajvDraft04.default;
const compiled = new Map<string, ValidateFunction>();

function validatorFor(version: string): ValidateFunction | null {
  const cached = compiled.get(version);
  if (cached) return cached;
  if (!bundledSchemaVersions().includes(version)) return null;
  const schema = JSON.parse(
    readFileSync(path.join(schemasDir, `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8'),
  ) as object;
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    formats: { uri: (value: string) => URL.canParse(value) },
  });
  const validate = ajv.compile(schema);
  compiled.set(version, validate);
  return validate;
}

/** Schema errors as readable lines: JSON pointer, message, and the detail ajv keeps aside. */
export function schemaProblems(manifest: unknown): string[] {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  const validate = typeof version === 'string' ? validatorFor(version) : null;
  if (!validate)
    return [
      `/manifestVersion ${JSON.stringify(version)} is not a schema version bundled in ${schemaPackage} (newest: ${newestSchemaVersion()}).`,
    ];
  return validate(manifest) ? [] : (validate.errors ?? []).map(describe);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '/';
  const p = error.params as Record<string, unknown>;
  let detail = '';
  if (error.keyword === 'additionalProperties') detail = `: "${String(p.additionalProperty)}"`;
  else if (error.keyword === 'enum') detail = `: ${(p.allowedValues as unknown[]).join(', ')}`;
  return `${where} ${error.message ?? error.keyword}${detail} (schema ${error.schemaPath})`;
}

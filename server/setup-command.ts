import { parseArgs } from 'node:util';
import { bootstrapArea, type BootstrapRepos } from '../core/area-setup/bootstrap-area.js';
import { isDomainError } from '../core/errors.js';
import type { EntraDirectory } from '../core/ports/entra-directory.js';
import { type AppCredential, MsalTokenProvider } from '../graph/auth/msal-token-provider.js';
import { GraphClient } from '../graph/graph-client.js';
import { GraphDirectory } from '../graph/graph-directory.js';
import { GraphRequestError } from '../graph/graph-error.js';
import { PgAuditLog } from '../store/audit-log-store.js';
import { PgBootstrapStore } from '../store/bootstrap-store.js';
import type { Db } from '../store/db.js';
import { migrate, MigrationError } from '../store/migrate.js';
import { PgUnitOfWork } from '../store/unit-of-work.js';
import { productionCredential } from './compose-microsoft.js';
import type { Config } from './config.js';

/**
 * `npm run setup -- --area "Northfield MARAC" --coordinator jo@northfield.gov.uk`: the first run
 * in a real tenant (docs/deploy.md section 10). Wiring only: the rules are in
 * core/area-setup/bootstrap-area.ts. What it prints names only what the operator typed.
 */
export const SETUP_USAGE = `Usage: npm run setup -- --area "<area name>" --coordinator <sign-in name>
         [--nation england-and-wales|scotland|northern-ireland] [--time-zone Europe/London]

Creates the MARAC area and its first coordinator, who is looked up in your organisation's
directory (Microsoft Entra ID). Runs once; everything after that is done in the app.`;

export interface SetupArgs {
  area?: string;
  coordinator?: string;
  nation?: string;
  timeZone?: string;
}

/** The command line, or a plain message saying what is wrong with it. */
export function parseSetupArgs(argv: string[]): { args: SetupArgs } | { problem: string } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        area: { type: 'string' },
        coordinator: { type: 'string' },
        nation: { type: 'string' },
        'time-zone': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) return { problem: '' };
    return {
      args: {
        area: values.area,
        coordinator: values.coordinator,
        nation: values.nation,
        timeZone: values['time-zone'],
      },
    };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/** The directory the configured app reads, through the same token and Graph plumbing as the service. */
export async function configuredDirectory(config: Config): Promise<EntraDirectory> {
  const ms = config.microsoft;
  let credential: AppCredential;
  if (config.mode === 'production') credential = await productionCredential(config);
  else if (ms.clientSecret && ms.graphBaseUrl !== `${config.http.publicUrl}/sim/graph/v1.0`)
    // Demo mode against a simulated tenant in another process (as compose-microsoft.ts allows).
    credential = { kind: 'secret', secret: ms.clientSecret };
  else
    throw new SetupRefused(
      'Demo mode creates the fictional Northfield MARAC by itself and has no directory to look anyone up in. ' +
        'npm run setup is for a real Microsoft 365 tenant: configure the service first (MARAC_APP_ID, ' +
        'MARAC_APP_TENANT_ID, a credential, DATABASE_URL; docs/deploy.md).',
    );
  const tokens = new MsalTokenProvider({
    authorityHost: ms.authorityHost,
    tenantId: ms.tenantId as string,
    clientId: ms.appId as string,
    credential,
  });
  return new GraphDirectory({ graph: new GraphClient({ baseUrl: ms.graphBaseUrl, tokens }) });
}

export class SetupRefused extends Error {}

export interface SetupRun {
  argv: string[];
  config: Config;
  db: Db;
  /** Built on demand, after the database checks (tests pass the simulated tenant's). */
  directory: () => Promise<EntraDirectory>;
  now: () => Date;
  print: (line: string) => void;
  printError: (line: string) => void;
}

/** Runs the set-up; resolves with the process exit code (0 done, 1 refused or failed, 2 usage). */
export async function runSetup(run: SetupRun): Promise<number> {
  const parsed = parseSetupArgs(run.argv);
  if ('problem' in parsed) {
    if (parsed.problem) run.printError(parsed.problem);
    run.printError(SETUP_USAGE);
    return parsed.problem ? 2 : 0;
  }
  try {
    const directory = await run.directory();
    const report = await migrate(run.db);
    run.print(
      `Database ready (schema version ${report.current}; ${report.applied.length} migration(s) applied).`,
    );
    const result = await bootstrapArea(
      {
        clock: { now: run.now },
        uow: new PgUnitOfWork<BootstrapRepos>(run.db, (tx) => ({
          bootstrap: new PgBootstrapStore(tx),
          audit: new PgAuditLog(tx),
        })),
        entra: directory,
        tenantId: run.config.microsoft.tenantId as string,
        organiserMailbox: run.config.mailbox,
      },
      {
        areaName: parsed.args.area,
        coordinator: parsed.args.coordinator,
        nation: parsed.args.nation,
        timeZone: parsed.args.timeZone,
      },
    );
    const { area, coordinator, nation, timeZone } = parsed.args;
    run.print(`Created the area "${area?.trim()}" (id ${result.areaId}):`);
    run.print(
      `  bank holidays of ${nation ?? 'england-and-wales'}, time zone ${timeZone ?? 'Europe/London'}, the default policy and confidentiality statement.`,
    );
    run.print(
      `Found ${coordinator?.trim()} in the directory of tenant ${result.tenantId} and made them the first coordinator (person id ${result.coordinatorPersonId}).`,
    );
    run.print('They can now sign in to Virtual MARAC in Teams and set up the rest in the app.');
    return 0;
  } catch (error) {
    if (error instanceof SetupRefused || error instanceof MigrationError || isDomainError(error)) {
      run.printError(`Set-up did not run: ${error.message}`);
      if (error instanceof GraphRequestError && (error.status === 401 || error.status === 403))
        run.printError(
          'Check that the app has the User.Read.All application permission with admin consent (docs/deploy.md section 4.1).',
        );
      return 1;
    }
    throw error;
  }
}

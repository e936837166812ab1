import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type BotHttpAdapter, createBotAdapter } from '../bot/adapter.js';
import { botMessagesRoute } from '../bot/messages-route.js';
import { MaracBot } from '../bot/marac-bot.js';
import type { AttendanceReports } from '../core/ports/attendance-reports.js';
import type { CallRecords } from '../core/ports/call-records.js';
import type { CallingBot } from '../core/ports/calling-bot.js';
import type { FileShare } from '../core/ports/file-share.js';
import type { Mailbox } from '../core/ports/mailbox.js';
import type { Mailer } from '../core/ports/mailer.js';
import type { MeetingScheduler } from '../core/ports/meeting-scheduler.js';
import { type AppCredential, MsalTokenProvider } from '../graph/auth/msal-token-provider.js';
import type { TokenProvider } from '../graph/auth/token-provider.js';
import { GraphAttendanceReports } from '../graph/graph-attendance-reports.js';
import { GraphCallRecords } from '../graph/graph-call-records.js';
import { GraphCallingBot } from '../graph/graph-calling-bot.js';
import { GraphDirectory } from '../graph/graph-directory.js';
import { GraphClient } from '../graph/graph-client.js';
import { GraphFileShare } from '../graph/graph-file-share.js';
import { GraphMailbox } from '../graph/graph-mailbox.js';
import { GraphMailer } from '../graph/graph-mailer.js';
import { GraphMeetingScheduler } from '../graph/graph-meeting-scheduler.js';
import { APPLICATION_PERMISSIONS } from '../graph/permissions.js';
import { sharedMailboxUser, type SimUser } from '../graph/simulator/directory.js';
import { SimulatedEntraIssuer } from '../graph/simulator/entra-issuer.js';
import { SimulatedTenant } from '../graph/simulator/simulated-tenant.js';
import type { Db } from '../store/db.js';
import { PgDirectoryStore } from '../store/directory-store.js';
import { DEMO_PEOPLE } from '../store/seed/demo-directory.js';
import { DEMO_TENANT_USERS, demoSimUser } from '../store/seed/demo-tenant-users.js';
import type { HttpFeature } from './app.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

/** The Microsoft 365 side of the service: Graph adapters behind core ports, and the bot. */
export interface MicrosoftAdapters {
  tokens: TokenProvider;
  graph: GraphClient;
  mailer: Mailer;
  /** The MARAC mailbox's Inbox and Sent Items (replies to chasers). */
  mailbox: Mailbox;
  meetings: MeetingScheduler;
  /** Null when no SharePoint library is configured (exports stay off). */
  files: FileShare | null;
  attendance: AttendanceReports;
  callRecords: CallRecords;
  callingBot: CallingBot;
  /** The simulated tenant in demo mode (tests drive meetings and read the outbox through it). */
  simulator: SimulatedTenant | null;
  /** The tenant's directory: object ids, and finding people to add. */
  directory: GraphDirectory;
}

export interface MicrosoftComposition {
  adapters: MicrosoftAdapters;
  /** The Teams activity handler, for features to register their handlers on. */
  bot: MaracBot;
  /** `/sim` (demo mode) and `/api/messages`; mount before the tab API. */
  features: HttpFeature[];
  stop(): Promise<void>;
  /** The bot's adapter, for proactive posts and card updates (cards). */
  botAdapter: BotHttpAdapter;
}

/**
 * Demo mode: a simulated tenant in-process under /sim (its Entra key shared with the demo
 * sign-in, its directory the seeded people, its state saved in the data directory) and the
 * demo app registered there with a secret made for this run. Production: Entra and Graph.
 * Either way the tokens come from msal-node and every adapter is the production one.
 */
export async function composeMicrosoft(runtime: {
  config: Config;
  log: Logger;
  db: Db;
}): Promise<MicrosoftComposition> {
  const { config, log } = runtime;
  const ms = config.microsoft;
  const features: HttpFeature[] = [];
  let simulator: SimulatedTenant | null = null;
  let credential: AppCredential;
  if (config.mode === 'demo' && !usesInProcessTenant(config)) {
    // Demo mode against a simulated tenant running elsewhere (another process's, on its own
    // port): MARAC_GRAPH_BASE_URL and MARAC_AUTHORITY_HOST point at it, and MARAC_APP_PASSWORD
    // is the secret it registered for the demo app.
    if (!ms.clientSecret)
      throw new Error(
        'Set MARAC_APP_PASSWORD to the external simulated tenant’s secret for the demo app.',
      );
    credential = { kind: 'secret', secret: ms.clientSecret };
  } else if (config.mode === 'demo') {
    const secret = randomBytes(24).toString('base64url');
    simulator = await SimulatedTenant.create({
      tenantId: ms.tenantId as string,
      baseUrl: `${config.http.publicUrl}/sim`,
      dataDir: config.dataDir,
      issuer: await SimulatedEntraIssuer.create({
        authorityHost: ms.authorityHost,
        keyFile: path.join(config.dataDir, 'keys', 'simulated-entra.json'),
      }),
      users: () => directoryUsers(runtime.db, config.mailbox),
      apps: [
        {
          appId: ms.appId as string,
          secrets: [secret],
          graphRoles: [...APPLICATION_PERMISSIONS],
          sitesSelectedRole: 'owner',
          consentedScopes: ['User.Read'],
        },
      ],
      connectorAllowsAnonymous: !config.bot.authEnabled,
      reportDelayMs: 30_000,
    });
    features.push({ path: '/sim', handler: simulator.router() });
    credential = { kind: 'secret', secret };
  } else credential = await productionCredential(config);

  const tokens = new MsalTokenProvider({
    authorityHost: ms.authorityHost,
    tenantId: ms.tenantId as string,
    clientId: ms.appId as string,
    credential,
  });
  const graph = new GraphClient({
    baseUrl: ms.graphBaseUrl,
    tokens,
    onCall: (e) => {
      if (e.status === 0 || e.status >= 400 || e.attempts > 1)
        log.warn(
          {
            component: 'graph',
            call: e.call,
            status: e.status,
            attempts: e.attempts,
            requestId: e.requestId,
            ms: Math.round(e.ms),
          },
          'graph call',
        );
    },
  });
  const { authEnabled, trustedServiceUrls, ...endpoints } = config.bot;
  const adapter = createBotAdapter({
    authEnabled,
    // Demo mode replies to the simulated tenant's Bot Connector (in this process or another).
    trustedServiceUrls:
      config.mode === 'demo'
        ? [...trustedServiceUrls, simulator?.serviceUrl ?? simulatedConnectorUrl(ms.graphBaseUrl)]
        : trustedServiceUrls,
    appId: ms.appId,
    tenantId: ms.tenantId,
    appType: ms.appType,
    endpoints,
    tokens,
    log: log.child({ component: 'bot' }),
  });
  const bot = new MaracBot();
  features.push({
    path: '/api/messages',
    handler: botMessagesRoute({
      adapter,
      bot,
      log: log.child({ component: 'bot' }),
      allowedTenants: config.microsoft.allowedTenants,
      tenantOptional: config.mode === 'demo' && !config.bot.authEnabled,
    }),
  });

  const organizer = config.mailbox;
  // One cache of object ids for the scheduler and the attendance reader.
  const directory = new GraphDirectory({ graph });
  return {
    features,
    bot,
    adapters: {
      tokens,
      graph,
      mailer: new GraphMailer({ graph, mailbox: organizer }),
      mailbox: new GraphMailbox({ graph, mailbox: organizer }),
      meetings: new GraphMeetingScheduler({
        graph,
        organizer,
        teamsAppId: ms.teamsAppId as string,
        graphBaseUrl: ms.graphBaseUrl,
        directory,
      }),
      files: config.sharePointDriveId
        ? new GraphFileShare({ graph, driveId: config.sharePointDriveId })
        : null,
      attendance: new GraphAttendanceReports({ graph, organizer, directory }),
      callRecords: new GraphCallRecords({ graph }),
      callingBot: new GraphCallingBot({ graph, callbackUri: config.callingWebhookUrl }),
      simulator,
      directory,
    },
    stop: async () => {
      await simulator?.close();
    },
    botAdapter: adapter,
  };
}

/** Demo mode runs its own simulated tenant under /sim unless Graph is pointed elsewhere. */
function usesInProcessTenant(config: Config): boolean {
  return config.microsoft.graphBaseUrl === `${config.http.publicUrl}/sim/graph/v1.0`;
}

export async function productionCredential(config: Config): Promise<AppCredential> {
  const ms = config.microsoft;
  if (ms.appType === 'UserAssignedMSI')
    return {
      kind: 'managed-identity',
      managedIdentityClientId: ms.managedIdentityClientId as string,
    };
  if (ms.certificate)
    return {
      kind: 'certificate',
      thumbprint: ms.certificate.thumbprint,
      privateKeyPem: await readFile(ms.certificate.privateKeyPath, 'utf8'),
    };
  return { kind: 'secret', secret: ms.clientSecret as string };
}

/**
 * The simulated directory: every person of every area (deactivating someone in the MARAC does
 * not delete their account), the organiser mailbox, and tenant staff not yet added.
 */
async function directoryUsers(db: Db, mailbox: string): Promise<SimUser[]> {
  const directory = new PgDirectoryStore(db);
  const areas = await db.query<{ id: string }>('SELECT id FROM area');
  const people = (
    await Promise.all(areas.rows.map((a) => directory.listPeopleForAdmin(a.id)))
  ).flat();
  // Tenant staff keep their own directory entry once added (a guest's #EXT# sign-in name).
  // So do the seeded demo guests (their person row holds only their mail).
  const guests = DEMO_PEOPLE.filter((p) => p.guest).map(demoSimUser);
  const tenantStaff = new Set([...DEMO_TENANT_USERS, ...guests].map((u) => u.id));
  return [
    sharedMailboxUser(mailbox),
    ...DEMO_TENANT_USERS,
    ...guests,
    ...people
      .filter((p) => p.entraObjectId && !tenantStaff.has(p.entraObjectId))
      .map((p) => ({
        id: p.entraObjectId as string,
        userPrincipalName: p.email,
        mail: p.email,
        displayName: p.displayName,
      })),
  ];
}

/** An external simulated tenant serves Graph at {base}/graph/v1.0 and its connector at {base}/connector/. */
function simulatedConnectorUrl(graphBaseUrl: string): string {
  return `${graphBaseUrl.replace(/\/graph\/v1\.0$/, '')}/connector/`;
}

import path from 'node:path';
import { Router } from 'express';
import type { SimClock } from './sim-context.js';
import { AppRegistry, type SimulatedApp } from './app-registry.js';
import { ChannelTokenIssuer } from './bot-connector/channel-issuer.js';
import { ConnectorView } from './bot-connector/connector-view.js';
import {
  connectorRoutes,
  type MeetingNotificationRecord,
} from './bot-connector/connector-routes.js';
import { SimDirectory, type SimGroup, type SimUser, type UserSource } from './directory.js';
import { SimulatedEntraIssuer } from './entra-issuer.js';
import { entraDiscoveryRoutes } from './entra-routes.js';
import { FaultInjector } from './faults.js';
import { controlRoutes } from './control-routes.js';
import { graphRouter, type LoggedRequest } from './graph-router.js';
import { MeetingEngine } from './meeting-engine.js';
import { managedIdentityEndpoint, type SimulatedManagedIdentity } from './msi-endpoint.js';
import { faultsPage } from './pages/faults-page.js';
import { outboxPage } from './pages/outbox-page.js';
import { attendanceRoutes } from './routes/attendance-routes.js';
import { calendarRoutes } from './routes/calendar-routes.js';
import { callRoutes } from './routes/call-routes.js';
import { driveRoutes } from './routes/drive-routes.js';
import { conversationId, internetMessageId, mailRoutes } from './routes/mail-routes.js';
import { onlineMeetingRoutes } from './routes/online-meeting-routes.js';
import { groupRoutes } from './routes/group-routes.js';
import { userRoutes } from './routes/user-routes.js';
import { exchangeId, type SimContext } from './sim-context.js';
import type { SimRoute } from './sim-route.js';
import {
  emptyState,
  type InboxMessage,
  type Recipient,
  type SentMessage,
  type SimCall,
  TenantStore,
} from './tenant-state.js';

export interface SimulatedTenantOptions {
  tenantId: string;
  /** Where clients reach this tenant, e.g. `http://127.0.0.1:3978/sim` (Entra is `/entra`). */
  baseUrl: string;
  clock?: SimClock;
  /** The directory: a fixed list (tests) or a source read on demand (the demo's person table). */
  users?: SimUser[] | UserSource;
  /** Directory groups (security or Microsoft 365), members by user or group id. */
  groups?: SimGroup[];
  apps?: SimulatedApp[];
  /** Keys and the state snapshot live here; without it the tenant is in memory only. */
  dataDir?: string;
  /** Reuse an issuer (demo sign-in shares the tenant's Entra key). */
  issuer?: SimulatedEntraIssuer;
  pageSize?: number;
  mailboxConcurrency?: number;
  /** SharePoint document libraries by drive id (default: the demo's `sim-drive-marac`). */
  drives?: string[];
  /** How long after a meeting ends its attendance report and call record appear (default 60 s). */
  reportDelayMs?: number;
  /** Accept Bot Connector calls without a bot token (bot authentication off, demo mode). */
  connectorAllowsAnonymous?: boolean;
  /** User-assigned managed identities served at /msi/token (App Service style), with its header secret. */
  managedIdentities?: { header: string; identities: SimulatedManagedIdentity[] };
}

export const DEMO_DRIVE_ID = 'sim-drive-marac';
export const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com';
/** The resources the token endpoint issues app tokens for. */
export const SIMULATED_RESOURCES = ['https://graph.microsoft.com', BOT_CONNECTOR_SCOPE];

/**
 * A simulated Microsoft 365 tenant: Entra (discovery, keys, token endpoint), Microsoft Graph
 * (the endpoints the adapters use, with real state and request validation), the meetings that
 * run in it, the Bot Connector and Bot Framework channel keys, fault injection, and the demo
 * pages. Mount `router()` under `/sim` in-process (demo mode), or run it on its own port with
 * `startSimulator` (start-simulator.ts).
 */
export class SimulatedTenant {
  readonly faults = new FaultInjector();
  readonly requests: LoggedRequest[] = [];
  readonly meetingNotifications: MeetingNotificationRecord[] = [];
  readonly clock: SimClock;
  readonly engine: MeetingEngine;
  readonly connector: ConnectorView;
  connectorAllowsAnonymous: boolean;
  private readonly ctx: SimContext;

  private constructor(
    readonly options: SimulatedTenantOptions,
    readonly entra: SimulatedEntraIssuer,
    /** Signs channel tokens; its key is published as the Bot Framework channel's OpenID metadata. */
    readonly channel: ChannelTokenIssuer,
    /**
     * Signs Graph calling notifications with a key of its own, published as a separate OpenID
     * configuration (Microsoft's is https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration),
     * so a webhook that checks them against the channel's keys fails here as it would in Teams.
     */
    readonly calling: ChannelTokenIssuer,
    readonly apps: AppRegistry,
    readonly directory: SimDirectory,
    readonly store: TenantStore,
  ) {
    this.clock = options.clock ?? { now: () => new Date() };
    this.connectorAllowsAnonymous = options.connectorAllowsAnonymous ?? false;
    this.ctx = {
      store,
      directory,
      faults: this.faults,
      clock: this.clock,
      tenantId: options.tenantId,
      pageSize: options.pageSize ?? 100,
    };
    this.engine = new MeetingEngine(
      this.ctx,
      (call, body) => this.notifyCall(call, body),
      options.reportDelayMs ?? 60_000,
    );
    this.connector = new ConnectorView(store);
  }

  static async create(options: SimulatedTenantOptions): Promise<SimulatedTenant> {
    const dir = options.dataDir ? path.join(options.dataDir, 'sim') : undefined;
    const [entra, channel, calling, store] = await Promise.all([
      options.issuer ??
        SimulatedEntraIssuer.create({
          authorityHost: `${options.baseUrl}/entra`,
          keyFile: dir && path.join(dir, 'entra-key.json'),
        }),
      ChannelTokenIssuer.create({
        issuer: `${options.baseUrl}/botframework`,
        keyFile: dir && path.join(dir, 'botframework-key.json'),
      }),
      ChannelTokenIssuer.create({
        issuer: `${options.baseUrl}/aps`,
        keyFile: dir && path.join(dir, 'calling-key.json'),
      }),
      TenantStore.open(dir && path.join(dir, 'tenant.json')),
    ]);
    const users = options.users ?? [];
    const directory = new SimDirectory(Array.isArray(users) ? async () => users : users);
    for (const group of options.groups ?? []) directory.addGroup(group);
    return new SimulatedTenant(
      options,
      entra,
      channel,
      calling,
      new AppRegistry(options.apps),
      directory,
      store,
    );
  }

  get tenantId(): string {
    return this.options.tenantId;
  }

  /** Graph's root as clients call it, e.g. `http://127.0.0.1:3978/sim/graph/v1.0`. */
  get graphBaseUrl(): string {
    return `${this.options.baseUrl}/graph/v1.0`;
  }

  get authorityHost(): string {
    return this.entra.authorityHost;
  }

  /** The Bot Connector's service URL (`activity.serviceUrl`), with the trailing slash Teams uses. */
  get serviceUrl(): string {
    return `${this.options.baseUrl}/connector/`;
  }

  /** Mail accepted by sendMail, oldest first (the simulated outbox). */
  get outbox(): SentMessage[] {
    return this.store.state.messages;
  }

  /** Messages delivered to mailboxes' Inboxes, oldest first. */
  get inbox(): InboxMessage[] {
    return this.store.state.inbox;
  }

  /**
   * Someone replies to a mail the tenant sent: the reply lands in the sending mailbox's Inbox
   * in the same conversation, "RE: " subject, the new text above the quoted original (what
   * Outlook does), `uniqueBody` holding only the new text.
   */
  reply(input: { to: string; from: Recipient; text: string; at?: Date }): InboxMessage {
    const sent = this.store.state.messages.find((m) => m.id === input.to);
    if (!sent) throw new Error(`no sent message ${input.to}`);
    if (!sent.conversationId) sent.conversationId = conversationId();
    const at = (input.at ?? this.clock.now()).toISOString();
    const esc = (t: string) =>
      t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\r?\n/g, '<br>');
    const unique = `<div>${esc(input.text)}</div>`;
    const message: InboxMessage = {
      id: exchangeId(),
      mailboxId: sent.mailboxId,
      conversationId: sent.conversationId,
      internetMessageId: internetMessageId(input.from.address.split('@')[1] ?? 'example.com'),
      from: input.from,
      to: [{ address: sent.from }],
      subject: `RE: ${sent.subject}`,
      body: `<html><body>${unique}<hr><div><b>From:</b> ${esc(sent.from)}<br><b>Subject:</b> ${esc(sent.subject)}</div>${sent.body}</body></html>`,
      uniqueBody: unique,
      sentAt: at,
      receivedAt: at,
    };
    this.store.state.inbox.push(message);
    this.store.changed();
    return message;
  }

  router(): Router {
    const ctx = this.ctx;
    const routes = this.graphRoutes();
    const router = Router();
    router.get(
      '/outbox',
      outboxPage(() => this.outbox),
    );
    router.use(
      '/faults',
      faultsPage(this.faults, () => routes.map((r) => r.call)),
    );
    router.use('/api', controlRoutes(this));
    const token = { apps: this.apps, tenantId: this.tenantId, resources: SIMULATED_RESOURCES };
    router.use('/entra', entraDiscoveryRoutes(this.entra, token));
    const msi = this.options.managedIdentities;
    if (msi)
      router.use(
        '/msi',
        managedIdentityEndpoint({
          issuer: this.entra,
          tenantId: this.tenantId,
          // A managed identity's token for Entra's token exchange is its federated credential.
          resources: [...SIMULATED_RESOURCES, 'api://AzureADTokenExchange'],
          ...msi,
        }),
      );
    router.get('/botframework/v1/.well-known/openidconfiguration', (_req, res) => {
      res.json(this.channel.openIdConfiguration());
    });
    router.get('/botframework/v1/keys', (_req, res) => {
      res.json(this.channel.jwks());
    });
    router.get('/aps/v1/.well-known/OpenIdConfiguration', (_req, res) => {
      res.json(this.calling.openIdConfiguration());
    });
    router.get('/aps/v1/keys', (_req, res) => {
      res.json(this.calling.jwks());
    });
    router.use(
      '/connector',
      connectorRoutes(
        {
          ctx,
          engine: this.engine,
          entra: this.entra,
          scope: BOT_CONNECTOR_SCOPE,
          allowAnonymous: () => this.connectorAllowsAnonymous,
        },
        this.meetingNotifications,
      ),
    );
    router.use(
      '/graph/v1.0',
      graphRouter({
        issuer: this.entra,
        tenantId: this.tenantId,
        faults: this.faults,
        clock: this.clock,
        routes,
        mailboxConcurrency: this.options.mailboxConcurrency,
        log: this.requests,
      }),
    );
    return router;
  }

  /** The simulated Graph endpoints, each with the application permissions Microsoft accepts. */
  graphRoutes(): SimRoute[] {
    const ctx = this.ctx;
    return [
      ...userRoutes(ctx),
      ...groupRoutes(ctx),
      ...mailRoutes(ctx),
      ...calendarRoutes(ctx),
      ...onlineMeetingRoutes(ctx),
      ...driveRoutes(
        ctx,
        this.options.drives ?? [DEMO_DRIVE_ID],
        (appId) => this.apps.get(appId)?.sitesSelectedRole ?? 'write',
      ),
      ...attendanceRoutes(ctx, this.engine),
      ...callRoutes(ctx, this.engine),
    ];
  }

  /** Forgets everything the tenant holds (state, faults, logs), keeping keys and apps. */
  reset(): void {
    Object.assign(this.store.state, emptyState());
    this.store.changed();
    this.faults.clear();
    this.requests.length = 0;
    this.meetingNotifications.length = 0;
    this.engine.deliveries.length = 0;
  }

  /** Writes the state snapshot now (shutdown). */
  async close(): Promise<void> {
    await this.store.flush();
  }

  /** Graph posts calling notifications to the bot's callback, signed with the calling key. */
  private async notifyCall(call: SimCall, body: unknown): Promise<number> {
    const token = await this.calling.sign({ audience: call.appId });
    const res = await fetch(call.callbackUri, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    return res.status;
  }
}

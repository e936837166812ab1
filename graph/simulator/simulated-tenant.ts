import path from 'node:path';
import { Router } from 'express';
import type { Clock } from '../../core/ports/clock.js';
import { AppRegistry, type SimulatedApp } from './app-registry.js';
import { SimDirectory, type SimUser, type UserSource } from './directory.js';
import { SimulatedEntraIssuer } from './entra-issuer.js';
import { entraDiscoveryRoutes } from './entra-routes.js';
import { FaultInjector } from './faults.js';
import { graphRouter, type LoggedRequest } from './graph-router.js';
import { calendarRoutes } from './routes/calendar-routes.js';
import { driveRoutes } from './routes/drive-routes.js';
import { mailRoutes } from './routes/mail-routes.js';
import { onlineMeetingRoutes } from './routes/online-meeting-routes.js';
import type { SimContext } from './sim-context.js';
import { emptyState, type SentMessage, TenantStore } from './tenant-state.js';

export interface SimulatedTenantOptions {
  tenantId: string;
  /** Where clients reach this tenant, e.g. `http://127.0.0.1:3978/sim` (Entra is `/entra`). */
  baseUrl: string;
  clock?: Clock;
  /** The directory: a fixed list (tests) or a source read on demand (the demo's person table). */
  users?: SimUser[] | UserSource;
  apps?: SimulatedApp[];
  /** Keys and the state snapshot live here; without it the tenant is in memory only. */
  dataDir?: string;
  /** Reuse an issuer (demo sign-in shares the tenant's Entra key). */
  issuer?: SimulatedEntraIssuer;
  pageSize?: number;
  mailboxConcurrency?: number;
  /** SharePoint document libraries by drive id (default: the demo's `sim-drive-marac`). */
  drives?: string[];
}

export const DEMO_DRIVE_ID = 'sim-drive-marac';

/** The resources the token endpoint issues app tokens for. */
export const SIMULATED_RESOURCES = ['https://graph.microsoft.com', 'https://api.botframework.com'];

/**
 * A simulated Microsoft 365 tenant: Entra (discovery, keys, token endpoint), Microsoft Graph
 * (the endpoints the adapters use, with real state and request validation), fault injection,
 * and the demo pages. Mount `router()` under `/sim` in-process (demo mode), or run it on its
 * own port with `startSimulator` (start-simulator.ts).
 */
export class SimulatedTenant {
  readonly faults = new FaultInjector();
  readonly requests: LoggedRequest[] = [];
  readonly clock: Clock;

  private constructor(
    readonly options: SimulatedTenantOptions,
    readonly entra: SimulatedEntraIssuer,
    readonly apps: AppRegistry,
    readonly directory: SimDirectory,
    readonly store: TenantStore,
  ) {
    this.clock = options.clock ?? { now: () => new Date() };
  }

  static async create(options: SimulatedTenantOptions): Promise<SimulatedTenant> {
    const dir = options.dataDir ? path.join(options.dataDir, 'sim') : undefined;
    const [entra, store] = await Promise.all([
      options.issuer ??
        SimulatedEntraIssuer.create({
          authorityHost: `${options.baseUrl}/entra`,
          keyFile: dir && path.join(dir, 'entra-key.json'),
        }),
      TenantStore.open(dir && path.join(dir, 'tenant.json')),
    ]);
    const users = options.users ?? [];
    const directory = new SimDirectory(Array.isArray(users) ? async () => users : users);
    return new SimulatedTenant(options, entra, new AppRegistry(options.apps), directory, store);
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

  /** Mail accepted by sendMail, oldest first (the simulated outbox). */
  get outbox(): SentMessage[] {
    return this.store.state.messages;
  }

  router(): Router {
    const ctx: SimContext = {
      store: this.store,
      directory: this.directory,
      faults: this.faults,
      clock: this.clock,
      tenantId: this.tenantId,
      pageSize: this.options.pageSize ?? 100,
    };
    const router = Router();
    router.use(
      '/entra',
      entraDiscoveryRoutes(this.entra, {
        apps: this.apps,
        tenantId: this.tenantId,
        resources: SIMULATED_RESOURCES,
      }),
    );
    router.use(
      '/graph/v1.0',
      graphRouter({
        issuer: this.entra,
        tenantId: this.tenantId,
        faults: this.faults,
        clock: this.clock,
        routes: [
          ...mailRoutes(ctx),
          ...calendarRoutes(ctx),
          ...onlineMeetingRoutes(ctx),
          ...driveRoutes(ctx, this.options.drives ?? [DEMO_DRIVE_ID]),
        ],
        mailboxConcurrency: this.options.mailboxConcurrency,
        log: this.requests,
      }),
    );
    return router;
  }

  /** Forgets everything the tenant holds (state, faults, request log), keeping keys and apps. */
  reset(): void {
    Object.assign(this.store.state, emptyState());
    this.store.changed();
    this.faults.clear();
    this.requests.length = 0;
  }

  /** Writes the state snapshot now (shutdown). */
  async close(): Promise<void> {
    await this.store.flush();
  }
}

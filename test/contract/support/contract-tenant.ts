import { MsalTokenProvider } from '../../../graph/auth/msal-token-provider.js';
import {
  type GraphCallEvent,
  GraphClient,
  type GraphClientOptions,
} from '../../../graph/graph-client.js';
import { ALL_GRAPH_CALLS, APPLICATION_PERMISSIONS } from '../../../graph/permissions.js';
import type { SimUser } from '../../../graph/simulator/directory.js';
import { type RunningSimulator, startSimulator } from '../../../graph/simulator/start-simulator.js';
import type { SimulatedTenantOptions } from '../../../graph/simulator/simulated-tenant.js';
import { DEMO_PEOPLE } from '../../../store/seed/demo-directory.js';
import { demoSimUser } from '../../../store/seed/demo-tenant-users.js';
import { demoUuid } from '../../../store/seed/seed-demo.js';

export const TENANT_ID = '00000000-0000-4000-8000-0000000d3e70';
export const APP_ID = '00000000-0000-4000-8000-00000000a11d';
export const APP_SECRET = 'contract-test-secret';
export const MAILBOX = 'marac.coordinator@northfield-council.example';
export const MAILBOX_ID = demoUuid('entra:shared-mailbox');

/** The seeded fictional people, as the demo's simulated directory holds them, plus the mailbox. */
export const USERS: SimUser[] = [
  { id: MAILBOX_ID, userPrincipalName: MAILBOX, mail: MAILBOX, displayName: 'Northfield MARAC' },
  ...DEMO_PEOPLE.map(demoSimUser),
];

export const userId = (key: string) => demoUuid(`entra:${key}`);
export const emailOf = (key: string) => USERS.find((u) => u.id === userId(key))?.mail as string;

export interface ContractTenant extends RunningSimulator {
  graph: GraphClient;
  /** Every Graph call the adapters made through `graph`, in order. */
  calls: GraphCallEvent[];
  /** Another client for the same tenant (e.g. with the mailbox limit off). */
  client(options?: Partial<GraphClientOptions>): GraphClient;
  /** Empties the tenant and the call log between tests (starting a tenant costs a key pair). */
  reset(): void;
}

/**
 * The real adapters' plumbing (msal-node tokens, the Graph client) against a simulated tenant
 * on its own port, with the demo app granted exactly the permissions graph/permissions.ts
 * declares.
 */
export async function startContractTenant(
  options: Partial<Omit<SimulatedTenantOptions, 'baseUrl'>> & {
    client?: Partial<GraphClientOptions>;
  } = {},
): Promise<ContractTenant> {
  const sim = await startSimulator({
    tenantId: TENANT_ID,
    users: USERS,
    apps: [
      {
        appId: APP_ID,
        secrets: [APP_SECRET],
        graphRoles: [...APPLICATION_PERMISSIONS],
        // What the admin guide asks for on the export site (Sites.Selected + owner).
        sitesSelectedRole: 'owner',
      },
    ],
    ...options,
  });
  const tokens = new MsalTokenProvider({
    authorityHost: sim.tenant.authorityHost,
    tenantId: TENANT_ID,
    clientId: APP_ID,
    credential: { kind: 'secret', secret: APP_SECRET },
  });
  const calls: GraphCallEvent[] = [];
  const client = (extra: Partial<GraphClientOptions> = {}) =>
    new GraphClient({
      baseUrl: sim.tenant.graphBaseUrl,
      tokens,
      retryDelaySeconds: 0.05,
      onCall: (event) => calls.push(event),
      ...options.client,
      ...extra,
    });
  return {
    ...sim,
    close: async () => {
      await sim.close();
      // Every call an adapter made must be one permissions.ts declares (and the admin grants).
      const undeclared = calls.map((c) => c.call).filter((c) => !ALL_GRAPH_CALLS.includes(c));
      if (undeclared.length > 0)
        throw new Error(`Undeclared Graph calls: ${[...new Set(undeclared)].join(', ')}`);
    },
    graph: client(),
    calls,
    client,
    reset: () => {
      sim.tenant.reset();
      calls.length = 0;
    },
  };
}

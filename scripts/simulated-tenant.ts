import { parseArgs } from 'node:util';
import { DEMO_PEOPLE } from '../store/seed/demo-directory.js';
import { demoSimUser } from '../store/seed/demo-tenant-users.js';
import { APPLICATION_PERMISSIONS } from '../graph/permissions.js';
import { sharedMailboxUser } from '../graph/simulator/directory.js';
import { startSimulator } from '../graph/simulator/start-simulator.js';

/**
 * Runs the simulated tenant on its own port, with the fictional Northfield directory and the
 * demo app registered with the given secret:
 *
 *   node --import tsx scripts/simulated-tenant.ts --port 4010 --secret s3cret [--data-dir ./data/sim-4010]
 *
 * Point a demo-mode Virtual MARAC at it with MARAC_GRAPH_BASE_URL, MARAC_AUTHORITY_HOST and
 * MARAC_APP_PASSWORD (printed at start). It prints one JSON line with its URLs, for a parent
 * process to read, and stops on SIGINT or SIGTERM, saving its state.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    secret: { type: 'string' },
    'data-dir': { type: 'string' },
    tenant: { type: 'string', default: '00000000-0000-4000-8000-0000000d3e70' },
    'app-id': { type: 'string', default: '00000000-0000-4000-8000-00000000a11d' },
    mailbox: { type: 'string', default: 'marac.coordinator@northfield-council.example' },
    'report-delay-ms': { type: 'string', default: '30000' },
  },
});
if (!values.secret) {
  console.error('--secret is required: the demo app’s client secret in this tenant.');
  process.exit(64);
}

const sim = await startSimulator({
  port: Number(values.port),
  host: values.host,
  tenantId: values.tenant,
  dataDir: values['data-dir'],
  reportDelayMs: Number(values['report-delay-ms']),
  users: [sharedMailboxUser(values.mailbox), ...DEMO_PEOPLE.map(demoSimUser)],
  apps: [
    {
      appId: values['app-id'],
      secrets: [values.secret],
      graphRoles: [...APPLICATION_PERMISSIONS],
      sitesSelectedRole: 'owner',
      consentedScopes: ['User.Read'],
    },
  ],
});
process.stdout.write(
  `${JSON.stringify({
    url: sim.url,
    MARAC_GRAPH_BASE_URL: sim.tenant.graphBaseUrl,
    MARAC_AUTHORITY_HOST: sim.tenant.authorityHost,
    serviceUrl: sim.tenant.serviceUrl,
    outbox: `${sim.url}/sim/outbox`,
  })}\n`,
);
const stop = () => void sim.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

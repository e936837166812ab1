import { afterAll, beforeAll, beforeEach } from 'vitest';
import { GraphMeetingScheduler } from '../../../graph/graph-meeting-scheduler.js';
import type { SimUser } from '../../../graph/simulator/directory.js';
import { FakeClock } from '../../support/fake-clock.js';
import {
  type ContractTenant,
  emailOf,
  MAILBOX,
  MAILBOX_ID,
  startContractTenant,
  USERS,
} from './contract-tenant.js';

/**
 * A contract tenant for comparing with Microsoft's published examples: the seeded people, a
 * B2B guest, and the organiser mailbox added at run time (so a test can recreate it with a new
 * object id). `graphContract()` registers the hooks and hands back the live handles.
 */
export const GUEST: SimUser = {
  // A B2B guest: their UPN in our tenant is not their e-mail address.
  id: '3f1c6a52-7d0e-4b8e-9a41-2c5d8e7f6a10',
  userPrincipalName: 'sam.lee_partner-agency.example#EXT#@northfieldcouncil.onmicrosoft.com',
  mail: 'sam.lee@partner-agency.example',
  displayName: 'Partner agency representative',
  userType: 'Guest',
};
export const MAILBOX_USER = USERS.find((u) => u.id === MAILBOX_ID) as SimUser;
export const RENEWED = '0d7c1f3e-5a2b-4c8d-9e6f-7a8b9c0d1e2f';
export const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** JSON read back from logs and answers, inspected member by member. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export const series = {
  subject: 'Northfield MARAC',
  start: new Date('2026-12-02T09:30:00Z'),
  end: new Date('2026-12-02T13:00:00Z'),
  timeZone: 'Europe/London',
  attendees: [{ email: emailOf('police-rep') }, { email: GUEST.mail }],
  bodyHtml: '<p>MARAC</p>',
  recurrence: {
    pattern: { type: 'weekly' as const, interval: 2, daysOfWeek: ['wednesday'] },
    startDay: '2026-12-02',
    numberOfOccurrences: 6,
  },
};

export interface GraphContract {
  t: ContractTenant;
  clock: FakeClock;
  scheduler: GraphMeetingScheduler;
  logged(call: string): ContractTenant['tenant']['requests'];
  /** A recurring meeting created through the product, with its online meeting found. */
  meeting(): ReturnType<GraphMeetingScheduler['findOnlineMeeting']>;
}

export function graphContract(): GraphContract {
  const users: SimUser[] = [...USERS.filter((u) => u !== MAILBOX_USER), GUEST];
  const clock = new FakeClock('2026-12-02T09:00:00Z');
  const c = { clock } as GraphContract;
  c.logged = (call) => c.t.tenant.requests.filter((r) => r.call === call);
  c.meeting = async () => {
    const { joinUrl } = await c.scheduler.createEvent(series);
    return c.scheduler.findOnlineMeeting(joinUrl);
  };
  beforeAll(async () => {
    c.t = await startContractTenant({ clock, users, reportDelayMs: 0 });
  });
  beforeEach(() => {
    c.t.reset();
    c.t.tenant.directory.remove(RENEWED);
    c.t.tenant.directory.add(MAILBOX_USER);
    c.scheduler = new GraphMeetingScheduler({
      graph: c.t.graph,
      organizer: MAILBOX,
      teamsAppId: '00000000-0000-4000-8000-00000000a99a',
      graphBaseUrl: c.t.tenant.graphBaseUrl,
    });
  });
  afterAll(() => c.t.close());
  return c;
}

import type { SimUser } from '../../graph/simulator/directory.js';
import {
  DEMO_TENANT_DOMAIN,
  type DemoPerson,
  demoEmail,
  demoUserPrincipalName,
} from './demo-directory.js';
import { demoUuid } from './seed-demo.js';

/**
 * Staff of the fictional Northfield tenant who are not (yet) part of the MARAC: the demo's
 * directory search finds them, so a coordinator can add them. One is a B2B guest from the
 * refuge, whose sign-in name is `name_domain#EXT#@tenant` and not their own address.
 * Every name is invented; domains use the reserved `.example` TLD.
 */
const TENANT = DEMO_TENANT_DOMAIN;

function member(key: string, displayName: string, mail: string): SimUser {
  return {
    id: demoUuid(`tenant-user:${key}`),
    userPrincipalName: mail,
    mail,
    displayName,
    userType: 'Member',
  };
}

function guest(key: string, displayName: string, mail: string): SimUser {
  return {
    id: demoUuid(`tenant-user:${key}`),
    userPrincipalName: `${mail.replace('@', '_')}#EXT#@${TENANT}`,
    mail,
    displayName,
    userType: 'Guest',
  };
}

export const DEMO_TENANT_USERS: readonly SimUser[] = [
  member('robin', 'Robin Ashdown', 'robin.ashdown@northfield-council.example'),
  member('priya', 'Priya Natarajan', 'priya.natarajan@northfield-nhs.example'),
  member('tom', 'Tom Fairweather', 'tom.fairweather@northfield-police.example'),
  member('alex', 'Alex Byrne', 'alex.byrne@northfield-idva.example'),
  member('morgan', 'Morgan Reeve', 'morgan.reeve@northfield-council.example'),
  member('dana', 'Dana Whitfield', 'dana.whitfield@northfield-recovery.example'),
  guest('jo', 'Jo Whitlock', 'jo.whitlock@harbour-refuge.example'),
  guest('kit', 'Kit Marlowe', 'kit.marlowe@harbour-refuge.example'),
];

/**
 * A seeded demo person as the simulated tenant holds them: a member whose sign-in name is their
 * address, or a B2B guest (`userType: 'Guest'`, sign-in name `name_domain#EXT#@tenant`, mail at
 * their own organisation).
 */
export function demoSimUser(person: DemoPerson): SimUser {
  return {
    id: demoUuid(`entra:${person.key}`),
    userPrincipalName: demoUserPrincipalName(person),
    mail: demoEmail(person),
    displayName: person.displayName,
    userType: person.guest ? 'Guest' : 'Member',
  };
}

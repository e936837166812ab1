import { canReceiveMaracInformation, type Agency, type Person } from '../model.js';
import type { InviteeKind, InviteeRow } from './meeting-repository.js';

export interface MeetingLeads {
  chairPersonId: string | null;
  deputyChairPersonId: string | null;
  coordinatorPersonId: string | null;
}

/**
 * FR-006, IS-01, FR-107: a MARAC meeting invites the chair, deputy chair and coordinator plus
 * the representatives, deputies and IDVAs of member agencies whose signatory record is
 * complete. Everyone else (a listed but non-signatory agency, observers, steering group) is
 * left out and meets the lobby.
 */
export function meetingInvitees(
  leads: MeetingLeads,
  agencies: readonly Agency[],
  people: readonly Person[],
): InviteeRow[] {
  const eligible = new Set(agencies.filter(canReceiveMaracInformation).map((a) => a.id));
  const rows = new Map<string, InviteeRow>();
  addLeads(rows, leads, people);
  for (const person of people) {
    if (rows.has(person.id) || !person.agencyId || !eligible.has(person.agencyId)) continue;
    const kind = agencyVoiceKind(person);
    if (kind) rows.set(person.id, { personId: person.id, agencyId: person.agencyId, kind });
  }
  return [...rows.values()];
}

/**
 * FR-007, IS-13: a closed session invites only its leads and the people permitted on its
 * cases, and never anyone from an agency without a complete signatory record.
 */
export function closedSessionInvitees(
  leads: MeetingLeads,
  permittedPersonIds: readonly string[],
  agencies: readonly Agency[],
  people: readonly Person[],
): InviteeRow[] {
  const eligible = new Set(agencies.filter(canReceiveMaracInformation).map((a) => a.id));
  const rows = new Map<string, InviteeRow>();
  addLeads(rows, leads, people);
  const byId = new Map(people.map((p) => [p.id, p]));
  for (const id of permittedPersonIds) {
    const person = byId.get(id);
    if (!person || rows.has(id)) continue;
    if (person.agencyId && !eligible.has(person.agencyId)) continue;
    rows.set(id, {
      personId: id,
      agencyId: person.agencyId,
      kind: agencyVoiceKind(person) ?? 'case-specific',
    });
  }
  return [...rows.values()];
}

function addLeads(rows: Map<string, InviteeRow>, leads: MeetingLeads, people: readonly Person[]) {
  const agencyOf = new Map(people.map((p) => [p.id, p.agencyId]));
  const add = (id: string | null, kind: InviteeKind) => {
    if (id && agencyOf.has(id) && !rows.has(id))
      rows.set(id, { personId: id, agencyId: agencyOf.get(id) ?? null, kind });
  };
  add(leads.chairPersonId, 'chair');
  add(leads.deputyChairPersonId, 'deputy-chair');
  add(leads.coordinatorPersonId, 'coordinator');
}

function agencyVoiceKind(person: Person): InviteeKind | null {
  if (person.roles.includes('representative')) return 'representative';
  if (person.roles.includes('deputy')) return 'deputy';
  if (person.roles.includes('idva')) return 'idva';
  return null;
}

/** Presenters in the Teams meeting: chair, deputy chair and coordinator. */
export const PRESENTER_KINDS: readonly InviteeKind[] = ['chair', 'deputy-chair', 'coordinator'];

/** Default leads for a new meeting: the area's first chair and deputy chair. */
export function defaultLeads(people: readonly Person[], coordinatorPersonId: string): MeetingLeads {
  return {
    chairPersonId: people.find((p) => p.roles.includes('chair'))?.id ?? null,
    deputyChairPersonId: people.find((p) => p.roles.includes('deputy-chair'))?.id ?? null,
    coordinatorPersonId,
  };
}

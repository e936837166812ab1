import { createHash } from 'node:crypto';

/**
 * The simulated tenant's users. In demo mode they are read from the product's seeded `person`
 * table (whose Entra object ids are deterministic, store/seed/seed-demo.ts), plus the shared
 * organiser mailbox; tests pass a fixed list. A Graph `{id}` segment may be an object id or a
 * user principal name, as in Microsoft Graph.
 */
export interface SimUser {
  id: string;
  userPrincipalName: string;
  mail: string;
  displayName: string;
  /** `Guest` for a B2B guest, whose UPN is `name_domain#EXT#@tenant` and not their e-mail. */
  userType?: 'Member' | 'Guest';
}

export type UserSource = () => Promise<SimUser[]>;

/** A security or Microsoft 365 group: its direct members are user or group ids. */
export interface SimGroup {
  id: string;
  displayName: string;
  mail: string | null;
  members: string[];
}

export class SimDirectory {
  private cache: { at: number; users: SimUser[] } | undefined;
  private readonly extra = new Map<string, SimUser>();
  private readonly groupsById = new Map<string, SimGroup>();

  constructor(
    private readonly source: UserSource = async () => [],
    private readonly ttlMs = 2_000,
  ) {}

  /** Adds a user at run time (tests, or a mailbox the directory does not hold). */
  add(user: SimUser): void {
    this.extra.set(user.id, user);
  }

  /** Adds (or replaces) a group. */
  addGroup(group: SimGroup): void {
    this.groupsById.set(group.id.toLowerCase(), group);
  }

  groups(): SimGroup[] {
    return [...this.groupsById.values()];
  }

  group(id: string): SimGroup | undefined {
    return this.groupsById.get(id.toLowerCase());
  }

  /**
   * As Graph's `transitiveMembers`: a flat list of every nested member, the nested groups
   * themselves included, each once, in the order met.
   */
  async transitiveMembers(id: string): Promise<(SimUser | SimGroup)[]> {
    const users = new Map((await this.all()).map((u) => [u.id.toLowerCase(), u]));
    const seen = new Set<string>([id.toLowerCase()]);
    const out: (SimUser | SimGroup)[] = [];
    const walk = (groupId: string) => {
      for (const member of this.group(groupId)?.members ?? []) {
        const key = member.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        const nested = this.group(key);
        if (nested) {
          out.push(nested);
          walk(key);
        } else {
          const user = users.get(key);
          if (user) out.push(user);
        }
      }
    };
    walk(id);
    return out;
  }

  /** Removes a user added with `add` (tests: a mailbox deleted and recreated). */
  remove(id: string): void {
    this.extra.delete(id);
  }

  async all(): Promise<SimUser[]> {
    const now = Date.now();
    if (!this.cache || now - this.cache.at > this.ttlMs)
      this.cache = { at: now, users: await this.source() };
    return [...this.cache.users, ...this.extra.values()];
  }

  /** As Graph's directory resolves `/users/{id | userPrincipalName}`: never by e-mail. */
  async byIdOrUpn(idOrUpn: string): Promise<SimUser | undefined> {
    const key = idOrUpn.toLowerCase();
    return (await this.all()).find(
      (u) => u.id.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key,
    );
  }

  /** As Exchange resolves a mailbox: by object id, UPN or SMTP address. */
  async find(idOrUpn: string): Promise<SimUser | undefined> {
    const key = idOrUpn.toLowerCase();
    return (await this.all()).find(
      (u) =>
        u.id.toLowerCase() === key ||
        u.userPrincipalName.toLowerCase() === key ||
        u.mail.toLowerCase() === key,
    );
  }
}

/** The shared organiser mailbox as a directory user, with an object id derived from its address. */
export function sharedMailboxUser(address: string, displayName = 'MARAC mailbox'): SimUser {
  const hex = createHash('sha1').update(`simulated-mailbox:${address.toLowerCase()}`).digest('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return { id, userPrincipalName: address, mail: address, displayName };
}

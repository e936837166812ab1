/** A user of the tenant's directory (Microsoft Entra ID), as far as the product needs one. */
export interface EntraUser {
  /** The Entra object id: what sign-in tokens carry as `oid`, and what sign-in matches on. */
  objectId: string;
  displayName: string | null;
  mail: string | null;
  userPrincipalName: string;
  /** `Guest` for a B2B guest (another organisation's staff invited into this tenant). */
  userType?: 'Member' | 'Guest' | null;
}

/** Looks people up in the tenant's directory (graph/graph-directory.ts). */
export interface EntraDirectory {
  /** The user with this sign-in name (user principal name) or object id; null when none. */
  findUser(userPrincipalNameOrId: string): Promise<EntraUser | null>;
}

/** Finding people to add: members and guests whose name or address starts with the text. */
export interface EntraPeopleSearch extends EntraDirectory {
  searchUsers(text: string, max?: number): Promise<EntraUser[]>;
}

/** A directory group (security or Microsoft 365) to add people from. */
export interface EntraGroup {
  id: string;
  displayName: string;
  mail: string | null;
}

/** Adding people in bulk from a directory group (graph/graph-directory.ts). */
export interface EntraGroupDirectory {
  /** Groups whose name starts with the text. */
  searchGroups(text: string, max?: number): Promise<EntraGroup[]>;
  /** Every user in the group, nested groups included, all pages; null when there is no group. */
  groupMembers(groupId: string): Promise<EntraUser[] | null>;
}

/**
 * A Microsoft Graph (or Teams) permission a capability needs, why, and the calls it makes with
 * it, each as `METHOD /path/{placeholder}`. Capability modules export a list of these;
 * permissions.ts aggregates them for the admin guide and its coverage test, and the
 * simulated tenant grants exactly these to the demo app, so a missing one fails a test.
 */
export interface GraphPermissionNeed {
  permission: string;
  type: 'Application' | 'Delegated';
  why: string;
  calls: readonly string[];
  /** Extra set-up beyond admin consent (application access policy, Exchange RBAC scope). */
  alsoRequires?: string;
  /** Needed only when an area switches the feature on. */
  optionalFeature?: string;
}

/** The calls a list of needs allows, as a union type (`MailCall`, `MeetingCall`, ...). */
export type CallsOf<N extends readonly GraphPermissionNeed[]> = N[number]['calls'][number];

import type { ConnectorActivity, TenantStore } from '../tenant-state.js';

/**
 * What the bot has done in conversations, as tests and the demo meeting room read it: the
 * raw log of sends, replies, updates and deletes, and each conversation's current activities
 * (the latest version of each, deleted ones gone), in the order they were first posted.
 */
export class ConnectorView {
  constructor(private readonly store: TenantStore) {}

  log(conversationId?: string): ConnectorActivity[] {
    return this.store.state.connector.filter(
      (a) => !conversationId || a.conversationId === conversationId,
    );
  }

  current(conversationId: string): Record<string, unknown>[] {
    const latest = new Map<string, Record<string, unknown> | null>();
    for (const entry of this.log(conversationId)) {
      if (entry.op === 'delete') latest.set(entry.activityId, null);
      else if (entry.op === 'update') {
        if (latest.has(entry.activityId)) latest.set(entry.activityId, entry.activity);
      } else latest.set(entry.activityId, entry.activity);
    }
    return [...latest.values()].filter((a): a is Record<string, unknown> => a !== null);
  }

  /** Every conversation the bot has posted to. */
  conversations(): string[] {
    return [...new Set(this.store.state.connector.map((a) => a.conversationId))];
  }
}

import type { Queryable } from './db.js';
import { PgAgendaStore } from './agenda-store.js';
import { PgAreaSetupStore } from './area-setup-store.js';
import { PgAuditLog } from './audit-log-store.js';
import { PgCirculationStore } from './circulation-store.js';
import { PgDirectoryStore } from './directory-store.js';
import { PgMeetingStore } from './meeting-store.js';
import { PgOutboxStore } from './outbox-store.js';
import { PgRetentionStore } from './retention-store.js';

/** The pre-meeting repositories bound to the database or to one transaction. */
export function preMeetingRepos(q: Queryable) {
  return {
    meetings: new PgMeetingStore(q),
    directory: new PgDirectoryStore(q),
    outbox: new PgOutboxStore(q),
    audit: new PgAuditLog(q),
    agenda: new PgAgendaStore(q),
    circulation: new PgCirculationStore(q),
    setup: new PgAreaSetupStore(q),
    retention: new PgRetentionStore(q),
  };
}

export type PreMeetingRepos = ReturnType<typeof preMeetingRepos>;

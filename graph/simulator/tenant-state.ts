import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Everything the simulated tenant remembers, as plain JSON. In demo mode it is saved to
 * `<dataDir>/sim/tenant.json` shortly after each change (and on shutdown) and loaded at start,
 * so the Graph event ids, online meeting ids and chat thread ids the product database stores
 * still resolve after a restart. Tests keep it in memory.
 *
 * Why a JSON snapshot and not `sim_` tables: the simulator stands for Microsoft's side, which
 * the product database must not share a transaction with (a rolled-back use case must not
 * un-send a mail), and a standalone simulator on its own port has no database at all.
 */
export interface Recipient {
  address: string;
  name?: string;
}

export interface SentMessage {
  id: string;
  /** Object id of the sending mailbox. */
  mailboxId: string;
  from: string;
  kind: 'mail' | 'meeting-request' | 'meeting-update' | 'meeting-cancellation';
  to: Recipient[];
  cc: Recipient[];
  subject: string;
  bodyContentType: 'html' | 'text';
  body: string;
  internetMessageHeaders: { name: string; value: string }[];
  singleValueExtendedProperties: { id: string; value: string }[];
  sentAt: string;
  savedToSentItems: boolean;
  /** Exchange's conversation id: a reply in the same thread carries the same one. */
  conversationId?: string;
  internetMessageId?: string;
}

/**
 * A message delivered to a mailbox's Inbox (a reply to a mail it sent, in the demo and tests).
 * `body` is the whole HTML body with the quoted thread; `uniqueBody` only what this message
 * added, as Exchange computes it.
 */
export interface InboxMessage {
  id: string;
  mailboxId: string;
  conversationId: string;
  internetMessageId: string;
  from: Recipient;
  to: Recipient[];
  subject: string;
  body: string;
  uniqueBody: string;
  sentAt: string;
  receivedAt: string;
}

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export interface SimEvent {
  id: string;
  organizerId: string;
  organizerAddress: string;
  subject: string;
  body: { contentType: string; content: string };
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  attendees: { emailAddress: Recipient; type: string }[];
  recurrence: Record<string, unknown> | null;
  onlineMeetingId: string | null;
  transactionId: string | null;
  isCancelled: boolean;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

export interface SimOnlineMeeting {
  id: string;
  organizerId: string;
  joinWebUrl: string;
  threadId: string;
  subject: string;
  startDateTime: string;
  endDateTime: string;
  /** Meeting options as last PATCHed (lobbyBypassSettings, allowedPresenters, ...). */
  options: Record<string, unknown>;
}

export interface SimChat {
  id: string;
  onlineMeetingId: string | null;
  installedApps: { id: string; teamsAppId: string; consentedPermissions: unknown[] }[];
}

export interface SimPermission {
  id: string;
  roles: string[];
  link: { type: string; scope: string; webUrl: string; preventsDownload: boolean };
  grantedTo: string[];
  expirationDateTime: string | null;
  createdDateTime: string;
}

export interface SimDriveItem {
  id: string;
  driveId: string;
  parentId: string;
  name: string;
  size: number;
  contentType: string;
  contentBase64: string;
  createdDateTime: string;
  permissions: SimPermission[];
}

export interface SessionParticipant {
  /** Entra object id; null for anonymous and phone participants. */
  userId: string | null;
  displayName: string;
  email: string | null;
  tenantId: string | null;
  role: 'Organizer' | 'Presenter' | 'Attendee';
  intervals: { join: string; leave: string | null }[];
  /** When main video was sent (camera on). */
  video: { start: string; end: string | null }[];
}

/** One run of a meeting (a call): participants come and go, then it ends. */
export interface SimMeetingSession {
  id: string;
  onlineMeetingId: string;
  startedAt: string;
  endedAt: string | null;
  participants: SessionParticipant[];
}

export interface SimCall {
  id: string;
  appId: string;
  onlineMeetingId: string | null;
  threadId: string;
  callbackUri: string;
  tenantId: string;
  state: 'establishing' | 'established' | 'terminated';
  createdDateTime: string;
}

export interface ConnectorActivity {
  op: 'send' | 'reply' | 'update' | 'delete';
  conversationId: string;
  activityId: string;
  replyToId: string | null;
  at: string;
  activity: Record<string, unknown>;
}

export interface TenantState {
  version: 1;
  events: Record<string, SimEvent>;
  onlineMeetings: Record<string, SimOnlineMeeting>;
  chats: Record<string, SimChat>;
  messages: SentMessage[];
  inbox: InboxMessage[];
  driveItems: Record<string, SimDriveItem>;
  sessions: Record<string, SimMeetingSession>;
  calls: Record<string, SimCall>;
  connector: ConnectorActivity[];
}

export const emptyState = (): TenantState => ({
  version: 1,
  events: {},
  onlineMeetings: {},
  chats: {},
  messages: [],
  inbox: [],
  driveItems: {},
  sessions: {},
  calls: {},
  connector: [],
});

/** The state and, when a file is given, its snapshot on disk (debounced, atomic writes). */
export class TenantStore {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly state: TenantState,
    private readonly file: string | undefined,
  ) {}

  static async open(file?: string): Promise<TenantStore> {
    const text = file ? await readFile(file, 'utf8').catch(() => null) : null;
    const state = text ? { ...emptyState(), ...(JSON.parse(text) as TenantState) } : emptyState();
    return new TenantStore(state, file);
  }

  /** Call after every change; the snapshot follows within a quarter of a second. */
  changed(): void {
    if (!this.file || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, 250);
    this.timer.unref();
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.save();
    }
    await this.writing;
  }

  private save(): Promise<void> {
    const file = this.file as string;
    const json = JSON.stringify(this.state);
    this.writing = this.writing.then(async () => {
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, json, { mode: 0o600 });
      await rename(temp, file);
    });
    return this.writing;
  }
}

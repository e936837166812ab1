import type * as Graph from '@microsoft/microsoft-graph-types';
import { DomainError } from '../core/errors.js';
import type {
  CreatedMeetingEvent,
  EventOccurrence,
  MeetingEventInput,
  MeetingOptions,
  MeetingScheduler,
  OnlineMeetingRef,
} from '../core/ports/meeting-scheduler.js';
import type { GraphClient } from './graph-client.js';
import { GraphDirectory } from './graph-directory.js';
import { GraphRequestError } from './graph-error.js';
import { fromUtc, threadOfJoinUrl, toGraphRecurrence, wallClock } from './graph-meeting-shapes.js';
import type { CallsOf, GraphPermissionNeed } from './graph-permission.js';

export const MEETING_NEEDS = [
  {
    permission: 'Calendars.ReadWrite',
    type: 'Application',
    why: 'Each MARAC meeting is a calendar event with a Teams meeting in the organiser mailbox, so invitees get invitations; it is rescheduled and cancelled there.',
    calls: [
      'POST /users/{id}/events',
      'GET /users/{id}/events/{eventId}',
      'PATCH /users/{id}/events/{eventId}',
      'POST /users/{id}/events/{eventId}/cancel',
      'GET /users/{id}/events/{eventId}/instances',
    ],
    alsoRequires:
      'Scope it to the organiser mailbox with Exchange RBAC for Applications ("Application Calendars.ReadWrite").',
  },
  {
    permission: 'OnlineMeetings.ReadWrite.All',
    type: 'Application',
    why: 'Find the Teams meeting behind each event and apply safe options: only invited people bypass the lobby, named presenters, recording and transcription off, entry and exit announced.',
    calls: ['GET /users/{id}/onlineMeetings', 'PATCH /users/{id}/onlineMeetings/{meetingId}'],
    alsoRequires:
      'A Teams application access policy granted to the organiser (New-CsApplicationAccessPolicy, Grant-CsApplicationAccessPolicy).',
  },
  {
    permission: 'TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All',
    type: 'Application',
    why: 'Install Virtual MARAC, with its meeting permissions, into each meeting chat so the bot can post case cards and receive meeting events.',
    calls: ['POST /chats/{chatId}/installedApps'],
  },
] as const satisfies readonly GraphPermissionNeed[];
type MeetingCall = CallsOf<typeof MEETING_NEEDS>;

/**
 * Resource-specific permissions consented when the app is installed into a meeting chat
 * (PLATFORM.md §2). They must match the manifest's `authorization.permissions.resourceSpecific`.
 */
export const MEETING_APP_RSC = [
  { permissionValue: 'OnlineMeeting.ReadBasic.Chat', permissionType: 'Application' },
  { permissionValue: 'OnlineMeetingParticipant.Read.Chat', permissionType: 'Application' },
  { permissionValue: 'OnlineMeetingNotification.Send.Chat', permissionType: 'Application' },
] as const;

export interface GraphMeetingSchedulerDeps {
  graph: GraphClient;
  /** The organiser mailbox (config.mailbox). */
  organizer: string;
  /** Teams app catalog id (config.microsoft.teamsAppId). */
  teamsAppId: string;
  /** Graph base URL, for the `teamsApp@odata.bind` reference. */
  graphBaseUrl: string;
  /** Resolves the organiser's and participants' object ids (shared with attendance reports). */
  directory?: GraphDirectory;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** MeetingScheduler over Graph calendar events and online meetings (PLATFORM.md §1). */
export class GraphMeetingScheduler implements MeetingScheduler {
  private readonly directory: GraphDirectory;

  constructor(private readonly deps: GraphMeetingSchedulerDeps) {
    this.directory = deps.directory ?? new GraphDirectory({ graph: deps.graph });
  }

  async createEvent(input: MeetingEventInput): Promise<CreatedMeetingEvent> {
    const event: Graph.Event = {
      subject: input.subject,
      body: { contentType: 'html', content: input.bodyHtml },
      start: wallClock(input.start, input.timeZone),
      end: wallClock(input.end, input.timeZone),
      attendees: input.attendees.map((a) => ({
        emailAddress: { address: a.email, ...(a.name ? { name: a.name } : {}) },
        type: 'required',
      })),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: false,
      ...(input.recurrence
        ? { recurrence: toGraphRecurrence(input.recurrence, input.timeZone) }
        : {}),
      ...(input.transactionId ? { transactionId: input.transactionId } : {}),
    };
    const { body } = await this.deps.graph.send<Graph.Event>({
      call: 'POST /users/{id}/events' satisfies MeetingCall,
      params: { id: this.deps.organizer },
      body: event,
      // Outlook keeps one event per transactionId, so a retry after a 5xx cannot make two.
      retryOn: input.transactionId ? 'all' : 'throttling',
    });
    const eventId = body.id as string;
    // Teams may provision the meeting just after the event is created: read it back once.
    const joinUrl = body.onlineMeeting?.joinUrl ?? (await this.readJoinUrl(eventId));
    if (!joinUrl)
      throw new DomainError(
        'MEETING_NOT_READY',
        'Teams has not created the online meeting for this event yet.',
      );
    return { eventId, joinUrl };
  }

  async listOccurrences(seriesEventId: string, from: Date, to: Date): Promise<EventOccurrence[]> {
    const instances = await this.deps.graph.all<Graph.Event>({
      call: 'GET /users/{id}/events/{eventId}/instances' satisfies MeetingCall,
      params: { id: this.deps.organizer, eventId: seriesEventId },
      query: {
        startDateTime: from.toISOString(),
        endDateTime: to.toISOString(),
        $select: 'id,start,end,onlineMeeting',
      },
      headers: { Prefer: 'outlook.timezone="UTC"' },
    });
    return instances.map((o) => ({
      eventId: o.id as string,
      start: fromUtc(o.start),
      end: fromUtc(o.end),
      joinUrl: o.onlineMeeting?.joinUrl ?? null,
    }));
  }

  async findOnlineMeeting(joinUrl: string): Promise<OnlineMeetingRef> {
    // `/users/{userId}/onlineMeetings` takes the organiser's object id; a UPN is a 404.
    const { body } = await this.directory.withObjectId(this.deps.organizer, (id) =>
      this.deps.graph.send<{ value: Graph.OnlineMeeting[] }>({
        call: 'GET /users/{id}/onlineMeetings' satisfies MeetingCall,
        params: { id },
        query: { $filter: `JoinWebUrl eq '${joinUrl.replace(/'/g, "''")}'` },
      }),
    );
    const meeting = body.value[0];
    // Microsoft's own joinWebUrl sample answers without chatInfo; the join URL names the thread.
    const chatThreadId =
      meeting?.chatInfo?.threadId ?? threadOfJoinUrl(meeting?.joinWebUrl ?? joinUrl);
    if (!meeting?.id || !chatThreadId)
      throw new DomainError(
        'MEETING_NOT_READY',
        'Teams has no online meeting with that join URL yet.',
      );
    return {
      onlineMeetingId: meeting.id,
      joinWebUrl: meeting.joinWebUrl ?? joinUrl,
      chatThreadId,
    };
  }

  async applyOptions(onlineMeetingId: string, options: MeetingOptions): Promise<void> {
    const patch: Graph.OnlineMeeting = {
      // FR-006, IS-22: only invited people skip the lobby; only named people present.
      lobbyBypassSettings: { scope: 'invited', isDialInBypassEnabled: false },
      allowedPresenters: 'roleIsPresenter',
      participants: {
        attendees: [
          ...(await this.participants(options.presenters, 'presenter')),
          ...(await this.participants(options.attendees, 'attendee')),
        ],
      },
      // FR-008: no recording or transcript of a MARAC.
      allowRecording: options.allowRecording,
      allowTranscription: options.allowTranscription,
      isEntryExitAnnounced: options.isEntryExitAnnounced,
      // The case cards live in the meeting chat.
      allowMeetingChat: 'enabled',
    };
    await this.directory.withObjectId(this.deps.organizer, (id) =>
      this.deps.graph.send({
        call: 'PATCH /users/{id}/onlineMeetings/{meetingId}' satisfies MeetingCall,
        params: { id, meetingId: onlineMeetingId },
        body: patch,
        // `invited` is an evolvable enum member: Graph refuses it without this header.
        headers: { Prefer: 'include-unknown-enum-members' },
      }),
    );
  }

  /**
   * meetingParticipantInfo for each person: their object id in this tenant (`identity.user.id`)
   * with their real UPN. An e-mail address is not a UPN for a B2B guest (theirs is
   * `name_domain#EXT#@tenant`), so addresses are looked up by `mail`. Someone not in the
   * directory cannot be named: they wait in the lobby to be admitted, as any uninvited person.
   */
  private async participants(
    people: string[],
    role: 'presenter' | 'attendee',
  ): Promise<Graph.MeetingParticipantInfo[]> {
    const found = await Promise.all(
      people.map(async (who): Promise<Graph.MeetingParticipantInfo | null> => {
        if (GUID.test(who)) return { identity: { user: { id: who } }, role };
        const user = await this.directory.findByMail(who);
        if (!user) return null;
        return {
          identity: { user: { id: user.id } },
          ...(user.userPrincipalName ? { upn: user.userPrincipalName } : {}),
          role,
        };
      }),
    );
    return found.filter((p): p is Graph.MeetingParticipantInfo => p !== null);
  }

  async installApp(chatThreadId: string): Promise<void> {
    try {
      await this.deps.graph.send({
        call: 'POST /chats/{chatId}/installedApps' satisfies MeetingCall,
        params: { chatId: chatThreadId },
        body: {
          'teamsApp@odata.bind': `${this.deps.graphBaseUrl}/appCatalogs/teamsApps/${this.deps.teamsAppId}`,
          consentedPermissionSet: { resourceSpecificPermissions: MEETING_APP_RSC },
        },
      });
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 409) return; // already installed
      throw error;
    }
  }

  async updateEvent(
    eventId: string,
    changes: Partial<
      Pick<MeetingEventInput, 'start' | 'end' | 'timeZone' | 'attendees' | 'subject' | 'bodyHtml'>
    >,
  ): Promise<void> {
    if ((changes.start || changes.end) && !changes.timeZone)
      throw new Error('updateEvent needs timeZone with a new start or end');
    const tz = changes.timeZone as string;
    const patch: Graph.Event = {
      ...(changes.subject !== undefined ? { subject: changes.subject } : {}),
      ...(changes.bodyHtml !== undefined
        ? { body: { contentType: 'html', content: changes.bodyHtml } }
        : {}),
      ...(changes.start ? { start: wallClock(changes.start, tz) } : {}),
      ...(changes.end ? { end: wallClock(changes.end, tz) } : {}),
      ...(changes.attendees
        ? {
            attendees: changes.attendees.map((a) => ({
              emailAddress: { address: a.email, name: a.name },
              type: 'required' as const,
            })),
          }
        : {}),
    };
    await this.deps.graph.send({
      call: 'PATCH /users/{id}/events/{eventId}' satisfies MeetingCall,
      params: { id: this.deps.organizer, eventId },
      body: patch,
    });
  }

  async cancelEvent(eventId: string, comment: string): Promise<void> {
    await this.deps.graph.send({
      call: 'POST /users/{id}/events/{eventId}/cancel' satisfies MeetingCall,
      params: { id: this.deps.organizer, eventId },
      body: { Comment: comment },
      // Cancelling a cancelled event changes nothing: safe to repeat.
      retryOn: 'all',
    });
  }

  private async readJoinUrl(eventId: string): Promise<string | undefined> {
    const { body } = await this.deps.graph.send<Graph.Event>({
      call: 'GET /users/{id}/events/{eventId}' satisfies MeetingCall,
      params: { id: this.deps.organizer, eventId },
      query: { $select: 'id,onlineMeeting' },
    });
    return body.onlineMeeting?.joinUrl ?? undefined;
  }
}

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { toGraphOnlineMeeting } from '../online-meetings.js';
import { parseBody, type SimContext, organizerOr404 } from '../sim-context.js';
import {
  badRequest,
  notFound,
  type SimRequest,
  type SimRoute,
  SimGraphError,
} from '../sim-route.js';
import type { SimOnlineMeeting } from '../tenant-state.js';

/**
 * Online meetings of an organiser (found by JoinWebUrl, options PATCHed) and the meeting chat's
 * installed apps (PLATFORM.md §1). Evolvable enum members (`invited`,
 * `organizationExcludingGuests`) are refused without `Prefer: include-unknown-enum-members`, and
 * installing an app that needs resource-specific consent needs a ...AndConsent... permission.
 */
const EVOLVABLE_SCOPES = ['invited', 'organizationExcludingGuests'];
const optionsPatch = z
  .object({
    subject: z.string(),
    startDateTime: z.iso.datetime({ offset: true }),
    endDateTime: z.iso.datetime({ offset: true }),
    lobbyBypassSettings: z
      .object({
        scope: z.enum([
          'organizer',
          'organization',
          'organizationAndFederated',
          'everyone',
          ...EVOLVABLE_SCOPES,
        ] as [string, ...string[]]),
        isDialInBypassEnabled: z.boolean().optional(),
      })
      // Microsoft's own update sample sends `isDialInBypassEnabled` alone; `scope` is optional.
      .partial(),
    allowedPresenters: z.enum(['everyone', 'organization', 'roleIsPresenter', 'organizer']),
    allowMeetingChat: z.enum(['enabled', 'disabled', 'limited']),
    allowRecording: z.boolean(),
    allowTranscription: z.boolean(),
    recordAutomatically: z.boolean(),
    isEntryExitAnnounced: z.boolean(),
    allowAttendeeToEnableCamera: z.boolean(),
    allowAttendeeToEnableMic: z.boolean(),
    allowTeamworkReactions: z.boolean(),
    participants: z.object({
      attendees: z.array(
        z.object({
          identity: z.object({ user: z.object({ id: z.string() }).loose() }).optional(),
          upn: z.string().optional(),
          role: z.enum(['attendee', 'presenter', 'producer', 'coorganizer']),
        }),
      ),
    }),
  })
  .partial()
  .strict();

const JOIN_URL_FILTER = /^joinWebUrl eq '((?:[^']|'')+)'$/i;
const INSTALL_PERMISSIONS = [
  'TeamsAppInstallation.ReadWriteSelfForChat.All',
  'TeamsAppInstallation.ReadWriteForChat.All',
  'TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All',
  'TeamsAppInstallation.ReadWriteAndConsentForChat.All',
];
const installBody = z.object({
  'teamsApp@odata.bind': z.string().regex(/\/appCatalogs\/teamsApps\/[^/]+$/),
  consentedPermissionSet: z
    .object({
      resourceSpecificPermissions: z.array(
        z.object({
          permissionValue: z.string().min(1),
          permissionType: z.enum(['application', 'delegated', 'Application', 'Delegated']),
        }),
      ),
    })
    .optional(),
});

export function onlineMeetingRoutes(ctx: SimContext): SimRoute[] {
  const read = ['OnlineMeetings.Read.All', 'OnlineMeetings.ReadWrite.All'];
  return [
    {
      call: 'GET /users/{id}/onlineMeetings',
      permissions: read,
      handle: async (req) => {
        const organizer = await organizerOr404(ctx, req.params.id as string);
        const filter = JOIN_URL_FILTER.exec((req.query.get('$filter') ?? '').trim());
        if (!filter)
          throw badRequest(
            "Filter is required: $filter=JoinWebUrl eq '{joinWebUrl}'.",
            'InvalidRequest',
          );
        const url = (filter[1] as string).replace(/''/g, "'");
        const value = Object.values(ctx.store.state.onlineMeetings)
          .filter((m) => m.organizerId === organizer.id && sameJoinUrl(m.joinWebUrl, url))
          .map(toGraphOnlineMeeting);
        return { status: 200, body: { value } };
      },
    },
    {
      call: 'GET /users/{id}/onlineMeetings/{meetingId}',
      permissions: read,
      handle: async (req) => ({
        status: 200,
        body: toGraphOnlineMeeting(await ownMeeting(ctx, req)),
      }),
    },
    {
      call: 'PATCH /users/{id}/onlineMeetings/{meetingId}',
      permissions: ['OnlineMeetings.ReadWrite.All'],
      handle: async (req) => {
        const meeting = await ownMeeting(ctx, req);
        const patch = parseBody(optionsPatch, req.body);
        const scope = patch.lobbyBypassSettings?.scope;
        if (
          scope &&
          EVOLVABLE_SCOPES.includes(scope) &&
          !/include-unknown-enum-members/i.test(String(req.headers.prefer ?? ''))
        )
          throw badRequest(
            `Requested value '${scope}' was not found for lobbyBypassSettings.scope (send Prefer: include-unknown-enum-members for evolvable enum members).`,
          );
        for (const person of patch.participants?.attendees ?? [])
          await knownParticipant(ctx, person);
        const attendees =
          patch.participants?.attendees ??
          (meeting.options.participants as { attendees: { role: string }[] }).attendees;
        if (
          (patch.allowedPresenters ?? meeting.options.allowedPresenters) === 'roleIsPresenter' &&
          !attendees.some((a) => a.role === 'presenter')
        )
          throw badRequest(
            'allowedPresenters roleIsPresenter needs participants.attendees with at least one presenter.',
          );
        const { subject, startDateTime, endDateTime, ...options } = patch;
        Object.assign(meeting, {
          ...(subject ? { subject } : {}),
          ...(startDateTime ? { startDateTime } : {}),
          ...(endDateTime ? { endDateTime } : {}),
        });
        // lobbyBypassSettings is merged: Microsoft's sample PATCHes isDialInBypassEnabled alone
        // and the answer keeps the meeting's scope.
        Object.assign(meeting.options, options, {
          ...(options.lobbyBypassSettings
            ? {
                lobbyBypassSettings: {
                  ...(meeting.options.lobbyBypassSettings as object),
                  ...options.lobbyBypassSettings,
                },
              }
            : {}),
        });
        ctx.store.changed();
        return { status: 200, body: toGraphOnlineMeeting(meeting) };
      },
    },
    {
      call: 'POST /chats/{chatId}/installedApps',
      permissions: INSTALL_PERMISSIONS,
      handle: (req) => {
        const chat = ctx.store.state.chats[req.params.chatId as string];
        if (!chat)
          throw new SimGraphError(404, 'NotFound', `Chat '${req.params.chatId}' was not found.`);
        const body = parseBody(installBody, req.body);
        const rsc = body.consentedPermissionSet?.resourceSpecificPermissions ?? [];
        const roles = (req.token.roles as string[] | undefined) ?? [];
        if (rsc.length > 0 && !roles.some((r) => r.includes('AndConsent')))
          throw new SimGraphError(
            403,
            'Forbidden',
            'Installing an app that needs resource-specific consent requires TeamsAppInstallation.ReadWriteAndConsent... permissions.',
          );
        const teamsAppId = body['teamsApp@odata.bind'].split('/').pop() as string;
        if (chat.installedApps.some((a) => a.teamsAppId === teamsAppId))
          throw new SimGraphError(409, 'Conflict', 'The app is already installed in this chat.');
        chat.installedApps.push({ id: randomUUID(), teamsAppId, consentedPermissions: rsc });
        ctx.store.changed();
        return { status: 201 };
      },
    },
    {
      call: 'GET /chats/{chatId}/installedApps',
      permissions: ['TeamsAppInstallation.ReadForChat.All', ...INSTALL_PERMISSIONS],
      handle: (req) => {
        const chat = ctx.store.state.chats[req.params.chatId as string];
        if (!chat)
          throw new SimGraphError(404, 'NotFound', `Chat '${req.params.chatId}' was not found.`);
        return {
          status: 200,
          body: {
            value: chat.installedApps.map((a) => ({ id: a.id, teamsApp: { id: a.teamsAppId } })),
          },
        };
      },
    },
  ];
}

/**
 * A meetingParticipantInfo names someone in this directory: by object id in `identity.user.id`
 * or by user principal name in `upn`. An e-mail address is not a UPN for a B2B guest
 * (`name_domain#EXT#@tenant`), so naming a guest by e-mail matches nobody. Graph does not
 * document its answer; the simulator refuses with 400 so the mistake cannot pass unseen.
 */
async function knownParticipant(
  ctx: SimContext,
  person: { identity?: { user: { id: string } }; upn?: string },
): Promise<void> {
  const byId = person.identity?.user.id;
  const found = byId
    ? await ctx.directory.byIdOrUpn(byId)
    : person.upn
      ? await ctx.directory.byIdOrUpn(person.upn)
      : undefined;
  if (!found || (byId && found.id.toLowerCase() !== byId.toLowerCase()))
    throw badRequest(
      `The participant '${byId ?? person.upn ?? ''}' was not found in the directory (name participants by object id or user principal name).`,
    );
}

async function ownMeeting(ctx: SimContext, req: SimRequest): Promise<SimOnlineMeeting> {
  const organizer = await organizerOr404(ctx, req.params.id as string);
  const meeting = ctx.store.state.onlineMeetings[req.params.meetingId as string];
  if (!meeting || meeting.organizerId !== organizer.id)
    throw notFound(
      `The online meeting '${req.params.meetingId}' was not found for this organizer.`,
      'NotFound',
    );
  return meeting;
}

/** Join URLs compare after decoding: clients encode them differently (%3a vs %3A). */
function sameJoinUrl(a: string, b: string): boolean {
  const norm = (u: string) => decodeURIComponent(u).toLowerCase();
  return norm(a) === norm(b);
}

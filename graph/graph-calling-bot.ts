import type * as Graph from '@microsoft/microsoft-graph-types';
import { DomainError } from '../core/errors.js';
import type { CallingBot } from '../core/ports/calling-bot.js';
import type { GraphClient } from './graph-client.js';
import { GraphRequestError } from './graph-error.js';
import type { CallsOf, GraphPermissionNeed } from './graph-permission.js';

export const CALLING_NEEDS = [
  {
    permission: 'Calls.JoinGroupCall.All',
    type: 'Application',
    why: 'A calling bot joins each meeting with service-hosted media so roster updates show whose camera is on. It is visible in the roster and monitors staff: only after the area decides so (DPIA).',
    calls: ['POST /communications/calls', 'DELETE /communications/calls/{callId}'],
    alsoRequires:
      'Calling enabled on the Azure Bot Teams channel with the calling webhook, and supportsCalling in the manifest.',
    optionalFeature: 'camera evidence from a calling bot (area policy)',
  },
] as const satisfies readonly GraphPermissionNeed[];
type CallingCall = CallsOf<typeof CALLING_NEEDS>;

export interface ParsedJoinUrl {
  threadId: string;
  messageId: string;
  tenantId: string;
  organizerId: string;
}

/**
 * A Teams join URL carries what joining needs: `/l/meetup-join/{thread}/{message}` and a
 * `context` query of `{"Tid": tenant, "Oid": organiser}` (the parse Microsoft's calling samples do).
 */
export function parseJoinUrl(joinUrl: string): ParsedJoinUrl {
  try {
    const url = new URL(joinUrl);
    const [, , kind, thread, message] = url.pathname.split('/');
    const context = JSON.parse(url.searchParams.get('context') ?? '{}') as {
      Tid?: string;
      Oid?: string;
    };
    if (kind === 'meetup-join' && thread && context.Tid && context.Oid)
      return {
        threadId: decodeURIComponent(thread),
        messageId: message ?? '0',
        tenantId: context.Tid,
        organizerId: context.Oid,
      };
  } catch {
    // fall through to the refusal below
  }
  throw new DomainError(
    'VALIDATION_FAILED',
    'That is not a Teams meeting join URL with an organiser context.',
  );
}

/**
 * CallingBot over Graph cloud communications (DESIGN.md §7, PLATFORM.md §4): joins a meeting as
 * the organiser's meeting with service-hosted media (plain REST and webhooks, so Node works)
 * and hangs up. Roster notifications arrive at `callbackUri` (calling-notifications.ts parses them).
 */
export class GraphCallingBot implements CallingBot {
  constructor(private readonly deps: { graph: GraphClient; callbackUri: string }) {}

  async join(input: { joinUrl: string; chatThreadId: string; tenantId: string }) {
    const meeting = parseJoinUrl(input.joinUrl);
    // Graph's samples annotate each object with its @odata.type; the types do not declare it.
    const typed = <T>(type: string, value: T): T => ({
      '@odata.type': `#microsoft.graph.${type}`,
      ...value,
    });
    const call: Graph.Call = typed('call', {
      callbackUri: this.deps.callbackUri,
      requestedModalities: ['audio'],
      mediaConfig: typed<Graph.ServiceHostedMediaConfig>('serviceHostedMediaConfig', {}),
      chatInfo: typed<Graph.ChatInfo>('chatInfo', {
        threadId: input.chatThreadId,
        messageId: meeting.messageId,
      }),
      meetingInfo: typed<Graph.OrganizerMeetingInfo>('organizerMeetingInfo', {
        organizer: typed<Graph.IdentitySet>('identitySet', {
          user: typed<Graph.Identity & { tenantId: string }>('identity', {
            id: meeting.organizerId,
            tenantId: meeting.tenantId,
          }),
        }),
      }),
      tenantId: input.tenantId,
    });
    const { body } = await this.deps.graph.send<Graph.Call>({
      call: 'POST /communications/calls' satisfies CallingCall,
      body: call,
    });
    return { callId: body.id as string, callChainId: body.callChainId ?? null };
  }
  async hangUp(callId: string): Promise<void> {
    try {
      await this.deps.graph.send({
        call: 'DELETE /communications/calls/{callId}' satisfies CallingCall,
        params: { callId },
      });
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404) return; // the call already ended
      throw error;
    }
  }
}

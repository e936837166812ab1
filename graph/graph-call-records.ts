import type { CallRecords as GraphCallRecordTypes } from '@microsoft/microsoft-graph-types';
import type { CallRecords, VideoStreamEvidence } from '../core/ports/call-records.js';
import type { GraphClient } from './graph-client.js';
import type { CallsOf, GraphPermissionNeed } from './graph-permission.js';

export const CALL_RECORD_NEEDS = [
  {
    permission: 'CallRecords.Read.All',
    type: 'Application',
    why: 'After a meeting, call records show which participants sent main video, to corroborate camera evidence. This permission reads every call record in the tenant.',
    calls: [
      'GET /communications/callRecords/{callRecordId}',
      'GET /communications/callRecords/{callRecordId}/sessions',
    ],
    optionalFeature: 'camera evidence from call records (area policy)',
  },
] as const satisfies readonly GraphPermissionNeed[];
type CallRecordCall = CallsOf<typeof CALL_RECORD_NEEDS>;

type Session = GraphCallRecordTypes.Session & { segments?: GraphCallRecordTypes.Segment[] };
type Record = GraphCallRecordTypes.CallRecord & { 'sessions@odata.nextLink'?: string };

/**
 * CallRecords over Graph (PLATFORM.md §4): the record with `sessions($expand=segments)`, every
 * page of sessions followed (Graph pages them by 60). Per participant session and segment, did
 * the participant's client send `main-video` (a `callerToCallee` stream), and roughly when.
 * Quality telemetry, never the only camera evidence (DESIGN.md §7).
 */
export class GraphCallRecords implements CallRecords {
  constructor(private readonly deps: { graph: GraphClient }) {}

  async videoEvidence(callRecordId: string): Promise<VideoStreamEvidence[]> {
    const request = {
      call: 'GET /communications/callRecords/{callRecordId}' satisfies CallRecordCall,
      params: { callRecordId },
      query: { $expand: 'sessions($expand=segments)' },
    };
    const { body } = await this.deps.graph.send<Record>(request);
    const sessions: Session[] = [...((body.sessions as Session[] | null) ?? [])];
    const next = body['sessions@odata.nextLink'];
    if (next)
      sessions.push(
        ...(await this.deps.graph.all<Session>(
          this.deps.graph.nextPage(
            {
              ...request,
              call: 'GET /communications/callRecords/{callRecordId}/sessions' satisfies CallRecordCall,
            },
            next,
          ),
        )),
      );
    return sessions.flatMap(evidenceOf);
  }
}

function evidenceOf(session: Session): VideoStreamEvidence[] {
  const caller = session.caller as
    (GraphCallRecordTypes.ParticipantEndpoint & { '@odata.type'?: string }) | null | undefined;
  if (!caller || !caller['@odata.type']?.endsWith('participantEndpoint')) return [];
  const entraObjectId = participantId(caller);
  return (session.segments ?? []).flatMap((segment): VideoStreamEvidence[] => {
    const start = new Date(segment.startDateTime as string);
    const end = new Date(segment.endDateTime as string);
    const video = (segment.media ?? []).find((m) => m.label === 'main-video');
    const sent = (video?.streams ?? []).filter((s) => s.streamDirection === 'callerToCallee');
    if (sent.length === 0) return [{ entraObjectId, start, end, sentMainVideo: false }];
    return sent.map((s) => {
      const stream = s as typeof s & { startDateTime?: string | null; endDateTime?: string | null };
      return {
        entraObjectId,
        start: stream.startDateTime ? new Date(stream.startDateTime) : start,
        end: stream.endDateTime ? new Date(stream.endDateTime) : end,
        sentMainVideo: true,
      };
    });
  });
}

/**
 * The participant's Entra object id. Current call records name it in `associatedIdentity`
 * (Microsoft's callRecord sample); `identity.user.id` is the deprecated shape, which stops
 * carrying data, read only when the current one is absent.
 */
function participantId(endpoint: GraphCallRecordTypes.ParticipantEndpoint): string | null {
  return endpoint.associatedIdentity?.id || endpoint.identity?.user?.id || null;
}

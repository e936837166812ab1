import { z } from 'zod';
import { DomainError } from '../core/errors.js';
import type { ParticipantMediaState } from '../core/ports/calling-bot.js';

/**
 * Parses what Graph posts to the calling webhook (`commsNotifications`) into call states and
 * roster updates. Each roster participant's `main-video` stream direction is read as camera on
 * (`sendReceive`/`sendOnly`) or off (an inference Microsoft does not document as a contract,
 * PLATFORM.md §4). Bots in the roster (application identities) are left out. Malformed input is
 * refused with VALIDATION_FAILED, which the webhook edge turns into a 400.
 */
export type CallingNotification =
  | { kind: 'call-state'; callId: string; state: string }
  | { kind: 'roster'; callId: string; participants: ParticipantMediaState[] };

const identity = z.object({ id: z.string().nullish(), displayName: z.string().nullish() }).loose();
const participant = z
  .object({
    info: z
      .object({
        identity: z
          .object({
            user: identity.nullish(),
            guest: identity.nullish(),
            phone: identity.nullish(),
            application: identity.nullish(),
          })
          .loose(),
      })
      .loose(),
    mediaStreams: z
      .array(
        z
          .object({ mediaType: z.string(), label: z.string().nullish(), direction: z.string() })
          .loose(),
      )
      .default([]),
  })
  .loose();
const notification = z
  .object({
    changeType: z.enum(['created', 'updated', 'deleted']),
    resourceUrl: z.string().optional(),
    resource: z.string().optional(),
    resourceData: z.unknown(),
  })
  .loose();
const body = z.object({ value: z.array(notification).min(1) }).loose();

const CALL = /^\/(?:communications|app)\/calls\/([^/]+)$/;
const ROSTER = /^\/(?:communications|app)\/calls\/([^/]+)\/participants$/;

export function parseCallingNotifications(input: unknown): CallingNotification[] {
  const parsed = body.safeParse(input);
  if (!parsed.success) throw invalid('The body is not a commsNotifications collection.');
  return parsed.data.value.flatMap((n): CallingNotification[] => {
    const resource = n.resourceUrl ?? n.resource ?? '';
    const call = CALL.exec(resource);
    if (call) {
      const state = (n.resourceData as { state?: unknown } | null)?.state;
      return [
        {
          kind: 'call-state',
          callId: call[1] as string,
          state: n.changeType === 'deleted' ? 'terminated' : String(state ?? 'unknown'),
        },
      ];
    }
    const roster = ROSTER.exec(resource);
    if (!roster) return []; // other resources (tones, recordings) are not ours to read
    const people = z.array(participant).safeParse(n.resourceData);
    if (!people.success) throw invalid('A roster notification has malformed participants.');
    const inMeeting = n.changeType !== 'deleted';
    return [
      {
        kind: 'roster',
        callId: roster[1] as string,
        participants: people.data
          .filter((p) => !p.info.identity.application)
          .map((p) => {
            const who = p.info.identity.user ?? p.info.identity.guest ?? p.info.identity.phone;
            const video =
              p.mediaStreams.find((s) => s.label === 'main-video') ??
              p.mediaStreams.find((s) => s.mediaType === 'video');
            return {
              entraObjectId: p.info.identity.user?.id ?? null,
              displayName: who?.displayName ?? null,
              inMeeting,
              cameraOn:
                inMeeting &&
                (video?.direction === 'sendReceive' || video?.direction === 'sendOnly'),
            };
          }),
      },
    ];
  });
}

function invalid(message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message);
}

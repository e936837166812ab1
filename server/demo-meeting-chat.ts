import {
  type ChatMeeting,
  type ChatPerson,
  meetingChatRoutes,
} from '../graph/simulator/meeting-chat-routes.js';
import type { SimulatedTenant } from '../graph/simulator/simulated-tenant.js';
import type { Db } from '../store/db.js';
import type { HttpFeature } from './app.js';
import type { Config } from './config.js';

const MEETING_COLUMNS = `id, title, status, scheduled_start AS "scheduledStart", chat_thread_id AS "chatThreadId"`;

/**
 * Demo mode: the demo meeting room's chat under /sim/api/meeting-chat: the bot's
 * cards in a meeting's chat and card actions clicked as any invited participant. Null without
 * the in-process simulated tenant (production).
 */
export function demoMeetingChat(
  db: Db,
  config: Config,
  tenant: SimulatedTenant | null | undefined,
): HttpFeature | null {
  if (!tenant) return null;
  const iso = (m: ChatMeeting) => ({
    ...m,
    scheduledStart: new Date(m.scheduledStart).toISOString(),
  });
  return {
    path: '/sim/api/meeting-chat',
    handler: meetingChatRoutes({
      tenant,
      botEndpoint: `${config.http.publicUrl}/api/messages`,
      appId: config.microsoft.appId as string,
      botAuthEnabled: config.bot.authEnabled,
      meetings: async () =>
        (
          await db.query<ChatMeeting>(
            `SELECT ${MEETING_COLUMNS} FROM meeting WHERE status <> 'cancelled' ORDER BY scheduled_start`,
          )
        ).rows.map(iso),
      meeting: async (meetingId) => {
        const { rows } = await db.query<ChatMeeting>(
          `SELECT ${MEETING_COLUMNS} FROM meeting WHERE id = $1`,
          [meetingId],
        );
        return rows[0] ? iso(rows[0]) : null;
      },
      invitees: async (meetingId) =>
        (
          await db.query<ChatPerson>(
            `SELECT p.id AS "personId", p.entra_object_id AS "aadObjectId", p.display_name AS "displayName",
                    a.name AS "agencyName", i.kind
               FROM meeting_invitee i JOIN person p ON p.id = i.person_id
               LEFT JOIN agency a ON a.id = i.agency_id
              WHERE i.meeting_id = $1 AND p.entra_object_id IS NOT NULL
              ORDER BY CASE i.kind WHEN 'chair' THEN 0 WHEN 'deputy-chair' THEN 1 WHEN 'coordinator' THEN 2 ELSE 3 END,
                       a.name NULLS LAST, p.display_name`,
            [meetingId],
          )
        ).rows,
    }),
  };
}

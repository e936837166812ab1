-- Every occurrence of a recurring Teams meeting carries the same channelData.meeting.id (and
-- chat thread), so the id can no longer be unique per meeting: the bot picks the occurrence by
-- the event's time (core/attendance/occurrence.ts).
DROP INDEX IF EXISTS meeting_teams_id_idx;
CREATE INDEX meeting_teams_id_idx ON meeting (teams_meeting_id) WHERE teams_meeting_id IS NOT NULL;

-- Issue 5 (attendance): live meeting events, camera evidence and reconciliation.

-- The calling bot's call in a meeting (DESIGN.md §7): roster notifications name the call, and
-- its callChainId is the call record read after the meeting.
ALTER TABLE meeting ADD COLUMN calling_call_id text;
ALTER TABLE meeting ADD COLUMN calling_call_chain_id text;
CREATE UNIQUE INDEX meeting_calling_call_idx ON meeting (calling_call_id) WHERE calling_call_id IS NOT NULL;
-- When the last reconciliation ran without a Graph attendance report (it gave up waiting).
ALTER TABLE meeting ADD COLUMN reconciled_without_report boolean NOT NULL DEFAULT false;

-- Camera evidence can say "off" too (a chair's attestation that a camera was off overrides the
-- roster), and an attestation may carry a short note.
ALTER TABLE camera_interval ADD COLUMN camera_on boolean NOT NULL DEFAULT true;
ALTER TABLE camera_interval ADD COLUMN note text;

-- Bot activities already acted on: Teams and the Bot Connector retry, so a replayed activity
-- id is ignored (no double intervals).
CREATE TABLE meeting_event_receipt (
  activity_id text PRIMARY KEY,
  meeting_id uuid REFERENCES meeting (id) ON DELETE CASCADE,
  name text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- At most one open live interval per person (or unmatched identity) and source, so two
-- deliveries racing cannot open two.
CREATE UNIQUE INDEX attendance_interval_open_person_idx ON attendance_interval (meeting_id, person_id, source)
  WHERE left_at IS NULL AND person_id IS NOT NULL;
CREATE UNIQUE INDEX attendance_interval_open_unmatched_idx ON attendance_interval (meeting_id, unmatched_identity_id, source)
  WHERE left_at IS NULL AND person_id IS NULL;
CREATE UNIQUE INDEX camera_interval_open_person_idx ON camera_interval (meeting_id, person_id, source)
  WHERE off_at IS NULL AND person_id IS NOT NULL AND source = 'calling-roster';
CREATE UNIQUE INDEX camera_interval_open_unmatched_idx ON camera_interval (meeting_id, unmatched_identity_id, source)
  WHERE off_at IS NULL AND person_id IS NULL AND source = 'calling-roster';
-- One unmatched identity per Entra object id per meeting.
CREATE UNIQUE INDEX unmatched_identity_entra_idx ON unmatched_identity (meeting_id, entra_object_id)
  WHERE entra_object_id IS NOT NULL;

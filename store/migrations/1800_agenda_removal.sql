-- A case taken off an agenda before the meeting, with the coordinator's reason (FR-027). The
-- agenda slot itself is deleted; this row keeps who removed which case from which meeting, and why.
CREATE TABLE agenda_removal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  area_id uuid NOT NULL REFERENCES area (id),
  meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES marac_case (id),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  removed_by uuid NOT NULL REFERENCES person (id),
  removed_at timestamptz NOT NULL
);
CREATE INDEX agenda_removal_meeting_idx ON agenda_removal (meeting_id);

-- Minutes as a workflow (REQUIREMENTS.md §3.9): captured per case in the meeting, completed by
-- the coordinator, sent for the chair's approval, approved, then circulated as a notice with a
-- link. Corrections after approval are addenda, never edits.
ALTER TABLE meeting DROP CONSTRAINT IF EXISTS meeting_minutes_status_check;
ALTER TABLE meeting ADD CONSTRAINT meeting_minutes_status_check
  CHECK (minutes_status IN ('none', 'draft', 'awaiting-approval', 'approved', 'circulated'));
ALTER TABLE meeting ADD COLUMN minutes_submitted_at timestamptz;
ALTER TABLE meeting ADD COLUMN minutes_submitted_by uuid REFERENCES person (id);
ALTER TABLE meeting ADD COLUMN minutes_circulated_at timestamptz;
ALTER TABLE meeting ADD COLUMN minutes_circulated_by uuid REFERENCES person (id);

-- What the chair (or coordinator) records for one case: personal data, shown in the tab only.
CREATE TABLE minutes_case_note (
  agenda_item_id uuid PRIMARY KEY REFERENCES agenda_item (id) ON DELETE CASCADE,
  meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  risk_summary text,
  victim_views text,
  decisions text,
  dissent text,
  updated_by uuid REFERENCES person (id),
  updated_at timestamptz NOT NULL
);
CREATE INDEX minutes_case_note_meeting_idx ON minutes_case_note (meeting_id);

-- Corrections to approved minutes: append-only, like the audit log.
CREATE TABLE minutes_addendum (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  agenda_item_id uuid REFERENCES agenda_item (id),
  body text NOT NULL,
  added_by uuid NOT NULL REFERENCES person (id),
  added_at timestamptz NOT NULL
);
CREATE INDEX minutes_addendum_meeting_idx ON minutes_addendum (meeting_id, added_at);
CREATE TRIGGER minutes_addendum_append_only BEFORE UPDATE OR DELETE ON minutes_addendum
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER minutes_addendum_no_truncate BEFORE TRUNCATE ON minutes_addendum
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

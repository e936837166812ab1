-- People invited to one case of a meeting (FR-007, IS-13 style access for open meetings): a
-- referrer, keyworker or specialist joins the Teams meeting for that case and sees that case
-- alone in the tab, after a declaration for that case (declaration.agenda_item_id).
CREATE TABLE case_person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  agenda_item_id uuid NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id),
  kind text NOT NULL CHECK (kind IN ('referrer', 'keyworker', 'specialist')),
  invited_by uuid NOT NULL REFERENCES person (id),
  invited_at timestamptz NOT NULL,
  UNIQUE (agenda_item_id, person_id)
);
CREATE INDEX case_person_meeting_idx ON case_person (meeting_id, person_id);

-- A representative's apologies for one meeting: who sent them and when (the deputy named for
-- that meeting is apology.deputy_person_id).
ALTER TABLE apology ADD COLUMN sent_by uuid REFERENCES person (id);
ALTER TABLE apology ADD COLUMN sent_at timestamptz;

-- Why the chair or coordinator declined an agency's request to move a case.
ALTER TABLE agenda_move ADD COLUMN decision_reason text
  CHECK (decision_reason IS NULL OR length(decision_reason) BETWEEN 1 AND 1000);

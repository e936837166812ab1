-- A case on the agenda that the chair did not hear before the meeting ended: carried forward to
-- the next meeting (a copy of its agenda slot goes on that agenda) or not heard, with the
-- reason. Recorded by the chair at "End the meeting", or as not heard when the meeting ends in
-- Teams with no decision (decided_by is then empty). Minutes, presence and reports show
-- "Not heard" for these cases rather than an agency's absence.
ALTER TABLE agenda_item
  ADD COLUMN unheard_outcome text CHECK (unheard_outcome IN ('carried-forward', 'not-heard')),
  ADD COLUMN unheard_reason text CHECK (length(unheard_reason) <= 500),
  ADD COLUMN unheard_decided_by uuid REFERENCES person (id),
  ADD COLUMN unheard_recorded_at timestamptz,
  ADD COLUMN carried_to_meeting_id uuid REFERENCES meeting (id) ON DELETE SET NULL,
  ADD COLUMN carried_from_item_id uuid REFERENCES agenda_item (id) ON DELETE SET NULL;
ALTER TABLE agenda_item ADD CONSTRAINT agenda_item_unheard_recorded
  CHECK ((unheard_outcome IS NULL) = (unheard_recorded_at IS NULL));

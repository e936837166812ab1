-- Issue 5 (part B): running the meeting from the chat and the chair console.

-- FR-053: the chair confirms the summary of a case's agreed actions before the next case.
ALTER TABLE agenda_item ADD COLUMN actions_confirmed_at timestamptz;
ALTER TABLE agenda_item ADD COLUMN actions_confirmed_by uuid REFERENCES person (id);
-- FR-069: "your case is next" goes once per case.
ALTER TABLE agenda_item ADD COLUMN next_notice_sent_at timestamptz;

-- Teams user ids (29: MRIs) as seen on activities. Card refresh (userIds) and targeted
-- in-meeting notifications address people by MRI, which cannot be derived from an Entra id.
CREATE TABLE teams_user (
  entra_object_id text PRIMARY KEY,
  teams_user_id text NOT NULL,
  seen_at timestamptz NOT NULL
);

-- Every card invoke applied, keyed by the invoke's activity id: a replayed invoke (Teams
-- retries with the same id) is refused instead of applied twice.
CREATE TABLE card_invoke (
  invoke_id text PRIMARY KEY,
  meeting_id uuid REFERENCES meeting (id),
  person_id uuid REFERENCES person (id),
  verb text NOT NULL,
  at timestamptz NOT NULL
);

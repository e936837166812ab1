-- Replies to chasers in the MARAC mailbox (FR-073, FR-078): the conversation a sent chaser
-- belongs to (read from its Sent Items copy, since sendMail answers 202 with no message),
-- replies matched to the actions that mail listed, and where the mailbox poll has read to.
ALTER TABLE outbox_mail ADD COLUMN conversation_id text;
ALTER TABLE outbox_mail ADD COLUMN conversation_looked_at timestamptz;
CREATE INDEX outbox_mail_conversation_idx ON outbox_mail (conversation_id)
  WHERE conversation_id IS NOT NULL;

CREATE TABLE chase_reply (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  area_id uuid NOT NULL REFERENCES area (id),
  action_id uuid NOT NULL REFERENCES action (id),
  outbox_id uuid NOT NULL REFERENCES outbox_mail (id),
  graph_message_id text NOT NULL,
  from_email text NOT NULL,
  from_person_id uuid REFERENCES person (id),
  sender text NOT NULL CHECK (sender IN ('owner', 'deputy', 'agency', 'other')),
  received_at timestamptz NOT NULL,
  -- The reply's own text, shown in the tab only; NULL once purged.
  body_text text,
  body_purged_at timestamptz,
  state text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'completed', 'dismissed')),
  handled_by uuid REFERENCES person (id),
  handled_at timestamptz,
  created_at timestamptz NOT NULL,
  UNIQUE (graph_message_id, action_id)
);
CREATE INDEX chase_reply_area_idx ON chase_reply (area_id, state, received_at);

CREATE TABLE mailbox_poll (
  mailbox text PRIMARY KEY,
  received_through timestamptz NOT NULL,
  polled_at timestamptz NOT NULL
);

-- Chasing that closes the loop: pause per action, steps per due date (an extended due date
-- restarts the ladder), and recipients the area's allowed domains refused, kept for the
-- coordinator to see (never silently dropped).
ALTER TABLE action ADD COLUMN chase_paused_at timestamptz;
ALTER TABLE action ADD COLUMN chase_paused_by uuid REFERENCES person (id);

ALTER TABLE chase_step DROP CONSTRAINT chase_step_pkey;
ALTER TABLE chase_step ADD PRIMARY KEY (action_id, step, recipient_email, due_on);

CREATE TABLE chase_blocked (
  action_id uuid NOT NULL REFERENCES action (id),
  step text NOT NULL,
  recipient_email text NOT NULL,
  recipient_person_id uuid REFERENCES person (id),
  due_on date NOT NULL,
  reason text NOT NULL CHECK (reason IN ('domain-not-allowed', 'no-recipient')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (action_id, step, recipient_email, due_on)
);
CREATE INDEX chase_blocked_created_idx ON chase_blocked (created_at);

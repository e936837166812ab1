-- Outbox mail is retried for a time window from its first attempt (not a number of attempts),
-- is reported late to its area's coordinator, and can be resent by them when it has failed.
ALTER TABLE outbox_mail
  ADD COLUMN area_id uuid REFERENCES area (id),
  ADD COLUMN first_attempt_at timestamptz,
  ADD COLUMN late_noticed_at timestamptz;

-- The coordinator's view of mail that needs attention (late or failed), per area.
CREATE INDEX outbox_mail_attention_idx ON outbox_mail (area_id, created_at)
  WHERE state IN ('pending', 'sending', 'failed');

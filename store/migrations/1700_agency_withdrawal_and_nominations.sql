-- Withdrawing an agency records what happened to the MARAC information it held (the seeds'
-- information-sharing agreements: destroyed or returned), with the date it was confirmed
-- (withdrawal_data_confirmed_on, already present). Nominations record when they last changed.
ALTER TABLE agency ADD COLUMN withdrawal_data_outcome text
  CHECK (withdrawal_data_outcome IN ('destroyed', 'returned'));
ALTER TABLE agency ADD COLUMN nominations_changed_on date;

-- Research returns and written submissions per agency per case (FR-038, FR-039, FR-040, A-07).
-- A return says whether the agency is involved with the family: information to share
-- ('submitted'), involved but nothing to share ('nil-return'), no involvement ('no-involvement'),
-- or a written submission because it cannot attend ('written-submission'). Its text, reasons and
-- restrictions are destroyed after the meeting (FR-041, IS-08): the status and dates stay.
ALTER TABLE research_submission DROP CONSTRAINT research_submission_status_check;
ALTER TABLE research_submission ADD CONSTRAINT research_submission_status_check
  CHECK (status IN ('submitted', 'nil-return', 'no-involvement', 'written-submission'));
ALTER TABLE research_submission ADD COLUMN restrictions text;
ALTER TABLE research_submission ADD COLUMN researched_on date;
ALTER TABLE research_submission ADD COLUMN updated_at timestamptz;

-- Case personal data purged at the area's last review point (FR-109, IS-09): the case number,
-- equality fields and the meeting history stay for the statistics; names, dates of birth,
-- addresses and summaries go.
ALTER TABLE marac_case ADD COLUMN personal_data_purged_at timestamptz;

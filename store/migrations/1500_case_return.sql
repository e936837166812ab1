-- The per-case data the SafeLives per-meeting return needs (core/reports/case-return.ts),
-- captured once from the case-list import or the coordinator's edit form. NULL is "not
-- collected" (a blank in the return); false or 0 is a recorded "no" or "none".
CREATE TABLE case_return (
  agenda_item_id uuid PRIMARY KEY REFERENCES agenda_item (id) ON DELETE CASCADE,
  referral_source text CHECK (referral_source IN (
    'police', 'idva', 'other-specialist-da', 'childrens-social-care', 'primary-care',
    'secondary-care', 'mental-health', 'substance-misuse', 'housing', 'probation', 'education',
    'adult-social-care', 'other-statutory', 'other-voluntary')),
  victim_minoritised boolean,
  victim_ethnicity text CHECK (victim_ethnicity IN ('asian', 'black', 'mixed', 'white', 'other')),
  victim_lgbtq boolean,
  victim_disabled boolean,
  victim_sex text CHECK (victim_sex IN ('female', 'male')),
  victim_age_band text CHECK (victim_age_band IN (
    '16-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+')),
  harmer_under_18 boolean,
  children_in_household integer CHECK (children_in_household BETWEEN 0 AND 30),
  updated_at timestamptz NOT NULL,
  updated_by uuid REFERENCES person (id)
);

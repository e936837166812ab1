-- Local population figures the coordinator enters for the steering group's quarterly pack
-- (core/reports/population.ts): the number of women aged 16 and over (the recommended Marac
-- volume is set per 10,000 of them) and, per characteristic, its percentage of the local
-- population, to compare the cases heard with. One row per figure entered; a figure not
-- entered has no row.
CREATE TABLE area_population (
  area_id uuid NOT NULL REFERENCES area (id),
  characteristic text NOT NULL CHECK (characteristic IN (
    'adult-women', 'minoritised', 'ethnicity-asian', 'ethnicity-black', 'ethnicity-mixed',
    'ethnicity-white', 'ethnicity-other', 'lgbtq', 'disabled', 'male', 'age-16-17',
    'age-65-plus')),
  value numeric NOT NULL CHECK (value >= 0),
  source text,
  updated_at timestamptz NOT NULL,
  updated_by uuid REFERENCES person (id),
  PRIMARY KEY (area_id, characteristic)
);

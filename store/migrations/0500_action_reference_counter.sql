-- Issue 6: action references (A-0001 ...) are allocated per area from a counter row, so two
-- meetings creating actions at once never pick the same number (UNIQUE(area_id, reference)
-- stays the backstop). The upsert locks only the area's row, on PostgreSQL and PGlite alike.
CREATE TABLE action_reference_counter (
  area_id uuid PRIMARY KEY REFERENCES area (id),
  last_value integer NOT NULL CHECK (last_value > 0)
);

-- Register look-ups by owner (the personal tab's "my actions", chasers bundled per owner).
CREATE INDEX action_owner_person_idx ON action (owner_person_id, state);

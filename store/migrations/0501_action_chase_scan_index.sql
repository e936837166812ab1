-- Issue 6: the chase job scans one area at a time for open actions due on or before a day.
-- 0001's action_open_due_idx (due_on, area_id) serves a scan across all areas; this one lets a
-- per-area scan read only that area's open actions (see test/bench/chase-scan.bench.ts).
CREATE INDEX action_open_area_due_idx ON action (area_id, due_on) WHERE state = 'open';

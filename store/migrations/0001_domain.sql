-- Virtual MARAC: the whole domain schema (REQUIREMENTS.md §3). Later issues add behaviour,
-- not tables. Conventions: snake_case, uuid keys, timestamptz for instants, date for calendar
-- days, text + CHECK for small enumerations (easier to evolve than enum types), no personal
-- data outside the case_subject, marac_case and agenda_item tables.

-- ---------------------------------------------------------------------------------------------
-- Append-only guard, shared by audit_log and action_history (FR-079, FR-104).
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'APPEND_ONLY: % rows are never updated or deleted', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- ---------------------------------------------------------------------------------------------
-- Area: one MARAC (e.g. "Northfield MARAC") and its policy (§10 defaults live in core/policy).
CREATE TABLE area (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  nation text NOT NULL CHECK (nation IN ('england-and-wales', 'scotland', 'northern-ireland')),
  time_zone text NOT NULL DEFAULT 'Europe/London',
  -- Validated by core/policy (AreaPolicy): lead time, due-date rule, chase ladder, attendance
  -- policy, camera evidence, retention, capacity, notice period, completion evidence, ...
  policy jsonb NOT NULL DEFAULT '{}'::jsonb,
  confidentiality_statement text NOT NULL,
  organiser_mailbox text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------
-- Agency (§3.3) with its signatory record (FR-107, IS-01, IS-20) and membership (FR-108).
CREATE TABLE agency (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  area_id uuid NOT NULL REFERENCES area (id),
  name text NOT NULL,
  short_name text,
  sector text NOT NULL CHECK (sector IN (
    'police', 'idva', 'housing', 'childrens-services', 'probation', 'primary-health',
    'mental-health', 'substance-misuse', 'adult-safeguarding', 'education', 'youth-offending',
    'specialist', 'voluntary', 'other')),
  is_core boolean NOT NULL DEFAULT false,
  membership_status text NOT NULL DEFAULT 'approved'
    CHECK (membership_status IN ('applied', 'approved', 'withdrawn')),
  membership_changed_on date,
  withdrawal_data_confirmed_on date,
  signatory_name text,
  signatory_authority_confirmed boolean NOT NULL DEFAULT false,
  signatory_signed_on date,
  signatory_review_due_on date,
  dpo_name text,
  dpo_email text,
  ico_registration text,
  strategic_lead_name text,
  strategic_lead_email text,
  escalation_contact_name text,
  escalation_contact_email text,
  distribution_route text NOT NULL DEFAULT 'named-representative'
    CHECK (distribution_route IN ('named-representative', 'generic-inbox', 'safeguarding-admin')),
  generic_inbox_email text,
  flags_files boolean,
  remit text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (area_id, name)
);
CREATE INDEX agency_area_idx ON agency (area_id);

-- ---------------------------------------------------------------------------------------------
-- People: professionals only (never victims, perpetrators or children: see case_subject).
CREATE TABLE person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  area_id uuid NOT NULL REFERENCES area (id),
  agency_id uuid REFERENCES agency (id),
  display_name text NOT NULL,
  email text NOT NULL,
  job_title text,
  entra_object_id text,
  entra_tenant_id text,
  is_active boolean NOT NULL DEFAULT true,
  authority_attested_on date,
  induction_completed_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX person_entra_idx ON person (entra_tenant_id, entra_object_id)
  WHERE entra_object_id IS NOT NULL;
CREATE UNIQUE INDEX person_email_idx ON person (area_id, lower(email));
CREATE INDEX person_agency_idx ON person (agency_id);

CREATE TABLE person_role (
  person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN (
    'coordinator', 'chair', 'deputy-chair', 'representative', 'deputy', 'idva', 'observer',
    'steering', 'referrer', 'keyworker')),
  PRIMARY KEY (person_id, role)
);

-- A deputy covers a named representative (A-06, FR-063).
CREATE TABLE deputy_link (
  deputy_person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  representative_person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  valid_from date,
  valid_to date,
  PRIMARY KEY (deputy_person_id, representative_person_id)
);

-- ---------------------------------------------------------------------------------------------
-- Meetings (§3.4): a series (the regular MARAC) and its meetings, each a Teams meeting.
CREATE TABLE meeting_series (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  area_id uuid NOT NULL REFERENCES area (id),
  title text NOT NULL,
  -- {"frequency":"weekly","interval":2,"daysOfWeek":["wednesday"]} and the like.
  recurrence jsonb NOT NULL,
  start_time time NOT NULL,
  end_time time NOT NULL,
  starts_on date NOT NULL,
  ends_on date,
  graph_event_id text,
  created_by uuid REFERENCES person (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  area_id uuid NOT NULL REFERENCES area (id),
  series_id uuid REFERENCES meeting_series (id),
  -- A closed session is its own Teams meeting, linked to the main one (FR-007, IS-13).
  parent_meeting_id uuid REFERENCES meeting (id),
  kind text NOT NULL DEFAULT 'scheduled'
    CHECK (kind IN ('scheduled', 'extraordinary', 'emergency', 'closed')),
  title text NOT NULL,
  scheduled_start timestamptz NOT NULL,
  scheduled_end timestamptz NOT NULL CHECK (scheduled_end > scheduled_start),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN (
    'draft', 'scheduling', 'scheduled', 'needs-attention', 'in-progress', 'ended', 'cancelled')),
  status_reason text,
  graph_event_id text,
  online_meeting_id text,
  join_url text,
  chat_thread_id text,
  -- channelData.meeting.id from the bot's meeting events (PLATFORM.md §2).
  teams_meeting_id text,
  conversation_reference jsonb,
  chair_person_id uuid REFERENCES person (id),
  deputy_chair_person_id uuid REFERENCES person (id),
  delegate_chair_person_id uuid REFERENCES person (id),
  coordinator_person_id uuid REFERENCES person (id),
  referral_deadline_on date,
  circulation_due_on date,
  circulated_at timestamptz,
  confidentiality_read_at timestamptz,
  confidentiality_read_by uuid REFERENCES person (id),
  opening_checklist jsonb NOT NULL DEFAULT '{}'::jsonb,
  previous_minutes_reviewed boolean NOT NULL DEFAULT false,
  minutes_status text NOT NULL DEFAULT 'none'
    CHECK (minutes_status IN ('none', 'draft', 'approved', 'circulated')),
  minutes_approved_by uuid REFERENCES person (id),
  minutes_approved_at timestamptz,
  actual_start timestamptz,
  actual_end timestamptz,
  reconciled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_area_start_idx ON meeting (area_id, scheduled_start);
CREATE INDEX meeting_circulation_due_idx ON meeting (circulation_due_on) WHERE circulated_at IS NULL;
CREATE UNIQUE INDEX meeting_teams_id_idx ON meeting (teams_meeting_id) WHERE teams_meeting_id IS NOT NULL;
CREATE INDEX meeting_chat_thread_idx ON meeting (chat_thread_id);

-- Who the Teams meeting invites (FR-006): reps and deputies of signatory agencies, chair,
-- coordinator, case-specific invitees.
CREATE TABLE meeting_invitee (
  meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id),
  agency_id uuid REFERENCES agency (id),
  kind text NOT NULL CHECK (kind IN (
    'representative', 'deputy', 'chair', 'deputy-chair', 'coordinator', 'idva', 'case-specific',
    'observer', 'referrer', 'keyworker')),
  PRIMARY KEY (meeting_id, person_id)
);

-- Reschedules, cancellations and short-notice additions, with reasons (FR-004).
CREATE TABLE meeting_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  change text NOT NULL CHECK (change IN ('added', 'rescheduled', 'cancelled')),
  inside_notice_period boolean NOT NULL,
  reason text,
  previous_start timestamptz,
  new_start timestamptz,
  changed_by uuid REFERENCES person (id),
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------
-- Cases (§3.2). marac_case is the case across meetings (repeats link here); case_subject holds
-- the personal data of victims, perpetrators and children, which never leaves the tab.
CREATE TABLE marac_case (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  area_id uuid NOT NULL REFERENCES area (id),
  case_number text NOT NULL,
  status text NOT NULL DEFAULT 'listed' CHECK (status IN (
    'referred', 'listed', 'heard', 'actions-open', 'closed')),
  -- Equality fields of the victim, for statistics only (§3.12, KPI-5).
  victim_gender text,
  victim_ethnicity text,
  victim_age_band text,
  victim_sexual_orientation text,
  victim_disability text,
  victim_religion text,
  flag_expires_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (area_id, case_number)
);

CREATE TABLE case_subject (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES marac_case (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('victim', 'perpetrator', 'child', 'other-at-risk')),
  full_name text NOT NULL,
  aliases text,
  date_of_birth date,
  address text,
  gender text,
  relationship text,
  -- Contacts recorded against a perpetrator are never messaged (FR-101).
  contact_email text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_subject_case_idx ON case_subject (case_id);

-- Agenda slot: a case listed at a meeting (§3.5).
CREATE TABLE agenda_item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES marac_case (id),
  position integer NOT NULL CHECK (position > 0),
  risk_level text NOT NULL CHECK (risk_level IN ('very-high', 'high', 'medium')),
  risk_score integer,
  is_repeat boolean NOT NULL DEFAULT false,
  repeat_count integer NOT NULL DEFAULT 0,
  last_heard_on date,
  is_closed_session boolean NOT NULL DEFAULT false,
  referring_agency_id uuid REFERENCES agency (id),
  agencies_involved uuid[] NOT NULL DEFAULT '{}',
  children_count integer NOT NULL DEFAULT 0 CHECK (children_count >= 0),
  planned_start timestamptz,
  planned_minutes integer NOT NULL DEFAULT 10 CHECK (planned_minutes > 0),
  actual_start timestamptz,
  actual_end timestamptz,
  referral_basis text CHECK (referral_basis IN (
    'actuarial', 'professional-judgement', 'escalation', 'historic-pattern')),
  incident_on date,
  referred_on date,
  victim_aware_of_referral boolean,
  -- Risk summary from the referral: personal data, shown only in the tab (FR-027, FR-033).
  summary text,
  victim_views text,
  victim_views_direct boolean,
  outcome text CHECK (outcome IN ('actions-agreed', 'information-only', 'completed-before-marac')),
  outcome_reason text,
  -- Flags to other processes (§3.8, FR-057): [{"process":"MAPPA","flaggedOn":"...","agencyId":...}]
  process_flags jsonb NOT NULL DEFAULT '[]'::jsonb,
  added_after_circulation boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (meeting_id, case_id)
);
CREATE INDEX agenda_item_meeting_idx ON agenda_item (meeting_id, position);
CREATE INDEX agenda_item_case_idx ON agenda_item (case_id);

-- People permitted to see a closed-session case (FR-100, IS-13).
CREATE TABLE agenda_item_permitted_person (
  agenda_item_id uuid NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id),
  PRIMARY KEY (agenda_item_id, person_id)
);

-- Reorder requests, at most two moves per agency per day (FR-034).
CREATE TABLE agenda_move (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agenda_item_id uuid NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
  agency_id uuid NOT NULL REFERENCES agency (id),
  requested_by uuid NOT NULL REFERENCES person (id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  from_position integer NOT NULL,
  to_position integer NOT NULL,
  meeting_day date NOT NULL,
  decision text NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'refused')),
  decided_by uuid REFERENCES person (id),
  decided_at timestamptz
);
CREATE INDEX agenda_move_agency_day_idx ON agenda_move (agency_id, meeting_day);

-- ---------------------------------------------------------------------------------------------
-- Case-list circulation (FR-031, FR-033) and proof of who saw it.
CREATE TABLE circulation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  kind text NOT NULL CHECK (kind IN ('initial', 'addendum')),
  case_count integer NOT NULL,
  created_by uuid REFERENCES person (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE circulation_recipient (
  circulation_id uuid NOT NULL REFERENCES circulation (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person (id),
  agency_id uuid REFERENCES agency (id),
  outbox_id uuid,
  sent_at timestamptz,
  first_opened_at timestamptz,
  last_opened_at timestamptz,
  open_count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (circulation_id, person_id)
);

-- Exports of the case list uploaded to SharePoint with a people-only expiring link.
CREATE TABLE case_list_export (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  drive_id text,
  drive_item_id text,
  link_permission_id text,
  link_expires_at timestamptz,
  created_by uuid REFERENCES person (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  purge_due_at timestamptz,
  purged_at timestamptz
);

-- Research per agency per case (§3.10); destroyed after the meeting (FR-041, IS-08).
CREATE TABLE research_submission (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agenda_item_id uuid NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
  agency_id uuid NOT NULL REFERENCES agency (id),
  contributor_person_id uuid REFERENCES person (id),
  status text NOT NULL CHECK (status IN ('submitted', 'nil-return')),
  content jsonb,
  sharing_rationale text,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  purge_due_at timestamptz,
  purged_at timestamptz,
  UNIQUE (agenda_item_id, agency_id)
);

-- Confidentiality declarations, per meeting or per case (FR-046, IS-18).
CREATE TABLE declaration (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id),
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  agenda_item_id uuid REFERENCES agenda_item (id),
  accepted_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX declaration_once_idx
  ON declaration (person_id, meeting_id, coalesce(agenda_item_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- ---------------------------------------------------------------------------------------------
-- Attendance (§3.6, §5). Intervals come from several sources and are reconciled afterwards.
CREATE TABLE unmatched_identity (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  entra_object_id text,
  entra_tenant_id text,
  display_name text,
  email text,
  resolved_person_id uuid REFERENCES person (id),
  resolved_by uuid REFERENCES person (id),
  resolved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unmatched_identity_meeting_idx ON unmatched_identity (meeting_id);

CREATE TABLE attendance_interval (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  person_id uuid REFERENCES person (id),
  unmatched_identity_id uuid REFERENCES unmatched_identity (id),
  joined_at timestamptz NOT NULL,
  left_at timestamptz CHECK (left_at IS NULL OR left_at >= joined_at),
  source text NOT NULL CHECK (source IN (
    'bot-event', 'attendance-report', 'calling-roster', 'attestation')),
  meeting_role text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (person_id IS NOT NULL OR unmatched_identity_id IS NOT NULL)
);
CREATE INDEX attendance_interval_meeting_idx ON attendance_interval (meeting_id, person_id);

CREATE TABLE camera_interval (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  person_id uuid REFERENCES person (id),
  unmatched_identity_id uuid REFERENCES unmatched_identity (id),
  on_at timestamptz NOT NULL,
  off_at timestamptz CHECK (off_at IS NULL OR off_at >= on_at),
  source text NOT NULL CHECK (source IN ('calling-roster', 'call-record', 'attestation')),
  attested_by uuid REFERENCES person (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (person_id IS NOT NULL OR unmatched_identity_id IS NOT NULL)
);
CREATE INDEX camera_interval_meeting_idx ON camera_interval (meeting_id, person_id);

-- Apologies, deputies and written submissions (A-07, FR-064).
CREATE TABLE apology (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  agency_id uuid NOT NULL REFERENCES agency (id),
  person_id uuid REFERENCES person (id),
  deputy_person_id uuid REFERENCES person (id),
  deputy_briefed boolean,
  written_submission_at timestamptz,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (meeting_id, agency_id)
);

-- The reconciled result the minutes and governance reports read (FR-060, FR-062, KPI-4).
CREATE TABLE attendance_summary (
  meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  agenda_item_id uuid REFERENCES agenda_item (id) ON DELETE CASCADE,
  agency_id uuid REFERENCES agency (id),
  person_id uuid NOT NULL REFERENCES person (id),
  attended_as text NOT NULL,
  present_seconds integer NOT NULL,
  camera_on_seconds integer,
  camera_source text CHECK (camera_source IN ('calling-roster', 'call-record', 'attestation', 'none')),
  late_join boolean NOT NULL DEFAULT false,
  early_leave boolean NOT NULL DEFAULT false,
  computed_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX attendance_summary_key_idx ON attendance_summary (
  meeting_id, coalesce(agenda_item_id, '00000000-0000-0000-0000-000000000000'::uuid), person_id);

-- ---------------------------------------------------------------------------------------------
-- Cards the bot posted into the meeting chat, so they can be updated and redacted at the end.
CREATE TABLE posted_card (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  agenda_item_id uuid REFERENCES agenda_item (id),
  kind text NOT NULL CHECK (kind IN ('case', 'summary', 'notice')),
  conversation_id text NOT NULL,
  activity_id text NOT NULL,
  posted_at timestamptz NOT NULL DEFAULT now(),
  redacted_at timestamptz,
  UNIQUE (conversation_id, activity_id)
);

-- ---------------------------------------------------------------------------------------------
-- Actions (§3.7, §6).
CREATE TABLE action (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  area_id uuid NOT NULL REFERENCES area (id),
  case_id uuid NOT NULL REFERENCES marac_case (id),
  meeting_id uuid REFERENCES meeting (id),
  agenda_item_id uuid REFERENCES agenda_item (id),
  -- Human reference used in mail, cards and chat instead of any case content, e.g. "A-0142".
  reference text NOT NULL,
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  owner_person_id uuid REFERENCES person (id),
  description text NOT NULL,
  category text NOT NULL CHECK (category IN ('victim', 'children', 'perpetrator', 'staff', 'other')),
  action_type text,
  linked_process text,
  is_joint boolean NOT NULL DEFAULT false,
  partner_agency_ids uuid[] NOT NULL DEFAULT '{}',
  due_on date NOT NULL,
  due_overridden boolean NOT NULL DEFAULT false,
  state text NOT NULL DEFAULT 'volunteered' CHECK (state IN (
    'volunteered', 'rejected', 'open', 'done', 'not-achievable')),
  not_achievable_reason text,
  completion_evidence text,
  completed_on date,
  completed_at timestamptz,
  completed_by uuid REFERENCES person (id),
  confirmation_source text CHECK (confirmation_source IN ('in-app', 'email', 'recorded-by-coordinator')),
  volunteered_by uuid REFERENCES person (id),
  volunteered_at timestamptz,
  confirmed_by uuid REFERENCES person (id),
  confirmed_at timestamptz,
  perpetrator_warning_acknowledged_by uuid REFERENCES person (id),
  perpetrator_warning_acknowledged_at timestamptz,
  escalation_level integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (area_id, reference)
);
CREATE INDEX action_case_idx ON action (case_id);
CREATE INDEX action_meeting_idx ON action (meeting_id);
CREATE INDEX action_owner_agency_idx ON action (owner_agency_id, state);
-- The daily chase scan reads open actions by due date (issue 6 benchmark).
CREATE INDEX action_open_due_idx ON action (due_on, area_id) WHERE state = 'open';

CREATE TABLE action_history (
  id bigserial PRIMARY KEY,
  action_id uuid NOT NULL REFERENCES action (id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_person_id uuid REFERENCES person (id),
  event text NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX action_history_action_idx ON action_history (action_id, id);
CREATE TRIGGER action_history_append_only BEFORE UPDATE OR DELETE ON action_history
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER action_history_no_truncate BEFORE TRUNCATE ON action_history
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

-- One chaser per action per ladder step (exactly-once chasing, issue 6).
CREATE TABLE chase_step (
  action_id uuid NOT NULL REFERENCES action (id),
  step text NOT NULL,
  recipient_person_id uuid REFERENCES person (id),
  recipient_email text NOT NULL,
  outbox_id uuid,
  due_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (action_id, step, recipient_email)
);

-- ---------------------------------------------------------------------------------------------
-- Transactional outbox for Graph mail: written in the same transaction as the change that
-- causes it, sent by a worker with the idempotency key in an x- header (issue 6).
CREATE TABLE outbox_mail (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  idempotency_key text NOT NULL UNIQUE,
  purpose text NOT NULL,
  mailbox text,
  to_recipients jsonb NOT NULL,
  cc_recipients jsonb NOT NULL DEFAULT '[]'::jsonb,
  subject text NOT NULL,
  body_html text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  not_before timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  sent_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_mail_pending_idx ON outbox_mail (not_before) WHERE state IN ('pending', 'sending');

-- ---------------------------------------------------------------------------------------------
-- Minutes (§3.9) generation records; the content is rendered from meeting data on demand.
CREATE TABLE minutes_export (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meeting (id),
  format text NOT NULL CHECK (format IN ('docx', 'view')),
  exported_by uuid REFERENCES person (id),
  exported_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------
-- Audit log (FR-104, IS-19): who did what to which record, when. Append-only; never personal
-- data in `detail` (ids and counts only).
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  area_id uuid REFERENCES area (id),
  actor_person_id uuid REFERENCES person (id),
  actor_kind text NOT NULL DEFAULT 'person' CHECK (actor_kind IN ('person', 'system', 'job')),
  action text NOT NULL,
  record_type text NOT NULL,
  record_id text,
  meeting_id uuid REFERENCES meeting (id),
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_record_idx ON audit_log (record_type, record_id);
CREATE INDEX audit_log_area_at_idx ON audit_log (area_id, at);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

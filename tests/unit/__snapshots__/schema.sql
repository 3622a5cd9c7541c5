-- index accounts_name
CREATE UNIQUE INDEX accounts_name ON accounts (name);

-- index activity_participants_volunteer
CREATE INDEX activity_participants_volunteer ON activity_participants (volunteer_id, activity_id);

-- index assessment_items_category
CREATE INDEX assessment_items_category ON assessment_items (category_id, seq);

-- index assessment_templates_one_draft
CREATE UNIQUE INDEX assessment_templates_one_draft ON assessment_templates (lineage_id) WHERE status = 'draft';

-- index assessments_company
CREATE INDEX assessments_company ON assessments (company_id, period);

-- index assessments_estate
CREATE INDEX assessments_estate ON assessments (estate_id, period);

-- index assessments_template
CREATE INDEX assessments_template ON assessments (template_id);

-- index audit_log_action_seq
CREATE INDEX audit_log_action_seq ON audit_log (action, seq);

-- index audit_log_at
CREATE INDEX audit_log_at ON audit_log (at);

-- index audit_log_entity
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);

-- index audit_log_entity_seq
CREATE INDEX audit_log_entity_seq ON audit_log (entity, seq);

-- index audit_log_operator_seq
CREATE INDEX audit_log_operator_seq ON audit_log (operator, seq);

-- index audit_log_seq
CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);

-- index care_households_building
CREATE INDEX care_households_building ON care_households (building_id);

-- index care_households_member
CREATE INDEX care_households_member ON care_households (member_id) WHERE member_id IS NOT NULL;

-- index care_visits_household
CREATE INDEX care_visits_household ON care_visits (household_id, visited_on);

-- index committee_members_by_member
CREATE INDEX committee_members_by_member ON committee_members (member_id) WHERE member_id IS NOT NULL;

-- index committee_members_member
CREATE UNIQUE INDEX committee_members_member ON committee_members (term_id, member_id) WHERE member_id IS NOT NULL;

-- index committee_members_term
CREATE INDEX committee_members_term ON committee_members (term_id, seq);

-- index committee_terms_ends
CREATE INDEX committee_terms_ends ON committee_terms (ends_on);

-- index committee_terms_estate
CREATE INDEX committee_terms_estate ON committee_terms (estate_id, starts_on);

-- index consolidated_requests_street
CREATE INDEX consolidated_requests_street ON consolidated_rows
        (json_extract(COALESCE(local_record, record), '$.dueOn'), unit_code, record_id)
        WHERE table_name = 'requests.requests' AND json_extract(COALESCE(local_record, record), '$.handlerKind') = 'street';

-- index consolidation_conflicts_pending
CREATE UNIQUE INDEX consolidation_conflicts_pending ON consolidation_conflicts (unit_code, table_name, record_id)
        WHERE status = 'pending';

-- index consolidation_conflicts_status
CREATE INDEX consolidation_conflicts_status ON consolidation_conflicts (status, detected_at);

-- index elevator_checklist_items_name
CREATE UNIQUE INDEX elevator_checklist_items_name ON elevator_checklist_items (level, name);

-- index elevator_faults_elevator
CREATE INDEX elevator_faults_elevator ON elevator_faults (elevator_id, alarm_at);

-- index elevator_faults_entrapments
CREATE INDEX elevator_faults_entrapments ON elevator_faults (alarm_at) WHERE people_trapped > 0;

-- index elevator_maintenance_elevator
CREATE INDEX elevator_maintenance_elevator ON elevator_maintenance (elevator_id, kind, done_on);

-- index elevator_maintenance_history
CREATE INDEX elevator_maintenance_history ON elevator_maintenance (elevator_id, done_on);

-- index elevators_estate
CREATE INDEX elevators_estate ON elevators (estate_id, building_id, unit_no);

-- index elevators_inspection
CREATE INDEX elevators_inspection ON elevators (next_inspection_on) WHERE status = 'in_service';

-- index elevators_last_routine
CREATE INDEX elevators_last_routine ON elevators (last_routine_on, id);

-- index elevators_next_inspection
CREATE INDEX elevators_next_inspection ON elevators (COALESCE(next_inspection_on, '9999-12-31'), id);

-- index elevators_routine_due
CREATE INDEX elevators_routine_due ON elevators (routine_due_on) WHERE status = 'in_service';

-- index fund_accounts_place_active
CREATE UNIQUE INDEX fund_accounts_place_active ON fund_accounts (estate_id, COALESCE(building_id, '')) WHERE status = 'active';

-- index fund_bank_line_entries_of
CREATE INDEX fund_bank_line_entries_of ON fund_bank_line_entries (reconciliation_id);

-- index fund_campaign_grants_campaign
CREATE INDEX fund_campaign_grants_campaign ON fund_campaign_grants (campaign_id);

-- index fund_campaign_payments_household
CREATE INDEX fund_campaign_payments_household ON fund_campaign_payments (household_id);

-- index fund_campaigns_account
CREATE INDEX fund_campaigns_account ON fund_campaigns (account_id, status);

-- index fund_disclosures_account
CREATE INDEX fund_disclosures_account ON fund_disclosures (account_id, period_to);

-- index fund_entries_journal
CREATE INDEX fund_entries_journal ON fund_entries (account_id, status, on_date, seq, effect);

-- index fund_grant_applications_of
CREATE INDEX fund_grant_applications_of ON fund_grant_applications (account_id, status);

-- index fund_grant_payments_of
CREATE INDEX fund_grant_payments_of ON fund_grant_payments (application_id);

-- index fund_reconciliation_items_entry
CREATE INDEX fund_reconciliation_items_entry ON fund_reconciliation_items (entry_id) WHERE entry_id IS NOT NULL;

-- index fund_reconciliation_signoffs_of
CREATE INDEX fund_reconciliation_signoffs_of ON fund_reconciliation_signoffs (reconciliation_id);

-- index fund_signatories_account
CREATE INDEX fund_signatories_account ON fund_signatories (account_id, side, status);

-- index fund_signoffs_entry
CREATE INDEX fund_signoffs_entry ON fund_signoffs (entry_id, side);

-- index grid_buildings_grid
CREATE INDEX grid_buildings_grid ON grid_buildings (grid_id);

-- index import_history_register
CREATE INDEX import_history_register ON import_history (register, created_at);

-- index import_history_sha
CREATE INDEX import_history_sha ON import_history (sha256, created_at);

-- index joint_meeting_attendees_meeting
CREATE INDEX joint_meeting_attendees_meeting ON joint_meeting_attendees (meeting_id, seq);

-- index joint_meeting_topics_meeting
CREATE INDEX joint_meeting_topics_meeting ON joint_meeting_topics (meeting_id, seq);

-- index joint_meetings_date
CREATE INDEX joint_meetings_date ON joint_meetings (held_on);

-- index joint_meetings_estate
CREATE INDEX joint_meetings_estate ON joint_meetings (estate_id, held_on);

-- index joint_resolutions_meeting
CREATE INDEX joint_resolutions_meeting ON joint_resolutions (meeting_id, seq);

-- index joint_resolutions_unfinished
CREATE INDEX joint_resolutions_unfinished ON joint_resolutions (due_on) WHERE status IN ('open', 'in_progress');

-- index meeting_attendance_by_member
CREATE INDEX meeting_attendance_by_member ON meeting_attendance (member_id);

-- index meeting_attendance_meeting
CREATE INDEX meeting_attendance_meeting ON meeting_attendance (meeting_id, seq);

-- index meeting_attendance_member
CREATE UNIQUE INDEX meeting_attendance_member ON meeting_attendance (meeting_id, member_id)
        WHERE member_id IS NOT NULL;

-- index meeting_resolutions_meeting
CREATE INDEX meeting_resolutions_meeting ON meeting_resolutions (meeting_id, seq);

-- index meeting_resolutions_open
CREATE INDEX meeting_resolutions_open ON meeting_resolutions (status, due_on);

-- index meetings_date
CREATE INDEX meetings_date ON meetings (held_on, type, org_id);

-- index meetings_held
CREATE INDEX meetings_held ON meetings (held_on, id);

-- index meetings_org
CREATE INDEX meetings_org ON meetings (org_id, held_on);

-- index meetings_type_held
CREATE INDEX meetings_type_held ON meetings (type, held_on, id);

-- index member_events_date
CREATE INDEX member_events_date ON member_events (on_date, kind, member_id);

-- index member_events_member
CREATE INDEX member_events_member ON member_events (member_id, on_date);

-- index members_id_category
CREATE INDEX members_id_category ON members (id, category, org_id);

-- index members_id_number
CREATE UNIQUE INDEX members_id_number ON members (id_number) WHERE id_number IS NOT NULL;

-- index members_id_tail
CREATE INDEX members_id_tail ON members (substr(id_number, -4));

-- index members_initials
CREATE INDEX members_initials ON members (name_initials);

-- index members_joined
CREATE INDEX members_joined ON members (lifecycle, joined_on DESC, name_pinyin, id);

-- index members_kind
CREATE INDEX members_kind ON members (lifecycle, category, status, is_centre_household, role);

-- index members_left
CREATE INDEX members_left ON members (lifecycle, left_on);

-- index members_name
CREATE INDEX members_name ON members (name);

-- index members_org
CREATE INDEX members_org ON members (org_id, lifecycle, category, status, is_centre_household, name_pinyin, id);

-- index members_phone_tail
CREATE INDEX members_phone_tail ON members (substr(phone, -4));

-- index members_pinyin
CREATE INDEX members_pinyin ON members (lifecycle, name_pinyin, id);

-- index members_pinyin_joined
CREATE INDEX members_pinyin_joined ON members (replace(name_pinyin, ' ', ''));

-- index members_probation
CREATE INDEX members_probation ON members (status, joined_on) WHERE status = 'probationary';

-- index members_role
CREATE INDEX members_role ON members (org_id, role, lifecycle, name_pinyin) WHERE role IS NOT NULL;

-- index org_meeting_months_org
CREATE INDEX org_meeting_months_org ON org_meeting_months (org_id);

-- index orgs_level
CREATE INDEX orgs_level ON orgs (level, status);

-- index orgs_parent
CREATE INDEX orgs_parent ON orgs (parent_id, name_pinyin);

-- index orgs_parent_status
CREATE INDEX orgs_parent_status ON orgs (parent_id, status);

-- index places_initials
CREATE INDEX places_initials ON places (name_initials);

-- index places_parent
CREATE INDEX places_parent ON places (parent_id);

-- index places_pinyin_joined
CREATE INDEX places_pinyin_joined ON places (replace(name_pinyin, ' ', ''));

-- index places_sibling_name
CREATE UNIQUE INDEX places_sibling_name ON places (COALESCE(parent_id, ''), name);

-- index points_applications_live
CREATE UNIQUE INDEX points_applications_live ON points_applications (source_kind, source_id)
        WHERE reversed_at IS NULL;

-- index points_entries_date
CREATE INDEX points_entries_date ON points_entries (on_date, id);

-- index points_entries_org
CREATE INDEX points_entries_org ON points_entries (org_id, on_date, id);

-- index points_entries_person
CREATE INDEX points_entries_person ON points_entries (volunteer_id, on_date, id);

-- index points_entries_seq
CREATE UNIQUE INDEX points_entries_seq ON points_entries (seq);

-- index points_entries_source
CREATE INDEX points_entries_source ON points_entries (source_kind, source_id);

-- index points_org_totals_org
CREATE INDEX points_org_totals_org ON points_org_totals (org_id, year, month);

-- index points_rules_effective
CREATE INDEX points_rules_effective ON points_rules (effective_from, version);

-- index points_totals_rank
CREATE INDEX points_totals_rank ON points_totals (year, quarter, earned DESC, volunteer_id);

-- index property_cards_company
CREATE INDEX property_cards_company ON property_cards (company_id, issued_on);

-- index property_cards_issued
CREATE INDEX property_cards_issued ON property_cards (issued_on);

-- index property_cards_resolution
CREATE INDEX property_cards_resolution ON property_cards (resolution_id) WHERE resolution_id IS NOT NULL;

-- index property_companies_initials
CREATE INDEX property_companies_initials ON property_companies (name_initials);

-- index property_companies_pinyin
CREATE INDEX property_companies_pinyin ON property_companies (name_pinyin);

-- index property_companies_pinyin_joined
CREATE INDEX property_companies_pinyin_joined ON property_companies (replace(name_pinyin, ' ', ''));

-- index property_contracts_company
CREATE INDEX property_contracts_company ON property_contracts (company_id, starts_on);

-- index property_contracts_estate
CREATE INDEX property_contracts_estate ON property_contracts (estate_id, starts_on);

-- index property_fees_estate
CREATE UNIQUE INDEX property_fees_estate ON property_fees (estate_id, period);

-- index property_fees_period
CREATE INDEX property_fees_period ON property_fees (period, receivable_fen, unpaid_fen, arrears_collected_fen);

-- index property_surveys_estate
CREATE UNIQUE INDEX property_surveys_estate ON property_surveys (estate_id, period);

-- index property_surveys_period
CREATE INDEX property_surveys_period ON property_surveys (period, households, reached, satisfied, mostly_satisfied);

-- index redemptions_item
CREATE INDEX redemptions_item ON redemptions (item_id, on_date);

-- index redemptions_person
CREATE INDEX redemptions_person ON redemptions (volunteer_id, on_date);

-- index requests_done
CREATE INDEX requests_done ON requests (done_on) WHERE done_on IS NOT NULL;

-- index requests_grid
CREATE INDEX requests_grid ON requests (grid_id, reported_on, id);

-- index requests_open_due
CREATE INDEX requests_open_due ON requests (due_on) WHERE state IN ('assigned', 'supervised');

-- index requests_publicised
CREATE INDEX requests_publicised ON requests (publicised_on) WHERE publicised_on IS NOT NULL;

-- index requests_reported
CREATE INDEX requests_reported ON requests (reported_on, id);

-- index requests_state
CREATE INDEX requests_state ON requests (state, reported_on, id);

-- index resolution_extensions_resolution
CREATE INDEX resolution_extensions_resolution ON resolution_extensions (resolution_id, created_at);

-- index sent_chain_heads_unit
CREATE INDEX sent_chain_heads_unit ON sent_chain_heads (unit_code, table_name, period);

-- index served_households_member
CREATE INDEX served_households_member ON served_households (member_id);

-- index steward_buildings_building
CREATE INDEX steward_buildings_building ON steward_buildings (building_id);

-- index submissions_at
CREATE INDEX submissions_at ON submissions (at);

-- index volunteer_activities_date
CREATE INDEX volunteer_activities_date ON volunteer_activities (on_date, id);

-- index volunteer_activities_org
CREATE INDEX volunteer_activities_org ON volunteer_activities (organiser_org_id, on_date);

-- index volunteer_honours_once
CREATE UNIQUE INDEX volunteer_honours_once ON volunteer_honours (volunteer_id, title, year, COALESCE(quarter, 0));

-- index volunteer_honours_period
CREATE INDEX volunteer_honours_period ON volunteer_honours (year, quarter);

-- index volunteer_posts_name
CREATE UNIQUE INDEX volunteer_posts_name ON volunteer_posts (COALESCE(org_id, ''), name);

-- index volunteers_id_number
CREATE UNIQUE INDEX volunteers_id_number ON volunteers (id_number) WHERE id_number IS NOT NULL;

-- index volunteers_initials
CREATE INDEX volunteers_initials ON volunteers (name_initials);

-- index volunteers_name
CREATE INDEX volunteers_name ON volunteers (name) WHERE name IS NOT NULL;

-- index volunteers_name_pinyin
CREATE INDEX volunteers_name_pinyin ON volunteers (name_pinyin);

-- index volunteers_org
CREATE INDEX volunteers_org ON volunteers (org_id, active, name_pinyin, id);

-- index volunteers_pinyin
CREATE INDEX volunteers_pinyin ON volunteers (active, name_pinyin, id);

-- index volunteers_post
CREATE INDEX volunteers_post ON volunteers (post_id, org_id);

-- index volunteers_registered
CREATE INDEX volunteers_registered ON volunteers (active, registered_on DESC, name_pinyin, id);

-- index wishes_claimer
CREATE INDEX wishes_claimer ON wishes (claimer_member_id) WHERE claimer_member_id IS NOT NULL;

-- index wishes_published
CREATE INDEX wishes_published ON wishes (published_on, id);

-- index wishes_state
CREATE INDEX wishes_state ON wishes (state, published_on);

-- table accounts
CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'entry', 'reviewer', 'readonly')),
        password_hash TEXT,
        password_set_at TEXT,
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        failed_sign_ins INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
        blocked_until TEXT,
        disabled_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        operator TEXT NOT NULL
      );

-- table activity_participants
CREATE TABLE activity_participants (
        id           TEXT PRIMARY KEY,
        activity_id  TEXT NOT NULL REFERENCES volunteer_activities (id) ON DELETE CASCADE,
        volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
        signed_up    INTEGER NOT NULL DEFAULT 1 CHECK (signed_up IN (0, 1)),
        walk_in      INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1)),
        attendance   TEXT NOT NULL DEFAULT 'pending' CHECK (attendance IN ('pending', 'present', 'absent')),
        hours_tenths INTEGER NOT NULL DEFAULT 0 CHECK (hours_tenths BETWEEN 0 AND 240),
        note         TEXT,
        seq          INTEGER NOT NULL,
        UNIQUE (activity_id, volunteer_id)
      ) STRICT;

-- table assessment_categories
CREATE TABLE assessment_categories (
        id           TEXT PRIMARY KEY,
        template_id  TEXT NOT NULL REFERENCES assessment_templates (id) ON DELETE CASCADE,
        seq          INTEGER NOT NULL,
        name         TEXT NOT NULL,
        points_tenths INTEGER NOT NULL CHECK (points_tenths >= 0),
        UNIQUE (template_id, seq)
      ) STRICT;

-- table assessment_findings
CREATE TABLE assessment_findings (
        id       TEXT PRIMARY KEY,
        score_id TEXT NOT NULL REFERENCES assessment_scores (id) ON DELETE CASCADE,
        seq      INTEGER NOT NULL,
        note     TEXT NOT NULL,
        UNIQUE (score_id, seq)
      ) STRICT;

-- table assessment_items
CREATE TABLE assessment_items (
        id                TEXT PRIMARY KEY,
        template_id       TEXT NOT NULL REFERENCES assessment_templates (id) ON DELETE CASCADE,
        category_id       TEXT NOT NULL REFERENCES assessment_categories (id) ON DELETE CASCADE,
        seq               INTEGER NOT NULL,
        content           TEXT NOT NULL,
        method            TEXT NOT NULL CHECK (method IN ('binary', 'deduction', 'band', 'veto')),
        points_tenths     INTEGER NOT NULL CHECK (points_tenths >= 0),
        per_finding_tenths INTEGER,
        band_full_permille INTEGER,
        band_part_permille INTEGER,
        band_part_tenths  INTEGER,
        rate_kind         TEXT CHECK (rate_kind IN ('collection', 'satisfaction', 'other')),
        guidance          TEXT,
        UNIQUE (template_id, seq),
        CHECK ((method = 'deduction') = (per_finding_tenths IS NOT NULL)),
        CHECK (per_finding_tenths IS NULL OR per_finding_tenths BETWEEN 1 AND points_tenths),
        CHECK ((method = 'band') = (band_full_permille IS NOT NULL AND band_part_permille IS NOT NULL
                                    AND band_part_tenths IS NOT NULL AND rate_kind IS NOT NULL)),
        CHECK (band_full_permille IS NULL OR (band_part_permille BETWEEN 0 AND band_full_permille AND band_full_permille <= 1000)),
        CHECK (band_part_tenths IS NULL OR band_part_tenths BETWEEN 0 AND points_tenths),
        CHECK (method <> 'veto' OR points_tenths = 0)
      ) STRICT;

-- table assessment_lists
CREATE TABLE assessment_lists (
        id            TEXT PRIMARY KEY,
        period        TEXT NOT NULL,
        revision      INTEGER NOT NULL CHECK (revision >= 1),
        reason        TEXT,
        rule_json     TEXT NOT NULL,
        entries_json  TEXT NOT NULL,
        entries_sha256 TEXT NOT NULL CHECK (length(entries_sha256) = 64),
        published_at  TEXT NOT NULL,
        operator      TEXT NOT NULL,
        UNIQUE (period, revision),
        CHECK ((revision = 1) = (reason IS NULL))
      ) STRICT;

-- table assessment_scores
CREATE TABLE assessment_scores (
        id              TEXT PRIMARY KEY,
        sheet_id        TEXT NOT NULL REFERENCES assessment_sheets (id) ON DELETE CASCADE,
        item_id         TEXT NOT NULL REFERENCES assessment_items (id),
        met             INTEGER CHECK (met IN (0, 1)),
        rate_permille   INTEGER CHECK (rate_permille BETWEEN 0 AND 1000),
        vetoed          INTEGER CHECK (vetoed IN (0, 1)),
        veto_note       TEXT,
        standard_tenths INTEGER NOT NULL,
        score_tenths    INTEGER NOT NULL,
        UNIQUE (sheet_id, item_id),
        CHECK (score_tenths BETWEEN 0 AND standard_tenths),
        CHECK (vetoed IS NOT 1 OR veto_note IS NOT NULL)
      ) STRICT;

-- table assessment_sheets
CREATE TABLE assessment_sheets (
        id            TEXT PRIMARY KEY,
        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        body          TEXT NOT NULL CHECK (body IN ('street', 'residents_committee', 'housing_bureau', 'owners_committee', 'third_party')),
        assessor      TEXT,
        scored_on     TEXT NOT NULL,
        total_tenths  INTEGER NOT NULL CHECK (total_tenths >= 0),
        vetoed        INTEGER NOT NULL CHECK (vetoed IN (0, 1)),

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        UNIQUE (assessment_id, body)
      ) STRICT;

-- table assessment_templates
CREATE TABLE assessment_templates (
        id           TEXT PRIMARY KEY,
        -- The first version's id: every version of one sheet shares it.
        lineage_id   TEXT NOT NULL,
        version      INTEGER NOT NULL CHECK (version >= 1),
        name         TEXT NOT NULL,
        total_tenths INTEGER NOT NULL CHECK (total_tenths > 0),
        status       TEXT NOT NULL CHECK (status IN ('draft', 'published')),
        published_at TEXT,
        note         TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        UNIQUE (lineage_id, version),
        CHECK ((status = 'published') = (published_at IS NOT NULL))
      ) STRICT;

-- table assessments
CREATE TABLE assessments (
        id          TEXT PRIMARY KEY,
        period      TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-H[12]'
                                         OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]' OR period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        estate_id   TEXT NOT NULL REFERENCES property_estates (place_id),
        company_id  TEXT NOT NULL REFERENCES property_companies (id),
        template_id TEXT NOT NULL REFERENCES assessment_templates (id),
        note        TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        UNIQUE (period, estate_id, company_id)
      ) STRICT;

-- table audit_log
CREATE TABLE audit_log (
        id        TEXT PRIMARY KEY,
        at        TEXT NOT NULL,
        operator  TEXT NOT NULL,
        action    TEXT NOT NULL,
        entity    TEXT NOT NULL,
        entity_id TEXT,
        before    TEXT,
        after     TEXT
      , seq INTEGER, hash TEXT) STRICT;

-- table audit_search
CREATE VIRTUAL TABLE audit_search USING fts5(body, tokenize = 'trigram');

-- table audit_search_config
CREATE TABLE 'audit_search_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table audit_search_content
CREATE TABLE 'audit_search_content'(id INTEGER PRIMARY KEY, c0);

-- table audit_search_data
CREATE TABLE 'audit_search_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table audit_search_docsize
CREATE TABLE 'audit_search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table audit_search_idx
CREATE TABLE 'audit_search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table branch_ratings
CREATE TABLE branch_ratings (
        id       TEXT PRIMARY KEY,
        org_id   TEXT NOT NULL REFERENCES orgs (id),
        year     INTEGER NOT NULL,
        stars    INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
        reasons  TEXT NOT NULL,
        rated_on TEXT NOT NULL,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        UNIQUE (org_id, year)
      ) STRICT;

-- table care_households
CREATE TABLE care_households (
        id            TEXT PRIMARY KEY,
        building_id   TEXT NOT NULL REFERENCES places (id),
        room          TEXT CHECK (room IS NULL OR length(room) BETWEEN 1 AND 40),
        category      TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 40),
        colour        TEXT NOT NULL CHECK (colour IN ('red', 'yellow', 'green')),
        person_name   TEXT NOT NULL CHECK (length(person_name) BETWEEN 1 AND 40),
        person_phone  TEXT,
        id_number     TEXT,
        situation     TEXT CHECK (situation IS NULL OR length(situation) <= 500),
        member_id     TEXT REFERENCES members (id),
        registered_on TEXT NOT NULL,
        closed_on     TEXT,
        closed_reason TEXT CHECK (closed_reason IS NULL OR length(closed_reason) BETWEEN 1 AND 200),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        operator      TEXT NOT NULL,
        CHECK ((closed_on IS NULL) = (closed_reason IS NULL))
      ) STRICT;

-- table care_visits
CREATE TABLE care_visits (
        id                TEXT PRIMARY KEY,
        household_id      TEXT NOT NULL REFERENCES care_households (id),
        visited_on        TEXT NOT NULL,
        visitor_member_id TEXT REFERENCES members (id),
        visitor_name      TEXT NOT NULL CHECK (length(visitor_name) BETWEEN 1 AND 40),
        content           TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 1000),
        follow_up         TEXT CHECK (follow_up IS NULL OR length(follow_up) <= 500),
        corrects_id       TEXT UNIQUE REFERENCES care_visits (id),
        correction_reason TEXT CHECK (correction_reason IS NULL OR length(correction_reason) BETWEEN 1 AND 200),
        created_at        TEXT NOT NULL,
        operator          TEXT NOT NULL,
        CHECK ((corrects_id IS NULL) = (correction_reason IS NULL))
      ) STRICT;

-- table committee_members
CREATE TABLE committee_members (
        id                     TEXT PRIMARY KEY,
        term_id                TEXT NOT NULL REFERENCES committee_terms (id) ON DELETE CASCADE,
        seq                    INTEGER NOT NULL,
        member_id              TEXT REFERENCES members (id),
        name                   TEXT,
        role                   TEXT NOT NULL CHECK (role IN ('chair', 'vice_chair', 'member')),
        is_party_member        INTEGER NOT NULL CHECK (is_party_member IN (0, 1)),
        on_residents_committee INTEGER NOT NULL DEFAULT 0 CHECK (on_residents_committee IN (0, 1)),
        CHECK ((member_id IS NULL) = (name IS NOT NULL)),
        CHECK (member_id IS NULL OR is_party_member = 1)
      ) STRICT;

-- table committee_terms
CREATE TABLE committee_terms (
        id               TEXT PRIMARY KEY,
        estate_id        TEXT NOT NULL REFERENCES property_estates (place_id),
        term_no          INTEGER NOT NULL CHECK (term_no BETWEEN 1 AND 99),
        elected_on       TEXT NOT NULL,
        starts_on        TEXT NOT NULL,
        ends_on          TEXT NOT NULL,
        filed_on         TEXT,
        first_meeting_on TEXT,
        note             TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        UNIQUE (estate_id, term_no),
        CHECK (starts_on >= elected_on),
        CHECK (ends_on > starts_on AND ends_on <= date(starts_on, '+5 years')),
        CHECK (filed_on IS NULL OR filed_on >= elected_on),
        CHECK (first_meeting_on IS NULL OR first_meeting_on >= elected_on)
      ) STRICT;

-- table consolidated_coverage
CREATE TABLE consolidated_coverage (
        unit_code          TEXT NOT NULL REFERENCES consolidated_units (code),
        table_name         TEXT NOT NULL,
        package_created_at TEXT NOT NULL,
        package_id         TEXT NOT NULL,
        coverage           TEXT NOT NULL,
        PRIMARY KEY (unit_code, table_name, package_created_at)
      ) STRICT, WITHOUT ROWID;

-- table consolidated_figures
CREATE TABLE consolidated_figures (
        unit_code  TEXT NOT NULL,
        table_name TEXT NOT NULL,
        figure     TEXT NOT NULL,
        n          INTEGER NOT NULL,
        PRIMARY KEY (unit_code, table_name, figure)
      ) STRICT, WITHOUT ROWID;

-- table consolidated_rows
CREATE TABLE consolidated_rows (
        unit_code          TEXT NOT NULL REFERENCES consolidated_units (code),
        table_name         TEXT NOT NULL,
        record_id          TEXT NOT NULL,
        record             TEXT NOT NULL,
        source_updated_at  TEXT NOT NULL,
        package_id         TEXT NOT NULL,
        package_created_at TEXT NOT NULL,
        imported_at        TEXT NOT NULL,
        local_record       TEXT,
        local_edited_at    TEXT,
        local_operator     TEXT,
        removed_at         TEXT,
        PRIMARY KEY (unit_code, table_name, record_id)
      ) STRICT, WITHOUT ROWID;

-- table consolidated_units
CREATE TABLE consolidated_units (
        code               TEXT PRIMARY KEY,
        level              TEXT NOT NULL,
        name               TEXT NOT NULL,
        period             TEXT NOT NULL,
        package_id         TEXT NOT NULL,
        package_created_at TEXT NOT NULL,
        imported_at        TEXT NOT NULL
      , parent_code TEXT) STRICT;

-- table consolidation_conflicts
CREATE TABLE consolidation_conflicts (
        id                 TEXT PRIMARY KEY,
        unit_code          TEXT NOT NULL,
        table_name         TEXT NOT NULL,
        record_id          TEXT NOT NULL,
        incoming_record    TEXT,
        incoming_updated_at TEXT,
        package_id         TEXT NOT NULL,
        package_created_at TEXT NOT NULL,
        detected_at        TEXT NOT NULL,
        status             TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'kept_mine', 'took_theirs')),
        resolved_at        TEXT,
        resolved_by        TEXT,
        FOREIGN KEY (unit_code, table_name, record_id) REFERENCES consolidated_rows (unit_code, table_name, record_id)
      ) STRICT;

-- table elevator_checklist_items
CREATE TABLE elevator_checklist_items (
        code       TEXT PRIMARY KEY CHECK (code GLOB 'A[34]-[0-9][0-9]'),
        level      TEXT NOT NULL CHECK (level IN ('half_yearly', 'yearly')),
        name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        retired_at TEXT,
        created_at TEXT NOT NULL,
        operator   TEXT NOT NULL,
        CHECK (substr(code, 1, 2) = CASE level WHEN 'half_yearly' THEN 'A3' ELSE 'A4' END)
      ) STRICT;

-- table elevator_faults
CREATE TABLE elevator_faults (
        id               TEXT PRIMARY KEY,
        elevator_id      TEXT NOT NULL REFERENCES elevators (id),
        alarm_at         TEXT NOT NULL CHECK (alarm_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'),
        arrived_at       TEXT NOT NULL CHECK (arrived_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'),
        released_at      TEXT CHECK (released_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'),
        people_trapped   INTEGER NOT NULL CHECK (people_trapped BETWEEN 0 AND 100),
        cause            TEXT NOT NULL CHECK (cause IN ('door', 'human', 'power', 'control_circuit', 'other')),
        rescuer          TEXT NOT NULL,
        response_minutes INTEGER GENERATED ALWAYS AS (CAST(round((julianday(arrived_at) - julianday(alarm_at)) * 1440) AS INTEGER)) STORED,
        note             TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        CHECK (arrived_at >= alarm_at),
        CHECK (released_at IS NULL OR released_at >= arrived_at),
        CHECK (people_trapped = 0 OR released_at IS NOT NULL)
      ) STRICT;

-- table elevator_maintenance
CREATE TABLE elevator_maintenance (
        id                 TEXT PRIMARY KEY,
        elevator_id        TEXT NOT NULL REFERENCES elevators (id),
        done_on            TEXT NOT NULL,
        kind               TEXT NOT NULL CHECK (kind IN ('half_monthly', 'quarterly', 'half_yearly', 'yearly', 'on_demand', 'repair', 'self_inspection', 'periodic_inspection')),
        result             TEXT CHECK (result IN ('pass', 'pass_after_fix', 'fail')),
        next_inspection_on TEXT,
        company            TEXT NOT NULL,
        worker1            TEXT NOT NULL,
        worker2            TEXT,
        items              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(items) AND json_type(items) = 'array'),
        findings           TEXT,
        parts_replaced     TEXT,
        signed_by          TEXT,
        signed_on          TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        CHECK ((signed_by IS NULL) = (signed_on IS NULL)),
        CHECK (signed_on IS NULL OR signed_on >= done_on),
        CHECK ((kind = 'periodic_inspection') = (result IS NOT NULL)),
        CHECK (next_inspection_on IS NULL OR (kind = 'periodic_inspection' AND next_inspection_on > done_on)),
        CHECK (kind NOT IN ('half_monthly', 'quarterly', 'half_yearly', 'yearly', 'on_demand') OR worker2 IS NOT NULL)
      ) STRICT;

-- table elevators
CREATE TABLE elevators (
        id                 TEXT PRIMARY KEY,
        estate_id          TEXT NOT NULL REFERENCES places (id),
        building_id        TEXT NOT NULL REFERENCES places (id),
        unit_no            INTEGER CHECK (unit_no BETWEEN 1 AND 99),
        car_label          TEXT,
        reg_code           TEXT NOT NULL UNIQUE CHECK (length(reg_code) BETWEEN 1 AND 40),
        device_code        TEXT,
        use_cert_no        TEXT,
        rescue_phone       TEXT,
        make               TEXT,
        model              TEXT,
        type               TEXT NOT NULL CHECK (type IN ('passenger', 'freight', 'hydraulic', 'escalator', 'dumbwaiter', 'other')),
        floors             INTEGER CHECK (floors BETWEEN 2 AND 200),
        speed_cms          INTEGER CHECK (speed_cms BETWEEN 1 AND 2000),
        installed_on       TEXT,
        maintainer         TEXT,
        maintainer_phone   TEXT,
        contract_fen_month INTEGER CHECK (contract_fen_month >= 0),
        contract_starts_on TEXT,
        contract_ends_on   TEXT,
        status             TEXT NOT NULL CHECK (status IN ('in_service', 'stopped', 'retired')),
        next_inspection_on TEXT,
        interval_days      INTEGER NOT NULL DEFAULT 15 CHECK (interval_days BETWEEN 1 AND 90),
        last_routine_on    TEXT,
        routine_due_on     TEXT GENERATED ALWAYS AS (COALESCE(date(last_routine_on, '+' || interval_days || ' days'), '')) STORED,
        note               TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        CHECK (contract_ends_on IS NULL OR contract_starts_on IS NULL OR contract_ends_on >= contract_starts_on)
      ) STRICT;

-- table fund_accounts
CREATE TABLE fund_accounts (
        id              TEXT PRIMARY KEY,
        estate_id       TEXT NOT NULL REFERENCES places (id),
        name            TEXT NOT NULL,
        bank_name       TEXT,
        bank_account    TEXT,
        opening_balance INTEGER NOT NULL CHECK (opening_balance >= 0),
        opened_on       TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('active', 'closed')),
        note            TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL
      , building_id TEXT REFERENCES places (id)) STRICT;

-- table fund_attachments
CREATE TABLE fund_attachments (
        sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        file_name  TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        mime       TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
        bytes      INTEGER NOT NULL CHECK (bytes BETWEEN 1 AND 5242880),
        content    BLOB NOT NULL CHECK (length(content) = bytes),
        personal   INTEGER NOT NULL DEFAULT 0 CHECK (personal IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        operator   TEXT NOT NULL
      ) STRICT;

-- table fund_bank_line_entries
CREATE TABLE fund_bank_line_entries (
        entry_id          TEXT PRIMARY KEY REFERENCES fund_entries (id),
        reconciliation_id TEXT NOT NULL REFERENCES fund_reconciliations (id),
        on_date           TEXT NOT NULL,
        direction         TEXT NOT NULL CHECK (direction IN ('income', 'expense')),
        amount            INTEGER NOT NULL CHECK (amount > 0),
        note              TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        operator          TEXT NOT NULL
      ) STRICT;

-- table fund_campaign_floor_coefficients
CREATE TABLE fund_campaign_floor_coefficients (
        campaign_id            TEXT NOT NULL REFERENCES fund_campaigns (id),
        floor                  INTEGER NOT NULL CHECK (floor BETWEEN 1 AND 200),
        -- Hundredths: 1.05 = 105; 0 lets a floor share nothing.
        coefficient_hundredths INTEGER NOT NULL CHECK (coefficient_hundredths BETWEEN 0 AND 10000),
        PRIMARY KEY (campaign_id, floor)
      ) STRICT;

-- table fund_campaign_grants
CREATE TABLE fund_campaign_grants (
        entry_id    TEXT PRIMARY KEY REFERENCES fund_entries (id),
        campaign_id TEXT NOT NULL REFERENCES fund_campaigns (id),
        kind        TEXT NOT NULL CHECK (kind IN ('subsidy', 'maintenance_grant')),
        amount      INTEGER NOT NULL CHECK (amount > 0),
        created_at  TEXT NOT NULL,
        operator    TEXT NOT NULL
      ) STRICT;

-- table fund_campaign_households
CREATE TABLE fund_campaign_households (
        id              TEXT PRIMARY KEY,
        campaign_id     TEXT NOT NULL REFERENCES fund_campaigns (id),
        position        INTEGER NOT NULL,
        room            TEXT NOT NULL,
        owner_name      TEXT NOT NULL,
        area_hundredths INTEGER CHECK (area_hundredths > 0),
        -- The household's share of the owners' part, from the campaign's scheme; fixed once the campaign is made.
        share           INTEGER NOT NULL CHECK (share >= 0),
        pledged         INTEGER NOT NULL DEFAULT 0 CHECK (pledged >= 0),
        pledged_on      TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL, floor INTEGER CHECK (floor BETWEEN 1 AND 200), weight_hundredths INTEGER CHECK (weight_hundredths >= 0),
        UNIQUE (campaign_id, room),
        UNIQUE (campaign_id, position)
      ) STRICT;

-- table fund_campaign_payments
CREATE TABLE fund_campaign_payments (
        entry_id     TEXT PRIMARY KEY REFERENCES fund_entries (id),
        campaign_id  TEXT NOT NULL REFERENCES fund_campaigns (id),
        household_id TEXT NOT NULL REFERENCES fund_campaign_households (id),
        receipt_no   TEXT NOT NULL,
        amount       INTEGER NOT NULL CHECK (amount > 0),
        created_at   TEXT NOT NULL,
        operator     TEXT NOT NULL,
        UNIQUE (campaign_id, receipt_no)
      ) STRICT;

-- table fund_campaigns
CREATE TABLE fund_campaigns (
        id           TEXT PRIMARY KEY,
        account_id   TEXT NOT NULL REFERENCES fund_accounts (id),
        title        TEXT NOT NULL,
        purpose      TEXT NOT NULL,
        target       INTEGER NOT NULL CHECK (target > 0),
        -- The funding mix, in fen: owners, government subsidy, maintenance-fund grant, the fund's own balance.
        owners_part  INTEGER NOT NULL CHECK (owners_part >= 0),
        subsidy_part INTEGER NOT NULL CHECK (subsidy_part >= 0),
        grant_part   INTEGER NOT NULL CHECK (grant_part >= 0),
        balance_part INTEGER NOT NULL CHECK (balance_part >= 0),
        scheme       TEXT NOT NULL CHECK (scheme IN ('equal', 'area', 'floor_area', 'custom')),
        status       TEXT NOT NULL CHECK (status IN ('open', 'closed')),

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        CHECK (owners_part + subsidy_part + grant_part + balance_part = target)
      ) STRICT;

-- table fund_categories
CREATE TABLE fund_categories (
        direction TEXT NOT NULL CHECK (direction IN ('income', 'expense')),
        code      TEXT NOT NULL,
        label     TEXT NOT NULL,
        position  INTEGER NOT NULL, retired_at TEXT,
        PRIMARY KEY (direction, code)
      ) STRICT, WITHOUT ROWID;

-- table fund_disclosures
CREATE TABLE fund_disclosures (
        id          TEXT PRIMARY KEY,
        account_id  TEXT NOT NULL REFERENCES fund_accounts (id),
        -- The period the statement covers, and the 公示期 it is posted for.
        period_from TEXT NOT NULL,
        period_to   TEXT NOT NULL,
        notice_from TEXT NOT NULL,
        notice_to   TEXT NOT NULL,
        made_on     TEXT NOT NULL,
        -- The figures printed, in fen.
        opening     INTEGER NOT NULL,
        income      INTEGER NOT NULL,
        expense     INTEGER NOT NULL,
        closing     INTEGER NOT NULL,
        -- The chain head printed on the statement (seq 0: nothing posted yet).
        head_seq    INTEGER NOT NULL CHECK (head_seq >= 0),
        head_hash   TEXT NOT NULL CHECK (length(head_hash) = 64),
        file_name   TEXT NOT NULL,
        file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
        created_at  TEXT NOT NULL,
        operator    TEXT NOT NULL,
        CHECK (period_from <= period_to),
        CHECK (notice_from <= notice_to),
        CHECK (closing = opening + income - expense)
      ) STRICT;

-- table fund_entries
CREATE TABLE fund_entries (
        id                   TEXT PRIMARY KEY,
        account_id           TEXT NOT NULL REFERENCES fund_accounts (id),
        seq                  INTEGER,
        hash                 TEXT,
        on_date              TEXT NOT NULL,
        direction            TEXT NOT NULL,
        category             TEXT NOT NULL,
        -- Fen, positive; a reversal (冲正) keeps the original's direction and category with the amount negated,
        -- so original + reversal net to zero in every total by direction and category.
        amount               INTEGER NOT NULL CHECK (amount <> 0 AND (amount > 0) = (reverses_id IS NULL)),
        -- What the entry does to the balance.
        effect               INTEGER GENERATED ALWAYS AS (CASE direction WHEN 'income' THEN amount ELSE -amount END) VIRTUAL,
        counterparty         TEXT,
        voucher_no           TEXT,
        purpose              TEXT NOT NULL,
        elevators            TEXT NOT NULL CHECK (json_valid(elevators) AND json_type(elevators) = 'array'),
        attachments          TEXT NOT NULL CHECK (json_valid(attachments) AND json_type(attachments) = 'array'),
        reverses_id          TEXT UNIQUE REFERENCES fund_entries (id),
        override_reason      TEXT,
        status               TEXT NOT NULL CHECK (status IN ('draft', 'posted', 'voided')),
        company_signoff_id   TEXT REFERENCES fund_signoffs (id),
        committee_signoff_id TEXT REFERENCES fund_signoffs (id),
        -- SHA-256 of the request that made the entry: the same id with other content is a conflict.
        request_hash         TEXT NOT NULL,
        posted_at            TEXT,
        posted_by            TEXT,
        void_reason          TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        FOREIGN KEY (direction, category) REFERENCES fund_categories (direction, code),
        UNIQUE (account_id, seq),
        CHECK ((status = 'posted') = (seq IS NOT NULL AND hash IS NOT NULL AND posted_at IS NOT NULL)),
        CHECK ((status = 'voided') = (void_reason IS NOT NULL))
      ) STRICT;

-- table fund_fee_allocations
CREATE TABLE fund_fee_allocations (
        entry_id        TEXT PRIMARY KEY REFERENCES fund_entries (id),
        account_id      TEXT NOT NULL REFERENCES fund_accounts (id),
        month           TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        -- What it was computed from, as it stood that day (the settings and the estate's area may change later).
        rate_fen        INTEGER NOT NULL CHECK (rate_fen > 0),
        area_hundredths INTEGER NOT NULL CHECK (area_hundredths > 0),
        share_num       INTEGER NOT NULL CHECK (share_num > 0),
        share_den       INTEGER NOT NULL CHECK (share_den >= share_num),
        -- The month's fee (rate × area, rounded half up to the fen) and the fund's part of it; the company keeps the rest.
        fee_fen         INTEGER NOT NULL CHECK (fee_fen >= 0),
        amount          INTEGER NOT NULL CHECK (amount > 0 AND amount <= fee_fen),
        created_at      TEXT NOT NULL,
        operator        TEXT NOT NULL,
        UNIQUE (account_id, month)
      ) STRICT;

-- table fund_fee_settings
CREATE TABLE fund_fee_settings (
        account_id TEXT PRIMARY KEY REFERENCES fund_accounts (id),
        -- Fen per m² of floor area per month (¥1.18 = 118).
        rate_fen   INTEGER NOT NULL CHECK (rate_fen > 0 AND rate_fen <= 100000),
        -- The fund's share of that fee, share_num / share_den (1/1: all of it).
        share_num  INTEGER NOT NULL CHECK (share_num > 0),
        share_den  INTEGER NOT NULL CHECK (share_den > 0 AND share_den <= 10000),

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL, area_hundredths INTEGER CHECK (area_hundredths IS NULL OR area_hundredths > 0),
        CHECK (share_num <= share_den)
      ) STRICT;

-- table fund_grant_applications
CREATE TABLE fund_grant_applications (
        id                 TEXT PRIMARY KEY,
        account_id         TEXT NOT NULL REFERENCES fund_accounts (id),
        title              TEXT NOT NULL,
        works              TEXT NOT NULL,
        -- Fen: what the works are budgeted at; the payments linked may not exceed it.
        budget             INTEGER NOT NULL CHECK (budget > 0),
        rule               TEXT NOT NULL CHECK (rule IN ('use', 'raise')),
        total_households   INTEGER NOT NULL CHECK (total_households > 0),
        total_area         INTEGER NOT NULL CHECK (total_area > 0),
        voted_households   INTEGER,
        voted_area         INTEGER,
        agreed_households  INTEGER,
        agreed_area        INTEGER,
        vote_closed_on     TEXT,
        plan_notice_from   TEXT,
        plan_notice_to     TEXT,
        objections         INTEGER NOT NULL DEFAULT 0 CHECK (objections >= 0),
        objection_reply    TEXT,
        approved_on        TEXT,
        approval_ref       TEXT,
        works_started_on   TEXT,
        result_notice_from TEXT,
        result_notice_to   TEXT,
        end_reason         TEXT,
        status             TEXT NOT NULL CHECK (status IN ('proposed', 'noticed', 'approved', 'result_noticed', 'closed', 'rejected', 'withdrawn')),
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        operator           TEXT NOT NULL,
        CHECK ((voted_households IS NULL) = (voted_area IS NULL) AND (voted_area IS NULL) = (agreed_households IS NULL)
          AND (agreed_households IS NULL) = (agreed_area IS NULL) AND (agreed_area IS NULL) = (vote_closed_on IS NULL)),
        CHECK (agreed_households <= voted_households AND voted_households <= total_households),
        CHECK (agreed_area <= voted_area AND voted_area <= total_area),
        CHECK (agreed_households >= 0 AND agreed_area >= 0),
        CHECK ((plan_notice_from IS NULL) = (plan_notice_to IS NULL) AND plan_notice_from <= plan_notice_to),
        CHECK ((result_notice_from IS NULL) = (result_notice_to IS NULL) AND result_notice_from <= result_notice_to),
        CHECK (status IN ('proposed', 'rejected', 'withdrawn') OR plan_notice_from IS NOT NULL),
        CHECK (status NOT IN ('approved', 'result_noticed', 'closed') OR approved_on IS NOT NULL),
        CHECK (status NOT IN ('result_noticed', 'closed') OR result_notice_from IS NOT NULL)
      ) STRICT;

-- table fund_grant_payments
CREATE TABLE fund_grant_payments (
        entry_id       TEXT PRIMARY KEY REFERENCES fund_entries (id),
        application_id TEXT NOT NULL REFERENCES fund_grant_applications (id),
        stage          TEXT NOT NULL CHECK (stage IN ('first', 'progress', 'final')),
        created_at     TEXT NOT NULL,
        operator       TEXT NOT NULL
      ) STRICT;

-- table fund_reconciliation_items
CREATE TABLE fund_reconciliation_items (
        reconciliation_id TEXT NOT NULL REFERENCES fund_reconciliations (id),
        position          INTEGER NOT NULL CHECK (position >= 0),
        side              TEXT NOT NULL CHECK (side IN ('ledger', 'bank')),
        entry_id          TEXT REFERENCES fund_entries (id),
        on_date           TEXT,
        direction         TEXT CHECK (direction IN ('income', 'expense')),
        amount            INTEGER CHECK (amount > 0),
        note              TEXT,
        PRIMARY KEY (reconciliation_id, position),
        UNIQUE (reconciliation_id, entry_id),
        CHECK (CASE side
          WHEN 'ledger' THEN entry_id IS NOT NULL AND on_date IS NULL AND direction IS NULL AND amount IS NULL AND note IS NULL
          ELSE entry_id IS NULL AND on_date IS NOT NULL AND direction IS NOT NULL AND amount IS NOT NULL AND note IS NOT NULL END)
      ) STRICT, WITHOUT ROWID;

-- table fund_reconciliation_signoffs
CREATE TABLE fund_reconciliation_signoffs (
        id                TEXT PRIMARY KEY,
        reconciliation_id TEXT NOT NULL REFERENCES fund_reconciliations (id),
        side              TEXT NOT NULL CHECK (side IN ('company', 'committee')),
        signatory_id      TEXT NOT NULL REFERENCES fund_signatories (id),
        signed_at         TEXT NOT NULL,
        -- The reconciliation's content_hash when confirmed: it counts only while the reconciliation still has it.
        content_hash      TEXT NOT NULL CHECK (length(content_hash) = 64),
        operator          TEXT NOT NULL
      ) STRICT;

-- table fund_reconciliations
CREATE TABLE fund_reconciliations (
        id             TEXT PRIMARY KEY,
        account_id     TEXT NOT NULL REFERENCES fund_accounts (id),
        month          TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        statement_date TEXT NOT NULL,
        -- Fen, as the bank statement prints it, and the journal's balance that day.
        bank_balance   INTEGER NOT NULL,
        ledger_balance INTEGER NOT NULL,
        content_hash   TEXT NOT NULL CHECK (length(content_hash) = 64),
        status         TEXT NOT NULL CHECK (status IN ('draft', 'confirmed')),
        confirmed_at   TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        operator       TEXT NOT NULL,
        UNIQUE (account_id, month),
        CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
      ) STRICT;

-- table fund_signatories
CREATE TABLE fund_signatories (
        id         TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES fund_accounts (id),
        side       TEXT NOT NULL CHECK (side IN ('company', 'committee')),
        name       TEXT NOT NULL,
        -- The name NFC-normalised without spaces: how "the same person" is recognised across the two sides.
        person_key TEXT NOT NULL,
        phone      TEXT,
        -- scrypt$N$r$p$salt$hash (db/fund/pin.ts); never the PIN. NULL until the signer sets it.
        pin_hash   TEXT,
        pin_set_at TEXT,
        status     TEXT NOT NULL CHECK (status IN ('active', 'retired')),

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL
      , wrong_pins INTEGER NOT NULL DEFAULT 0 CHECK (wrong_pins >= 0), locked_until TEXT) STRICT;

-- table fund_signoffs
CREATE TABLE fund_signoffs (
        id           TEXT PRIMARY KEY,
        entry_id     TEXT NOT NULL REFERENCES fund_entries (id),
        side         TEXT NOT NULL CHECK (side IN ('company', 'committee')),
        signatory_id TEXT NOT NULL REFERENCES fund_signatories (id),
        signed_at    TEXT NOT NULL,
        draft_hash   TEXT NOT NULL CHECK (length(draft_hash) = 64),
        operator     TEXT NOT NULL
      ) STRICT;

-- table grid_buildings
CREATE TABLE grid_buildings (
        building_id TEXT PRIMARY KEY REFERENCES places (id),
        grid_id     TEXT NOT NULL REFERENCES grids (id) ON DELETE CASCADE
      ) STRICT;

-- table grids
CREATE TABLE grids (
        id           TEXT PRIMARY KEY,
        community_id TEXT NOT NULL REFERENCES places (id),
        name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        worker_name  TEXT NOT NULL CHECK (length(worker_name) BETWEEN 1 AND 40),
        worker_phone TEXT,
        org_id       TEXT REFERENCES orgs (id),
        note         TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        UNIQUE (community_id, name)
      ) STRICT;

-- table import_history
CREATE TABLE import_history (
        id          TEXT PRIMARY KEY,
        register    TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        sheet       TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        rows        INTEGER NOT NULL,
        created     INTEGER NOT NULL,
        updated     INTEGER NOT NULL,
        skipped     INTEGER NOT NULL,
        excluded    INTEGER NOT NULL,
        options     TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        operator    TEXT NOT NULL
      ) STRICT;

-- table import_mappings
CREATE TABLE import_mappings (
        register    TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        header_row  INTEGER NOT NULL CHECK (header_row >= 1),
        mapping     TEXT NOT NULL,
        used_count  INTEGER NOT NULL DEFAULT 1,
        updated_at  TEXT NOT NULL,
        operator    TEXT NOT NULL, value_map TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (register, fingerprint)
      ) STRICT;

-- table joint_meeting_attendees
CREATE TABLE joint_meeting_attendees (
        id         TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES joint_meetings (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        party      TEXT NOT NULL CHECK (party IN ('party_org', 'residents_committee', 'owners_committee', 'property_company', 'department', 'other')),
        name       TEXT NOT NULL,
        title      TEXT
      ) STRICT;

-- table joint_meeting_topics
CREATE TABLE joint_meeting_topics (
        id         TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES joint_meetings (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        title      TEXT NOT NULL
      ) STRICT;

-- table joint_meetings
CREATE TABLE joint_meetings (
        id        TEXT PRIMARY KEY,
        estate_id TEXT NOT NULL REFERENCES property_estates (place_id),
        held_on   TEXT NOT NULL,
        convener  TEXT NOT NULL,
        place     TEXT,
        minutes   TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL
      ) STRICT;

-- table joint_resolutions
CREATE TABLE joint_resolutions (
        id                 TEXT PRIMARY KEY,
        meeting_id         TEXT NOT NULL REFERENCES joint_meetings (id) ON DELETE CASCADE,
        seq                INTEGER NOT NULL,
        content            TEXT NOT NULL,
        responsible_party  TEXT NOT NULL CHECK (responsible_party IN ('party_org', 'residents_committee', 'owners_committee', 'property_company', 'department', 'other')),
        responsible_person TEXT,
        due_on             TEXT NOT NULL,
        status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
        done_on            TEXT,
        dropped_reason     TEXT,
        noticed_on         TEXT,
        rating             TEXT CHECK (rating IN ('satisfied', 'mostly_satisfied', 'unsatisfied')),

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        CHECK ((status = 'done') = (done_on IS NOT NULL)),
        CHECK ((status = 'dropped') = (dropped_reason IS NOT NULL)),
        CHECK (noticed_on IS NULL OR (status = 'done' AND noticed_on >= done_on)),
        CHECK (rating IS NULL OR status = 'done')
      ) STRICT;

-- table ledger_heads
CREATE TABLE ledger_heads (
    chain TEXT PRIMARY KEY,
    seq   INTEGER NOT NULL,
    hash  TEXT NOT NULL
  ) STRICT;

-- table meeting_attendance
CREATE TABLE meeting_attendance (
        id         TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        member_id  TEXT REFERENCES members (id),
        name       TEXT NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('present', 'absent', 'leave', 'guest')),
        reason     TEXT,
        seq        INTEGER NOT NULL
      ) STRICT;

-- table meeting_resolutions
CREATE TABLE meeting_resolutions (
        id         TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        content    TEXT NOT NULL,
        owner      TEXT,
        due_on     TEXT,
        status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        done_on    TEXT
      ) STRICT;

-- table meetings
CREATE TABLE meetings (
        id         TEXT PRIMARY KEY,
        org_id     TEXT NOT NULL REFERENCES orgs (id),
        type       TEXT NOT NULL CHECK (type IN ('general', 'committee', 'group', 'lecture', 'theme_day')),
        held_on    TEXT NOT NULL,
        start_time TEXT,
        topic      TEXT NOT NULL,
        place      TEXT,
        host       TEXT,
        recorder   TEXT,
        minutes    TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL
      ) STRICT;

-- table member_events
CREATE TABLE member_events (
        id         TEXT PRIMARY KEY,
        member_id  TEXT NOT NULL REFERENCES members (id),
        kind       TEXT NOT NULL,
        on_date    TEXT NOT NULL,
        detail     TEXT NOT NULL,
        operator   TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

-- table members
CREATE TABLE members (
        id                  TEXT PRIMARY KEY,
        name                TEXT NOT NULL,
        name_pinyin         TEXT NOT NULL,
        name_initials       TEXT NOT NULL,
        gender              TEXT NOT NULL CHECK (gender IN ('male', 'female')),
        ethnicity           TEXT,
        education           TEXT,
        birth_date          TEXT,
        id_number           TEXT,
        phone               TEXT,
        joined_on           TEXT NOT NULL,
        full_on             TEXT,
        status              TEXT NOT NULL CHECK (status IN ('full', 'probationary')),
        category            TEXT NOT NULL CHECK (category IN ('community', 'in_service', 'migrant')),
        work_unit           TEXT,
        reported_on         TEXT,
        org_id              TEXT NOT NULL REFERENCES orgs (id),
        building_id         TEXT REFERENCES places (id),
        address             TEXT,
        role                TEXT CHECK (role IN ('secretary', 'deputy_secretary', 'committee', 'group_leader')),
        is_centre_household INTEGER NOT NULL DEFAULT 0 CHECK (is_centre_household IN (0, 1)),
        lifecycle           TEXT NOT NULL DEFAULT 'active'
                            CHECK (lifecycle IN ('active', 'transferred_out', 'deceased')),
        left_on             TEXT,
        left_to             TEXT,
        transferred_in_on   TEXT,
        transferred_from    TEXT,
        note                TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL
      ) STRICT;

-- table org_label_version
CREATE TABLE org_label_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);

-- table org_meeting_months
CREATE TABLE org_meeting_months (
        org_id TEXT NOT NULL REFERENCES orgs (id),
        type   TEXT NOT NULL,
        month  TEXT NOT NULL,
        n      INTEGER NOT NULL,
        PRIMARY KEY (month, org_id, type)
      ) STRICT, WITHOUT ROWID;

-- table org_member_counts
CREATE TABLE org_member_counts (
        org_id              TEXT NOT NULL REFERENCES orgs (id),
        category            TEXT NOT NULL,
        status              TEXT NOT NULL,
        is_centre_household INTEGER NOT NULL,
        n                   INTEGER NOT NULL,
        PRIMARY KEY (org_id, category, status, is_centre_household)
      ) STRICT, WITHOUT ROWID;

-- table org_quarter_meetings
CREATE TABLE org_quarter_meetings (
        quarter TEXT NOT NULL,
        org_id  TEXT NOT NULL REFERENCES orgs (id),
        type    TEXT NOT NULL,
        n1 INTEGER NOT NULL, n2 INTEGER NOT NULL, n3 INTEGER NOT NULL,
        c1 INTEGER NOT NULL, c2 INTEGER NOT NULL, c3 INTEGER NOT NULL,
        cn1 INTEGER NOT NULL, cn2 INTEGER NOT NULL, cn3 INTEGER NOT NULL,
        PRIMARY KEY (quarter, org_id, type)
      ) STRICT, WITHOUT ROWID;

-- table orgs
CREATE TABLE orgs (
        id             TEXT PRIMARY KEY,
        parent_id      TEXT REFERENCES orgs (id),
        level          TEXT NOT NULL
                       CHECK (level IN ('street_committee', 'community_committee', 'branch', 'group')),
        kind           TEXT NOT NULL,
        name           TEXT NOT NULL,
        name_pinyin    TEXT NOT NULL,
        place_id       TEXT REFERENCES places (id),
        path           TEXT NOT NULL UNIQUE,
        established_on TEXT,
        status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved')),
        dissolved_on   TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL
      ) STRICT;

-- table places
CREATE TABLE places (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('community', 'estate', 'building')),
        parent_id  TEXT REFERENCES places (id),
        name       TEXT NOT NULL,
        code       TEXT,
        unit_count INTEGER CHECK (unit_count IS NULL OR unit_count BETWEEN 1 AND 99),
        households INTEGER CHECK (households IS NULL OR households >= 0),
        note       TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL, name_pinyin TEXT NOT NULL DEFAULT '', name_initials TEXT NOT NULL DEFAULT '',
        CHECK ((kind = 'community') = (parent_id IS NULL))
      ) STRICT;

-- table points_applications
CREATE TABLE points_applications (
        id          TEXT PRIMARY KEY,
        source_kind TEXT NOT NULL CHECK (source_kind IN ('activity', 'meeting')),
        source_id   TEXT NOT NULL,
        rule_id     TEXT NOT NULL REFERENCES points_rules (id),
        entries     INTEGER NOT NULL,
        applied_at  TEXT NOT NULL,
        operator    TEXT NOT NULL,
        reversed_at TEXT,
        reversed_by TEXT
      ) STRICT;

-- table points_entries
CREATE TABLE points_entries (
        id           TEXT PRIMARY KEY,
        volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
        org_id       TEXT NOT NULL REFERENCES orgs (id),
        on_date      TEXT NOT NULL,
        year         INTEGER NOT NULL,
        quarter      INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        category     TEXT NOT NULL CHECK (category IN ('base', 'service', 'contribution', 'redeem')),
        amount       INTEGER NOT NULL,
        hours_tenths INTEGER NOT NULL DEFAULT 0,
        reason       TEXT NOT NULL,
        source_kind  TEXT NOT NULL
                     CHECK (source_kind IN ('activity', 'meeting', 'donation', 'redemption', 'manual', 'opening')),
        source_id    TEXT,
        rule_id      TEXT REFERENCES points_rules (id),
        reverses_id  TEXT UNIQUE REFERENCES points_entries (id),
        operator     TEXT NOT NULL,
        created_at   TEXT NOT NULL, seq INTEGER, hash TEXT,
        CHECK (amount <> 0 OR hours_tenths <> 0),
        CHECK ((category = 'redeem') = (source_kind = 'redemption'))
      ) STRICT;

-- table points_month_totals
CREATE TABLE points_month_totals (
        year         INTEGER NOT NULL,
        month        INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
        base         INTEGER NOT NULL DEFAULT 0,
        service      INTEGER NOT NULL DEFAULT 0,
        contribution INTEGER NOT NULL DEFAULT 0,
        redeemed     INTEGER NOT NULL DEFAULT 0,
        hours_tenths INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (year, month)
      ) STRICT, WITHOUT ROWID;

-- table points_org_totals
CREATE TABLE points_org_totals (
        org_id       TEXT NOT NULL REFERENCES orgs (id),
        year         INTEGER NOT NULL,
        month        INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
        base         INTEGER NOT NULL DEFAULT 0,
        service      INTEGER NOT NULL DEFAULT 0,
        contribution INTEGER NOT NULL DEFAULT 0,
        redeemed     INTEGER NOT NULL DEFAULT 0,
        hours_tenths INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (year, month, org_id)
      ) STRICT, WITHOUT ROWID;

-- table points_rank_counts
CREATE TABLE points_rank_counts (
        year    INTEGER NOT NULL,
        quarter INTEGER NOT NULL,
        ranked  INTEGER NOT NULL,
        PRIMARY KEY (year, quarter)
      ) STRICT, WITHOUT ROWID;

-- table points_rules
CREATE TABLE points_rules (
        id                    TEXT PRIMARY KEY,
        version               INTEGER NOT NULL UNIQUE,
        effective_from        TEXT NOT NULL,
        points_per_hour       INTEGER NOT NULL CHECK (points_per_hour BETWEEN 0 AND 1000),
        max_hours_per_activity INTEGER CHECK (max_hours_per_activity IS NULL OR max_hours_per_activity > 0),
        meeting_base_points   INTEGER NOT NULL CHECK (meeting_base_points BETWEEN 0 AND 1000),
        expiry                TEXT NOT NULL CHECK (expiry IN ('rollover', 'yearly')),
        note                  TEXT,
        created_at            TEXT NOT NULL,
        operator              TEXT NOT NULL
      ) STRICT;

-- table points_totals
CREATE TABLE points_totals (
        volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
        year         INTEGER NOT NULL,
        quarter      INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        base         INTEGER NOT NULL DEFAULT 0,
        service      INTEGER NOT NULL DEFAULT 0,
        contribution INTEGER NOT NULL DEFAULT 0,
        redeemed     INTEGER NOT NULL DEFAULT 0,
        hours_tenths INTEGER NOT NULL DEFAULT 0,
        -- base + service + contribution, kept as a column (not a generated one) so the ranking index covers it.
        earned       INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (volunteer_id, year, quarter)
      ) STRICT, WITHOUT ROWID;

-- table points_unit_totals
CREATE TABLE points_unit_totals (
        org_id       TEXT NOT NULL REFERENCES orgs (id),
        year         INTEGER NOT NULL,
        quarter      INTEGER NOT NULL,
        base         INTEGER NOT NULL,
        service      INTEGER NOT NULL,
        contribution INTEGER NOT NULL,
        redeemed     INTEGER NOT NULL,
        hours_tenths INTEGER NOT NULL,
        PRIMARY KEY (org_id, year, quarter)
      ) STRICT, WITHOUT ROWID;

-- table property_card_withdrawals
CREATE TABLE property_card_withdrawals (
        card_id      TEXT PRIMARY KEY REFERENCES property_cards (id),
        reason       TEXT NOT NULL CHECK (length(reason) > 0),
        withdrawn_at TEXT NOT NULL,
        operator     TEXT NOT NULL
      ) STRICT;

-- table property_cards
CREATE TABLE property_cards (
        id            TEXT PRIMARY KEY,
        company_id    TEXT NOT NULL REFERENCES property_companies (id),
        colour        TEXT NOT NULL CHECK (colour IN ('yellow', 'red')),
        basis         TEXT NOT NULL CHECK (basis IN ('resolution', 'rectification', 'yellows')),
        resolution_id TEXT REFERENCES joint_resolutions (id),
        due_on        TEXT,
        reason        TEXT NOT NULL CHECK (length(reason) > 0),
        issued_on     TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        operator      TEXT NOT NULL,
        CHECK ((colour = 'red') = (basis = 'yellows')),
        CHECK ((basis = 'resolution') = (resolution_id IS NOT NULL)),
        CHECK ((basis = 'yellows') = (due_on IS NULL)),
        CHECK (due_on IS NULL OR due_on < issued_on)
      ) STRICT;

-- table property_companies
CREATE TABLE property_companies (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        name_pinyin    TEXT NOT NULL,
        name_initials  TEXT NOT NULL,
        credit_code    TEXT NOT NULL UNIQUE CHECK (length(credit_code) = 18),
        contact_person TEXT,
        contact_phone  TEXT,
        address        TEXT,
        party_org_form TEXT CHECK (party_org_form IN ('own', 'joint', 'sector')),
        party_members  INTEGER CHECK (party_members >= 0),
        note           TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL
      ) STRICT;

-- table property_contracts
CREATE TABLE property_contracts (
        id         TEXT PRIMARY KEY,
        estate_id  TEXT NOT NULL REFERENCES property_estates (place_id),
        company_id TEXT NOT NULL REFERENCES property_companies (id),
        starts_on  TEXT NOT NULL,
        ends_on    TEXT,
        note       TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      ) STRICT;

-- table property_estates
CREATE TABLE property_estates (
        place_id              TEXT PRIMARY KEY REFERENCES places (id),
        management            TEXT NOT NULL CHECK (management IN ('company', 'self', 'abandoned')),
        floor_area_hundredths INTEGER CHECK (floor_area_hundredths >= 0),
        note                  TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL
      ) STRICT;

-- table property_fees
CREATE TABLE property_fees (
        id                    TEXT PRIMARY KEY,
        estate_id             TEXT NOT NULL REFERENCES property_estates (place_id),
        period                TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
        receivable_fen        INTEGER NOT NULL CHECK (receivable_fen > 0),
        unpaid_fen            INTEGER NOT NULL CHECK (unpaid_fen >= 0 AND unpaid_fen <= receivable_fen),
        arrears_collected_fen INTEGER NOT NULL DEFAULT 0 CHECK (arrears_collected_fen >= 0),
        note                  TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL
      ) STRICT;

-- table property_surveys
CREATE TABLE property_surveys (
        id               TEXT PRIMARY KEY,
        estate_id        TEXT NOT NULL REFERENCES property_estates (place_id),
        period           TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
        households       INTEGER NOT NULL CHECK (households > 0),
        sample_size      INTEGER NOT NULL CHECK (sample_size > 0 AND sample_size <= households),
        reached          INTEGER NOT NULL CHECK (reached > 0 AND reached <= sample_size),
        satisfied        INTEGER NOT NULL CHECK (satisfied >= 0),
        mostly_satisfied INTEGER NOT NULL CHECK (mostly_satisfied >= 0),
        unsatisfied      INTEGER NOT NULL CHECK (unsatisfied >= 0),
        note             TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        CHECK (satisfied + mostly_satisfied + unsatisfied = reached)
      ) STRICT;

-- table redemption_items
CREATE TABLE redemption_items (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        name_pinyin TEXT NOT NULL,
        price       INTEGER NOT NULL CHECK (price > 0),
        stock       INTEGER NOT NULL CHECK (stock >= 0),
        unit        TEXT NOT NULL DEFAULT '件',
        description TEXT,
        status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL
      ) STRICT;

-- table redemptions
CREATE TABLE redemptions (
        id           TEXT PRIMARY KEY,
        item_id      TEXT NOT NULL REFERENCES redemption_items (id),
        volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
        quantity     INTEGER NOT NULL CHECK (quantity > 0),
        points       INTEGER NOT NULL CHECK (points > 0),
        entry_id     TEXT NOT NULL UNIQUE REFERENCES points_entries (id),
        on_date      TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        operator     TEXT NOT NULL
      ) STRICT;

-- table request_steps
CREATE TABLE request_steps (
        id            TEXT PRIMARY KEY,
        request_id    TEXT NOT NULL REFERENCES requests (id),
        seq           INTEGER NOT NULL CHECK (seq >= 1),
        from_state    TEXT CHECK (from_state IN ('reported', 'sorted', 'not_accepted', 'assigned', 'supervised', 'done', 'publicised', 'evaluated')),
        to_state      TEXT NOT NULL CHECK (to_state IN ('reported', 'sorted', 'not_accepted', 'assigned', 'supervised', 'done', 'publicised', 'evaluated')),
        on_day        TEXT NOT NULL,
        detail        TEXT NOT NULL CHECK (json_valid(detail)),
        note          TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        UNIQUE (request_id, seq),
        CHECK ((seq = 1) = (from_state IS NULL AND to_state = 'reported'))
      ) STRICT;

-- table request_street_answers
CREATE TABLE request_street_answers (
        id          TEXT PRIMARY KEY,
        unit_code   TEXT NOT NULL,
        request_id  TEXT NOT NULL,
        round       INTEGER NOT NULL CHECK (round >= 0),
        measures    TEXT NOT NULL CHECK (length(measures) > 0),
        answered_by TEXT NOT NULL CHECK (length(answered_by) > 0),
        answered_on TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        operator    TEXT NOT NULL,
        UNIQUE (unit_code, request_id, round)
      ) STRICT;

-- table requests
CREATE TABLE requests (
        id             TEXT PRIMARY KEY,
        reported_on    TEXT NOT NULL,
        source         TEXT NOT NULL CHECK (source IN ('visit', 'hotline', 'grid_round', 'suggestion_box', 'problem_wall', 'city_12345', 'other')),
        anonymous      INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
        reporter_name  TEXT,
        reporter_phone TEXT,
        place_id       TEXT NOT NULL REFERENCES places (id),
        grid_id        TEXT REFERENCES grids (id),
        content        TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 2000),
        state          TEXT NOT NULL CHECK (state IN ('reported', 'sorted', 'not_accepted', 'assigned', 'supervised', 'done', 'publicised', 'evaluated')),
        category       TEXT,
        urgency        TEXT CHECK (urgency IN ('normal', 'urgent')),
        answer         TEXT,
        reason         TEXT,
        handler_kind   TEXT CHECK (handler_kind IN ('community', 'property_company', 'work_unit', 'volunteer_post', 'street')),
        handler_name   TEXT,
        due_on         TEXT,
        done_on        TEXT,
        result         TEXT,
        publicised_on  TEXT,
        rating         TEXT CHECK (rating IN ('satisfied', 'mostly_satisfied', 'unsatisfied')),

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL, reopened INTEGER NOT NULL DEFAULT 0 CHECK (reopened >= 0),
        CHECK ((anonymous = 1) = (reporter_name IS NULL) AND (anonymous = 0 OR reporter_phone IS NULL)),
        CHECK ((state = 'reported') = (category IS NULL)),
        CHECK ((state = 'not_accepted') = (answer IS NOT NULL AND reason IS NOT NULL)),
        CHECK ((state IN ('assigned', 'supervised', 'done', 'publicised', 'evaluated')) = (handler_kind IS NOT NULL AND due_on IS NOT NULL)),
        CHECK ((state IN ('done', 'publicised', 'evaluated')) = (done_on IS NOT NULL AND result IS NOT NULL)),
        CHECK ((state IN ('publicised', 'evaluated')) = (publicised_on IS NOT NULL)),
        CHECK ((state = 'evaluated') = (rating IS NOT NULL))
      ) STRICT;

-- table resolution_extensions
CREATE TABLE resolution_extensions (
        id            TEXT PRIMARY KEY,
        resolution_id TEXT NOT NULL REFERENCES joint_resolutions (id) ON DELETE CASCADE,
        old_due_on    TEXT NOT NULL,
        new_due_on    TEXT NOT NULL,
        reason        TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        operator      TEXT NOT NULL,
        CHECK (new_due_on > old_due_on)
      ) STRICT;

-- table schema_migrations
CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT;

-- table sent_chain_heads
CREATE TABLE sent_chain_heads (
        package_id TEXT NOT NULL,
        unit_code  TEXT NOT NULL,
        period     TEXT NOT NULL,
        table_name TEXT NOT NULL,
        chain      TEXT NOT NULL,
        seq        INTEGER NOT NULL CHECK (seq >= 1),
        hash       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (package_id, table_name, chain)
      ) STRICT, WITHOUT ROWID;

-- table served_households
CREATE TABLE served_households (
        id         TEXT PRIMARY KEY,
        member_id  TEXT NOT NULL REFERENCES members (id),
        household  TEXT NOT NULL,
        head_name  TEXT,
        note       TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL
      ) STRICT;

-- table settings
CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table steward_buildings
CREATE TABLE steward_buildings (
        steward_id  TEXT NOT NULL REFERENCES stewards (id) ON DELETE CASCADE,
        building_id TEXT NOT NULL REFERENCES places (id),
        PRIMARY KEY (steward_id, building_id)
      ) STRICT, WITHOUT ROWID;

-- table stewards
CREATE TABLE stewards (
        id           TEXT PRIMARY KEY,
        member_id    TEXT NOT NULL UNIQUE REFERENCES members (id),
        duty         TEXT CHECK (duty IS NULL OR length(duty) BETWEEN 1 AND 40),
        phone_public INTEGER NOT NULL DEFAULT 0 CHECK (phone_public IN (0, 1)),
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        operator     TEXT NOT NULL
      ) STRICT;

-- table submissions
CREATE TABLE submissions (
        id         TEXT PRIMARY KEY,
        direction  TEXT NOT NULL CHECK (direction IN ('export', 'import')),
        kind       TEXT NOT NULL CHECK (kind IN ('register', 'monthly', 'package')),
        title      TEXT NOT NULL,
        period     TEXT,
        unit_level TEXT NOT NULL,
        unit_name  TEXT NOT NULL,
        unit_code  TEXT NOT NULL,
        files      TEXT NOT NULL,
        row_counts TEXT NOT NULL,
        result     TEXT,
        unmasked   INTEGER NOT NULL DEFAULT 0 CHECK (unmasked IN (0, 1)),
        package_id TEXT,
        operator   TEXT NOT NULL,
        at         TEXT NOT NULL
      , refusal TEXT) STRICT;

-- table unit_keys
CREATE TABLE unit_keys (
        unit_code   TEXT PRIMARY KEY,
        unit_name   TEXT NOT NULL,
        public_key  TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        pinned_at   TEXT NOT NULL,
        pinned_by   TEXT NOT NULL,
        package_id  TEXT NOT NULL,
        changes     INTEGER NOT NULL DEFAULT 0 CHECK (changes >= 0)
      ) STRICT;

-- table volunteer_activities
CREATE TABLE volunteer_activities (
        id               TEXT PRIMARY KEY,
        title            TEXT NOT NULL,
        post_id          TEXT REFERENCES volunteer_posts (id),
        on_date          TEXT NOT NULL,
        start_time       TEXT,
        end_time         TEXT,
        place            TEXT,
        organiser_org_id TEXT NOT NULL REFERENCES orgs (id),
        capacity         INTEGER CHECK (capacity IS NULL OR capacity > 0),
        description      TEXT,
        recorder_org_id  TEXT REFERENCES orgs (id),
        recorded_by      TEXT,
        recorded_at      TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL
      ) STRICT;

-- table volunteer_counts
CREATE TABLE volunteer_counts (
        org_id    TEXT NOT NULL REFERENCES orgs (id),
        is_member INTEGER NOT NULL,
        active    INTEGER NOT NULL,
        n         INTEGER NOT NULL,
        with_post INTEGER NOT NULL,
        PRIMARY KEY (org_id, is_member, active)
      ) STRICT, WITHOUT ROWID;

-- table volunteer_honours
CREATE TABLE volunteer_honours (
        id           TEXT PRIMARY KEY,
        volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
        title        TEXT NOT NULL CHECK (title IN ('vanguard', 'star', 'excellent')),
        year         INTEGER NOT NULL,
        quarter      INTEGER CHECK (quarter IS NULL OR quarter BETWEEN 1 AND 4),
        org_id       TEXT NOT NULL REFERENCES orgs (id),
        awarded_on   TEXT NOT NULL,
        points       INTEGER,
        note         TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL
      ) STRICT;

-- table volunteer_linkable
CREATE TABLE volunteer_linkable (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL) STRICT;

-- table volunteer_posts
CREATE TABLE volunteer_posts (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('standard', 'custom')),
        code        TEXT UNIQUE,
        org_id      TEXT REFERENCES orgs (id),
        name        TEXT NOT NULL,
        name_pinyin TEXT NOT NULL,
        description TEXT,
        seq         INTEGER NOT NULL DEFAULT 0,
        status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        CHECK ((kind = 'standard') = (org_id IS NULL))
      ) STRICT;

-- table volunteers
CREATE TABLE volunteers (
        id            TEXT PRIMARY KEY,
        member_id     TEXT UNIQUE REFERENCES members (id),
        name          TEXT,
        gender        TEXT CHECK (gender IN ('male', 'female')),
        id_number     TEXT,
        phone         TEXT,
        address       TEXT,
        name_pinyin   TEXT NOT NULL,
        name_initials TEXT NOT NULL,
        org_id        TEXT NOT NULL REFERENCES orgs (id),
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        team          TEXT,
        skills        TEXT,
        post_id       TEXT REFERENCES volunteer_posts (id),
        post_since    TEXT,
        registered_on TEXT NOT NULL,
        left_on       TEXT,
        note          TEXT,

  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL,
        CHECK ((member_id IS NULL) = (name IS NOT NULL)),
        CHECK (member_id IS NULL OR (gender IS NULL AND id_number IS NULL AND phone IS NULL AND address IS NULL))
      ) STRICT;

-- table wishes
CREATE TABLE wishes (
        id                TEXT PRIMARY KEY,
        kind              TEXT NOT NULL CHECK (kind IN ('wish', 'need')),
        place_id          TEXT NOT NULL REFERENCES places (id),
        title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
        detail            TEXT CHECK (detail IS NULL OR length(detail) <= 1000),
        wisher_name       TEXT CHECK (wisher_name IS NULL OR length(wisher_name) BETWEEN 1 AND 40),
        wisher_phone      TEXT,
        published_on      TEXT NOT NULL,
        state             TEXT NOT NULL CHECK (state IN ('open', 'claimed', 'fulfilled', 'withdrawn')),
        claimer_member_id TEXT REFERENCES members (id),
        claimer_unit      TEXT CHECK (claimer_unit IS NULL OR length(claimer_unit) BETWEEN 1 AND 100),
        claimed_on        TEXT,
        fulfilled_on      TEXT,
        result            TEXT CHECK (result IS NULL OR length(result) BETWEEN 1 AND 1000),
        hours_tenths      INTEGER CHECK (hours_tenths IS NULL OR hours_tenths BETWEEN 1 AND 240),
        activity_id       TEXT REFERENCES volunteer_activities (id),
        withdrawn_reason  TEXT,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        operator          TEXT NOT NULL,
        CHECK ((kind = 'wish') = (wisher_name IS NOT NULL) AND (kind = 'wish' OR wisher_phone IS NULL)),
        CHECK ((state IN ('claimed', 'fulfilled')) = (claimed_on IS NOT NULL)),
        CHECK (claimed_on IS NULL OR claimer_member_id IS NOT NULL OR claimer_unit IS NOT NULL),
        CHECK ((state = 'fulfilled') = (fulfilled_on IS NOT NULL AND result IS NOT NULL)),
        CHECK ((state = 'withdrawn') = (withdrawn_reason IS NOT NULL)),
        CHECK (state = 'fulfilled' OR (hours_tenths IS NULL AND activity_id IS NULL)),
        CHECK (activity_id IS NULL OR (hours_tenths IS NOT NULL AND claimer_member_id IS NOT NULL))
      ) STRICT;

-- trigger assessment_categories_frozen_del
CREATE TRIGGER assessment_categories_frozen_del BEFORE DELETE ON assessment_categories
      WHEN (SELECT status FROM assessment_templates WHERE id = OLD.template_id) = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能修改，请建立新版本'); END;

-- trigger assessment_categories_frozen_ins
CREATE TRIGGER assessment_categories_frozen_ins BEFORE INSERT ON assessment_categories
      WHEN (SELECT status FROM assessment_templates WHERE id = NEW.template_id) = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能修改，请建立新版本'); END;

-- trigger assessment_categories_frozen_upd
CREATE TRIGGER assessment_categories_frozen_upd BEFORE UPDATE ON assessment_categories
      WHEN (SELECT status FROM assessment_templates WHERE id = OLD.template_id) = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能修改，请建立新版本'); END;

-- trigger assessment_items_frozen_del
CREATE TRIGGER assessment_items_frozen_del BEFORE DELETE ON assessment_items
      WHEN (SELECT status FROM assessment_templates WHERE id = OLD.template_id) = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能修改，请建立新版本'); END;

-- trigger assessment_items_frozen_ins
CREATE TRIGGER assessment_items_frozen_ins BEFORE INSERT ON assessment_items
      WHEN (SELECT status FROM assessment_templates WHERE id = NEW.template_id) = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能修改，请建立新版本'); END;

-- trigger assessment_items_frozen_upd
CREATE TRIGGER assessment_items_frozen_upd BEFORE UPDATE ON assessment_items
      WHEN (SELECT status FROM assessment_templates WHERE id = OLD.template_id) = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能修改，请建立新版本'); END;

-- trigger assessment_lists_append_only_del
CREATE TRIGGER assessment_lists_append_only_del BEFORE DELETE ON assessment_lists
      BEGIN SELECT RAISE(ABORT, '已公布的红黑榜不能删除，请发布更正'); END;

-- trigger assessment_lists_append_only_upd
CREATE TRIGGER assessment_lists_append_only_upd BEFORE UPDATE ON assessment_lists
      BEGIN SELECT RAISE(ABORT, '已公布的红黑榜不能修改，请发布更正'); END;

-- trigger assessment_templates_frozen
CREATE TRIGGER assessment_templates_frozen BEFORE UPDATE ON assessment_templates
      WHEN OLD.status = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能修改，请建立新版本'); END;

-- trigger assessment_templates_kept
CREATE TRIGGER assessment_templates_kept BEFORE DELETE ON assessment_templates
      WHEN OLD.status = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能删除'); END;

-- trigger assessments_published_template
CREATE TRIGGER assessments_published_template BEFORE INSERT ON assessments
      WHEN (SELECT status FROM assessment_templates WHERE id = NEW.template_id) IS NOT 'published'
      BEGIN SELECT RAISE(ABORT, '只能用已发布的考评表考评'); END;

-- trigger audit_log_chain_head
CREATE TRIGGER audit_log_chain_head AFTER INSERT ON audit_log
      BEGIN UPDATE ledger_heads SET seq = NEW.seq, hash = NEW.hash WHERE chain = 'audit'; END;

-- trigger audit_log_chain_next
CREATE TRIGGER audit_log_chain_next BEFORE INSERT ON audit_log
      WHEN NEW.seq IS NOT (SELECT seq + 1 FROM ledger_heads WHERE chain = 'audit') OR length(NEW.hash) IS NOT 64
      BEGIN SELECT RAISE(ABORT, '操作记录只能由程序按顺序追加（序号或校验码不对）'); END;

-- trigger audit_log_no_delete
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, '操作记录只能追加，不能修改或删除'); END;

-- trigger audit_log_no_update
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, '操作记录只能追加，不能修改或删除'); END;

-- trigger audit_log_search
CREATE TRIGGER audit_log_search AFTER INSERT ON audit_log BEGIN
        INSERT OR REPLACE INTO audit_search (rowid, body) VALUES (new.seq, concat_ws(' ', new.entity_id,
  (SELECT group_concat(value, ' ') FROM json_tree(CASE WHEN json_valid(new.before) THEN new.before END) WHERE atom IS NOT NULL),
  (SELECT group_concat(value, ' ') FROM json_tree(CASE WHEN json_valid(new.after) THEN new.after END) WHERE atom IS NOT NULL)));
      END;

-- trigger care_households_kind
CREATE TRIGGER care_households_kind BEFORE INSERT ON care_households
      WHEN (SELECT kind FROM places WHERE id = NEW.building_id) IS NOT 'building'
      BEGIN SELECT RAISE(ABORT, '重点关爱户只能登记在楼栋下'); END;

-- trigger care_households_kind_update
CREATE TRIGGER care_households_kind_update BEFORE UPDATE OF building_id ON care_households
      WHEN (SELECT kind FROM places WHERE id = NEW.building_id) IS NOT 'building'
      BEGIN SELECT RAISE(ABORT, '重点关爱户只能登记在楼栋下'); END;

-- trigger care_visits_no_delete
CREATE TRIGGER care_visits_no_delete BEFORE DELETE ON care_visits BEGIN SELECT RAISE(ABORT, '走访记录不能修改或删除，请新增一条更正记录'); END;

-- trigger care_visits_no_update
CREATE TRIGGER care_visits_no_update BEFORE UPDATE ON care_visits BEGIN SELECT RAISE(ABORT, '走访记录不能修改或删除，请新增一条更正记录'); END;

-- trigger elevator_checklist_items_fixed
CREATE TRIGGER elevator_checklist_items_fixed BEFORE UPDATE OF code, level, name ON elevator_checklist_items
      BEGIN SELECT RAISE(ABORT, '维保项目添加后不能改名：请停用它，再添加新的项目'); END;

-- trigger elevator_maintenance_after_delete
CREATE TRIGGER elevator_maintenance_after_delete AFTER DELETE ON elevator_maintenance
      BEGIN
  UPDATE elevators SET last_routine_on = (
    SELECT MAX(done_on) FROM elevator_maintenance
    WHERE elevator_id = OLD.elevator_id AND kind IN ('half_monthly', 'quarterly', 'half_yearly', 'yearly', 'on_demand') AND signed_on IS NOT NULL)
  WHERE id = OLD.elevator_id; END;

-- trigger elevator_maintenance_after_insert
CREATE TRIGGER elevator_maintenance_after_insert AFTER INSERT ON elevator_maintenance
      BEGIN
  UPDATE elevators SET last_routine_on = (
    SELECT MAX(done_on) FROM elevator_maintenance
    WHERE elevator_id = NEW.elevator_id AND kind IN ('half_monthly', 'quarterly', 'half_yearly', 'yearly', 'on_demand') AND signed_on IS NOT NULL)
  WHERE id = NEW.elevator_id; END;

-- trigger elevator_maintenance_after_update
CREATE TRIGGER elevator_maintenance_after_update AFTER UPDATE ON elevator_maintenance
      BEGIN
  UPDATE elevators SET last_routine_on = (
    SELECT MAX(done_on) FROM elevator_maintenance
    WHERE elevator_id = OLD.elevator_id AND kind IN ('half_monthly', 'quarterly', 'half_yearly', 'yearly', 'on_demand') AND signed_on IS NOT NULL)
  WHERE id = OLD.elevator_id;
  UPDATE elevators SET last_routine_on = (
    SELECT MAX(done_on) FROM elevator_maintenance
    WHERE elevator_id = NEW.elevator_id AND kind IN ('half_monthly', 'quarterly', 'half_yearly', 'yearly', 'on_demand') AND signed_on IS NOT NULL)
  WHERE id = NEW.elevator_id; END;

-- trigger elevators_place_insert
CREATE TRIGGER elevators_place_insert BEFORE INSERT ON elevators
      WHEN (SELECT kind FROM places WHERE id = NEW.estate_id) IS NOT 'estate'
        OR (SELECT kind || ':' || parent_id FROM places WHERE id = NEW.building_id) IS NOT 'building:' || NEW.estate_id
      BEGIN SELECT RAISE(ABORT, '电梯应登记在小区的楼栋上'); END;

-- trigger elevators_place_update
CREATE TRIGGER elevators_place_update BEFORE UPDATE OF estate_id, building_id ON elevators
      WHEN (SELECT kind FROM places WHERE id = NEW.estate_id) IS NOT 'estate'
        OR (SELECT kind || ':' || parent_id FROM places WHERE id = NEW.building_id) IS NOT 'building:' || NEW.estate_id
      BEGIN SELECT RAISE(ABORT, '电梯应登记在小区的楼栋上'); END;

-- trigger fund_accounts_are_estates
CREATE TRIGGER fund_accounts_are_estates BEFORE INSERT ON fund_accounts
      WHEN (SELECT kind FROM places WHERE id = NEW.estate_id) IS NOT 'estate'
      BEGIN SELECT RAISE(ABORT, '基金账户只能开在小区上'); END;

-- trigger fund_accounts_building_fixed
CREATE TRIGGER fund_accounts_building_fixed BEFORE UPDATE OF building_id ON fund_accounts
      BEGIN SELECT RAISE(ABORT, '基金账户的楼栋开户后不能修改'); END;

-- trigger fund_accounts_building_of_estate
CREATE TRIGGER fund_accounts_building_of_estate BEFORE INSERT ON fund_accounts
      WHEN NEW.building_id IS NOT NULL
        AND (SELECT kind || ':' || parent_id FROM places WHERE id = NEW.building_id) IS NOT 'building:' || NEW.estate_id
      BEGIN SELECT RAISE(ABORT, '楼栋账户的楼栋应是该小区的楼栋'); END;

-- trigger fund_accounts_one_way_per_estate
CREATE TRIGGER fund_accounts_one_way_per_estate BEFORE INSERT ON fund_accounts
      WHEN EXISTS (SELECT 1 FROM fund_accounts WHERE estate_id = NEW.estate_id AND status = 'active' AND (building_id IS NULL) IS NOT (NEW.building_id IS NULL))
      BEGIN SELECT RAISE(ABORT, '同一小区不能同时有按小区和按楼栋设立的基金账户'); END;

-- trigger fund_accounts_opening_fixed
CREATE TRIGGER fund_accounts_opening_fixed BEFORE UPDATE OF estate_id, opening_balance, opened_on ON fund_accounts
      BEGIN SELECT RAISE(ABORT, '基金账户的小区、开户余额和开户日期开户后不能修改'); END;

-- trigger fund_attachments_content_fixed
CREATE TRIGGER fund_attachments_content_fixed
      BEFORE UPDATE OF sha256, mime, bytes, content ON fund_attachments
      BEGIN SELECT RAISE(ABORT, '附件内容保存后不能修改'); END;

-- trigger fund_attachments_listed_kept
CREATE TRIGGER fund_attachments_listed_kept
      BEFORE DELETE ON fund_attachments
      WHEN EXISTS (SELECT 1 FROM fund_entries e, json_each(e.attachments) j WHERE j.value = OLD.sha256)
      BEGIN SELECT RAISE(ABORT, '还有流水引用这个附件，不能删除'); END;

-- trigger fund_attachments_personal_kept
CREATE TRIGGER fund_attachments_personal_kept
      BEFORE UPDATE OF personal ON fund_attachments WHEN NEW.personal < OLD.personal
      BEGIN SELECT RAISE(ABORT, '含个人信息的附件不能取消标记'); END;

-- trigger fund_bank_line_entries_no_delete
CREATE TRIGGER fund_bank_line_entries_no_delete BEFORE DELETE ON fund_bank_line_entries BEGIN SELECT RAISE(ABORT, '银行未达账项的入账记录只能追加，不能修改或删除'); END;

-- trigger fund_bank_line_entries_no_update
CREATE TRIGGER fund_bank_line_entries_no_update BEFORE UPDATE ON fund_bank_line_entries BEGIN SELECT RAISE(ABORT, '银行未达账项的入账记录只能追加，不能修改或删除'); END;

-- trigger fund_campaign_floor_coefficients_no_delete
CREATE TRIGGER fund_campaign_floor_coefficients_no_delete BEFORE DELETE ON fund_campaign_floor_coefficients BEGIN SELECT RAISE(ABORT, '众筹的楼层系数确定后不能修改或删除'); END;

-- trigger fund_campaign_floor_coefficients_no_update
CREATE TRIGGER fund_campaign_floor_coefficients_no_update BEFORE UPDATE ON fund_campaign_floor_coefficients BEGIN SELECT RAISE(ABORT, '众筹的楼层系数确定后不能修改或删除'); END;

-- trigger fund_campaign_grants_no_delete
CREATE TRIGGER fund_campaign_grants_no_delete BEFORE DELETE ON fund_campaign_grants BEGIN SELECT RAISE(ABORT, '众筹补助到账记录只能追加，不能修改或删除；错误的记录请冲正其流水'); END;

-- trigger fund_campaign_grants_no_update
CREATE TRIGGER fund_campaign_grants_no_update BEFORE UPDATE ON fund_campaign_grants BEGIN SELECT RAISE(ABORT, '众筹补助到账记录只能追加，不能修改或删除；错误的记录请冲正其流水'); END;

-- trigger fund_campaign_households_kept
CREATE TRIGGER fund_campaign_households_kept BEFORE DELETE ON fund_campaign_households
      BEGIN SELECT RAISE(ABORT, '众筹分摊的住户不能删除'); END;

-- trigger fund_campaign_payments_no_delete
CREATE TRIGGER fund_campaign_payments_no_delete BEFORE DELETE ON fund_campaign_payments BEGIN SELECT RAISE(ABORT, '众筹缴款记录只能追加，不能修改或删除；错误的缴款请冲正其流水'); END;

-- trigger fund_campaign_payments_no_update
CREATE TRIGGER fund_campaign_payments_no_update BEFORE UPDATE ON fund_campaign_payments BEGIN SELECT RAISE(ABORT, '众筹缴款记录只能追加，不能修改或删除；错误的缴款请冲正其流水'); END;

-- trigger fund_campaign_shares_fixed
CREATE TRIGGER fund_campaign_shares_fixed
      BEFORE UPDATE OF share, area_hundredths, room, campaign_id, floor, weight_hundredths ON fund_campaign_households
      BEGIN SELECT RAISE(ABORT, '众筹分摊份额确定后不能修改'); END;

-- trigger fund_disclosures_no_delete
CREATE TRIGGER fund_disclosures_no_delete BEFORE DELETE ON fund_disclosures BEGIN SELECT RAISE(ABORT, '公示记录只能追加，不能修改或删除'); END;

-- trigger fund_disclosures_no_update
CREATE TRIGGER fund_disclosures_no_update BEFORE UPDATE ON fund_disclosures BEGIN SELECT RAISE(ABORT, '公示记录只能追加，不能修改或删除'); END;

-- trigger fund_disclosures_real_head
CREATE TRIGGER fund_disclosures_real_head BEFORE INSERT ON fund_disclosures
      WHEN NEW.head_seq > 0 AND (SELECT hash FROM fund_entries WHERE account_id = NEW.account_id AND seq = NEW.head_seq) IS NOT NEW.head_hash
      BEGIN SELECT RAISE(ABORT, '公示记录的校验码与账户流水不符'); END;

-- trigger fund_entries_chain_head
CREATE TRIGGER fund_entries_chain_head AFTER UPDATE OF status ON fund_entries WHEN NEW.status = 'posted'
      BEGIN UPDATE ledger_heads SET seq = NEW.seq, hash = NEW.hash WHERE chain = 'fund:' || NEW.account_id; END;

-- trigger fund_entries_chain_next
CREATE TRIGGER fund_entries_chain_next BEFORE UPDATE OF status ON fund_entries
      WHEN NEW.status = 'posted' AND (NEW.seq IS NOT (SELECT seq + 1 FROM ledger_heads WHERE chain = 'fund:' || NEW.account_id) OR length(NEW.hash) IS NOT 64)
      BEGIN SELECT RAISE(ABORT, '基金流水只能由程序按顺序过账（序号或校验码不对）'); END;

-- trigger fund_entries_no_delete
CREATE TRIGGER fund_entries_no_delete BEFORE DELETE ON fund_entries WHEN OLD.status <> 'draft' BEGIN SELECT RAISE(ABORT, '基金流水已过账或作废，不能修改或删除；错误的记录请冲正'); END;

-- trigger fund_entries_no_update
CREATE TRIGGER fund_entries_no_update BEFORE UPDATE ON fund_entries WHEN OLD.status <> 'draft' BEGIN SELECT RAISE(ABORT, '基金流水已过账或作废，不能修改或删除；错误的记录请冲正'); END;

-- trigger fund_entries_start_as_drafts
CREATE TRIGGER fund_entries_start_as_drafts BEFORE INSERT ON fund_entries
      WHEN NEW.status IS NOT 'draft' OR NEW.seq IS NOT NULL
      BEGIN SELECT RAISE(ABORT, '基金流水只能先写成草稿，再由程序过账'); END;

-- trigger fund_expenses_signed
CREATE TRIGGER fund_expenses_signed BEFORE UPDATE OF status ON fund_entries
      WHEN NEW.status = 'posted' AND NEW.direction = 'expense' AND NEW.reverses_id IS NULL
        AND (NEW.company_signoff_id IS NULL OR NEW.committee_signoff_id IS NULL)
      BEGIN SELECT RAISE(ABORT, '支出须经物业服务企业和业委会双方签字后才能过账'); END;

-- trigger fund_fee_allocations_no_delete
CREATE TRIGGER fund_fee_allocations_no_delete BEFORE DELETE ON fund_fee_allocations BEGIN SELECT RAISE(ABORT, '物业费提取记录只能追加，不能修改或删除；错误的提取请冲正其流水'); END;

-- trigger fund_fee_allocations_no_update
CREATE TRIGGER fund_fee_allocations_no_update BEFORE UPDATE ON fund_fee_allocations BEGIN SELECT RAISE(ABORT, '物业费提取记录只能追加，不能修改或删除；错误的提取请冲正其流水'); END;

-- trigger fund_grant_applications_no_delete
CREATE TRIGGER fund_grant_applications_no_delete BEFORE DELETE ON fund_grant_applications WHEN OLD.status IN ('closed', 'rejected', 'withdrawn') BEGIN SELECT RAISE(ABORT, '已办结、未通过或已撤回的维修资金使用申请不能修改或删除'); END;

-- trigger fund_grant_applications_no_update
CREATE TRIGGER fund_grant_applications_no_update BEFORE UPDATE ON fund_grant_applications WHEN OLD.status IN ('closed', 'rejected', 'withdrawn') BEGIN SELECT RAISE(ABORT, '已办结、未通过或已撤回的维修资金使用申请不能修改或删除'); END;

-- trigger fund_grant_payments_no_delete
CREATE TRIGGER fund_grant_payments_no_delete BEFORE DELETE ON fund_grant_payments BEGIN SELECT RAISE(ABORT, '维修资金使用申请的付款记录只能追加，不能修改或删除'); END;

-- trigger fund_grant_payments_no_update
CREATE TRIGGER fund_grant_payments_no_update BEFORE UPDATE ON fund_grant_payments BEGIN SELECT RAISE(ABORT, '维修资金使用申请的付款记录只能追加，不能修改或删除'); END;

-- trigger fund_reconciliation_items_final_delete
CREATE TRIGGER fund_reconciliation_items_final_delete BEFORE DELETE ON fund_reconciliation_items
      WHEN (SELECT status FROM fund_reconciliations WHERE id = OLD.reconciliation_id) = 'confirmed'
      BEGIN SELECT RAISE(ABORT, '已确认的银行对账不能修改或删除'); END;

-- trigger fund_reconciliation_items_final_insert
CREATE TRIGGER fund_reconciliation_items_final_insert BEFORE INSERT ON fund_reconciliation_items
      WHEN (SELECT status FROM fund_reconciliations WHERE id = NEW.reconciliation_id) = 'confirmed'
      BEGIN SELECT RAISE(ABORT, '已确认的银行对账不能修改或删除'); END;

-- trigger fund_reconciliation_items_final_update
CREATE TRIGGER fund_reconciliation_items_final_update BEFORE UPDATE ON fund_reconciliation_items
      WHEN (SELECT status FROM fund_reconciliations WHERE id = OLD.reconciliation_id) = 'confirmed'
      BEGIN SELECT RAISE(ABORT, '已确认的银行对账不能修改或删除'); END;

-- trigger fund_reconciliation_signoffs_no_delete
CREATE TRIGGER fund_reconciliation_signoffs_no_delete BEFORE DELETE ON fund_reconciliation_signoffs BEGIN SELECT RAISE(ABORT, '对账确认记录只能追加，不能修改或删除'); END;

-- trigger fund_reconciliation_signoffs_no_update
CREATE TRIGGER fund_reconciliation_signoffs_no_update BEFORE UPDATE ON fund_reconciliation_signoffs BEGIN SELECT RAISE(ABORT, '对账确认记录只能追加，不能修改或删除'); END;

-- trigger fund_reconciliations_no_delete
CREATE TRIGGER fund_reconciliations_no_delete BEFORE DELETE ON fund_reconciliations WHEN OLD.status = 'confirmed' BEGIN SELECT RAISE(ABORT, '已确认的银行对账不能修改或删除'); END;

-- trigger fund_reconciliations_no_update
CREATE TRIGGER fund_reconciliations_no_update BEFORE UPDATE ON fund_reconciliations WHEN OLD.status = 'confirmed' BEGIN SELECT RAISE(ABORT, '已确认的银行对账不能修改或删除'); END;

-- trigger fund_signoffs_no_delete
CREATE TRIGGER fund_signoffs_no_delete BEFORE DELETE ON fund_signoffs BEGIN SELECT RAISE(ABORT, '签字记录只能追加，不能修改或删除'); END;

-- trigger fund_signoffs_no_update
CREATE TRIGGER fund_signoffs_no_update BEFORE UPDATE ON fund_signoffs BEGIN SELECT RAISE(ABORT, '签字记录只能追加，不能修改或删除'); END;

-- trigger fund_signoffs_on_drafts
CREATE TRIGGER fund_signoffs_on_drafts BEFORE INSERT ON fund_signoffs
      WHEN (SELECT status FROM fund_entries WHERE id = NEW.entry_id) IS NOT 'draft'
        OR (SELECT side FROM fund_signatories WHERE id = NEW.signatory_id) IS NOT NEW.side
        OR (SELECT account_id FROM fund_signatories WHERE id = NEW.signatory_id)
           IS NOT (SELECT account_id FROM fund_entries WHERE id = NEW.entry_id)
      BEGIN SELECT RAISE(ABORT, '只能由本账户该方的签字人对草稿签字'); END;

-- trigger grid_buildings_place
CREATE TRIGGER grid_buildings_place BEFORE INSERT ON grid_buildings
      WHEN
  (SELECT b.kind || ':' || e.parent_id FROM places b JOIN places e ON e.id = b.parent_id WHERE b.id = NEW.building_id)
    IS NOT 'building:' || (SELECT community_id FROM grids WHERE id = NEW.grid_id)
      BEGIN SELECT RAISE(ABORT, '网格只能包含本社区的楼栋'); END;

-- trigger grids_community
CREATE TRIGGER grids_community BEFORE UPDATE OF community_id ON grids
      WHEN EXISTS (SELECT 1 FROM grid_buildings WHERE grid_id = NEW.id) AND NEW.community_id IS NOT OLD.community_id
      BEGIN SELECT RAISE(ABORT, '网格已有楼栋，不能改到别的社区'); END;

-- trigger meetings_month_delete
CREATE TRIGGER meetings_month_delete AFTER DELETE ON meetings
      BEGIN
        UPDATE org_meeting_months SET n = n - 1
          WHERE month = substr(OLD.held_on, 1, 7) AND org_id = OLD.org_id AND type = OLD.type;
      END;

-- trigger meetings_month_insert
CREATE TRIGGER meetings_month_insert AFTER INSERT ON meetings
      BEGIN
        INSERT INTO org_meeting_months VALUES (NEW.org_id, NEW.type, substr(NEW.held_on, 1, 7), 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;

-- trigger meetings_month_update
CREATE TRIGGER meetings_month_update AFTER UPDATE OF org_id, type, held_on ON meetings
      BEGIN
        UPDATE org_meeting_months SET n = n - 1
          WHERE month = substr(OLD.held_on, 1, 7) AND org_id = OLD.org_id AND type = OLD.type;
        INSERT INTO org_meeting_months VALUES (NEW.org_id, NEW.type, substr(NEW.held_on, 1, 7), 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;

-- trigger members_count_delete
CREATE TRIGGER members_count_delete AFTER DELETE ON members WHEN OLD.lifecycle = 'active'
      BEGIN
        UPDATE org_member_counts SET n = n - 1
          WHERE org_id = OLD.org_id AND category = OLD.category AND status = OLD.status
            AND is_centre_household = OLD.is_centre_household;
      END;

-- trigger members_count_insert
CREATE TRIGGER members_count_insert AFTER INSERT ON members WHEN NEW.lifecycle = 'active'
      BEGIN
        INSERT INTO org_member_counts VALUES (NEW.org_id, NEW.category, NEW.status, NEW.is_centre_household, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;

-- trigger members_count_update
CREATE TRIGGER members_count_update
        AFTER UPDATE OF org_id, category, status, is_centre_household, lifecycle ON members
      BEGIN
        UPDATE org_member_counts SET n = n - 1
          WHERE OLD.lifecycle = 'active' AND org_id = OLD.org_id AND category = OLD.category
            AND status = OLD.status AND is_centre_household = OLD.is_centre_household;
        INSERT INTO org_member_counts
          SELECT NEW.org_id, NEW.category, NEW.status, NEW.is_centre_household, 1 WHERE NEW.lifecycle = 'active'
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;

-- trigger members_linkable_delete
CREATE TRIGGER members_linkable_delete AFTER DELETE ON members WHEN OLD.id_number IS NOT NULL
      BEGIN
        UPDATE volunteer_linkable SET n = n - EXISTS (SELECT 1 FROM volunteers WHERE id_number = OLD.id_number AND member_id IS NULL);
      END;

-- trigger members_linkable_insert
CREATE TRIGGER members_linkable_insert AFTER INSERT ON members WHEN NEW.id_number IS NOT NULL
      BEGIN
        UPDATE volunteer_linkable SET n = n + EXISTS (SELECT 1 FROM volunteers WHERE id_number = NEW.id_number AND member_id IS NULL);
      END;

-- trigger members_linkable_update
CREATE TRIGGER members_linkable_update AFTER UPDATE OF id_number ON members
        WHEN OLD.id_number IS NOT NEW.id_number
      BEGIN
        UPDATE volunteer_linkable SET n = n
          + EXISTS (SELECT 1 FROM volunteers WHERE id_number = NEW.id_number AND member_id IS NULL)
          - EXISTS (SELECT 1 FROM volunteers WHERE id_number = OLD.id_number AND member_id IS NULL);
      END;

-- trigger org_meeting_months_quarter_delete
CREATE TRIGGER org_meeting_months_quarter_delete AFTER DELETE ON org_meeting_months
      BEGIN
  INSERT INTO org_quarter_meetings VALUES (substr(OLD.month, 1, 4) || '-Q' || ((CAST(substr(OLD.month, 6, 2) AS INTEGER) + 2) / 3), OLD.org_id, OLD.type, (((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 0) * (-OLD.n), (((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 1) * (-OLD.n), (((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 2) * (-OLD.n), 0, 0, 0, 0, 0, 0) ON CONFLICT DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3,
  c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, cn1 = cn1 + excluded.cn1, cn2 = cn2 + excluded.cn2, cn3 = cn3 + excluded.cn3;
  INSERT INTO org_quarter_meetings
    SELECT substr(OLD.month, 1, 4) || '-Q' || ((CAST(substr(OLD.month, 6, 2) AS INTEGER) + 2) / 3), u.parent_id, OLD.type, 0, 0, 0, -(((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 0 AND OLD.n > 0), -(((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 1 AND OLD.n > 0), -(((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 2 AND OLD.n > 0), -(((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 0) * (OLD.n), -(((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 1) * (OLD.n), -(((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 2) * (OLD.n)
    FROM orgs u WHERE u.id = OLD.org_id AND u.status = 'active' AND u.parent_id IS NOT NULL ON CONFLICT DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3,
  c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, cn1 = cn1 + excluded.cn1, cn2 = cn2 + excluded.cn2, cn3 = cn3 + excluded.cn3;
      END;

-- trigger org_meeting_months_quarter_insert
CREATE TRIGGER org_meeting_months_quarter_insert AFTER INSERT ON org_meeting_months
      BEGIN
  INSERT INTO org_quarter_meetings VALUES (substr(NEW.month, 1, 4) || '-Q' || ((CAST(substr(NEW.month, 6, 2) AS INTEGER) + 2) / 3), NEW.org_id, NEW.type, (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 0) * (NEW.n), (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 1) * (NEW.n), (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 2) * (NEW.n), 0, 0, 0, 0, 0, 0) ON CONFLICT DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3,
  c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, cn1 = cn1 + excluded.cn1, cn2 = cn2 + excluded.cn2, cn3 = cn3 + excluded.cn3;
  INSERT INTO org_quarter_meetings
    SELECT substr(NEW.month, 1, 4) || '-Q' || ((CAST(substr(NEW.month, 6, 2) AS INTEGER) + 2) / 3), u.parent_id, NEW.type, 0, 0, 0, (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 0 AND NEW.n > 0), (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 1 AND NEW.n > 0), (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 2 AND NEW.n > 0), (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 0) * (NEW.n), (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 1) * (NEW.n), (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 2) * (NEW.n)
    FROM orgs u WHERE u.id = NEW.org_id AND u.status = 'active' AND u.parent_id IS NOT NULL ON CONFLICT DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3,
  c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, cn1 = cn1 + excluded.cn1, cn2 = cn2 + excluded.cn2, cn3 = cn3 + excluded.cn3;
      END;

-- trigger org_meeting_months_quarter_update
CREATE TRIGGER org_meeting_months_quarter_update AFTER UPDATE ON org_meeting_months
      BEGIN
  INSERT INTO org_quarter_meetings VALUES (substr(OLD.month, 1, 4) || '-Q' || ((CAST(substr(OLD.month, 6, 2) AS INTEGER) + 2) / 3), OLD.org_id, OLD.type, (((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 0) * (-OLD.n), (((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 1) * (-OLD.n), (((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 2) * (-OLD.n), 0, 0, 0, 0, 0, 0) ON CONFLICT DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3,
  c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, cn1 = cn1 + excluded.cn1, cn2 = cn2 + excluded.cn2, cn3 = cn3 + excluded.cn3;
  INSERT INTO org_quarter_meetings
    SELECT substr(OLD.month, 1, 4) || '-Q' || ((CAST(substr(OLD.month, 6, 2) AS INTEGER) + 2) / 3), u.parent_id, OLD.type, 0, 0, 0, -(((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 0 AND OLD.n > 0), -(((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 1 AND OLD.n > 0), -(((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 2 AND OLD.n > 0), -(((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 0) * (OLD.n), -(((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 1) * (OLD.n), -(((CAST(substr(OLD.month, 6, 2) AS INTEGER) - 1) % 3) = 2) * (OLD.n)
    FROM orgs u WHERE u.id = OLD.org_id AND u.status = 'active' AND u.parent_id IS NOT NULL ON CONFLICT DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3,
  c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, cn1 = cn1 + excluded.cn1, cn2 = cn2 + excluded.cn2, cn3 = cn3 + excluded.cn3;
  INSERT INTO org_quarter_meetings VALUES (substr(NEW.month, 1, 4) || '-Q' || ((CAST(substr(NEW.month, 6, 2) AS INTEGER) + 2) / 3), NEW.org_id, NEW.type, (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 0) * (NEW.n), (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 1) * (NEW.n), (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 2) * (NEW.n), 0, 0, 0, 0, 0, 0) ON CONFLICT DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3,
  c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, cn1 = cn1 + excluded.cn1, cn2 = cn2 + excluded.cn2, cn3 = cn3 + excluded.cn3;
  INSERT INTO org_quarter_meetings
    SELECT substr(NEW.month, 1, 4) || '-Q' || ((CAST(substr(NEW.month, 6, 2) AS INTEGER) + 2) / 3), u.parent_id, NEW.type, 0, 0, 0, (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 0 AND NEW.n > 0), (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 1 AND NEW.n > 0), (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 2 AND NEW.n > 0), (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 0) * (NEW.n), (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 1) * (NEW.n), (((CAST(substr(NEW.month, 6, 2) AS INTEGER) - 1) % 3) = 2) * (NEW.n)
    FROM orgs u WHERE u.id = NEW.org_id AND u.status = 'active' AND u.parent_id IS NOT NULL ON CONFLICT DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3,
  c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, cn1 = cn1 + excluded.cn1, cn2 = cn2 + excluded.cn2, cn3 = cn3 + excluded.cn3;
      END;

-- trigger orgs_label_delete
CREATE TRIGGER orgs_label_delete AFTER DELETE ON orgs BEGIN UPDATE org_label_version SET n = n + 1; END;

-- trigger orgs_label_insert
CREATE TRIGGER orgs_label_insert AFTER INSERT ON orgs BEGIN UPDATE org_label_version SET n = n + 1; END;

-- trigger orgs_label_update
CREATE TRIGGER orgs_label_update AFTER UPDATE ON orgs BEGIN UPDATE org_label_version SET n = n + 1; END;

-- trigger orgs_quarter_meetings_update
CREATE TRIGGER orgs_quarter_meetings_update AFTER UPDATE OF parent_id, status ON orgs
        WHEN CASE WHEN OLD.status = 'active' THEN OLD.parent_id END IS NOT CASE WHEN NEW.status = 'active' THEN NEW.parent_id END
      BEGIN
  INSERT INTO org_quarter_meetings
    SELECT substr(k.month, 1, 4) || '-Q' || ((CAST(substr(k.month, 6, 2) AS INTEGER) + 2) / 3), OLD.parent_id, k.type, 0, 0, 0, -(((CAST(substr(k.month, 6, 2) AS INTEGER) - 1) % 3) = 0 AND k.n > 0), -(((CAST(substr(k.month, 6, 2) AS INTEGER) - 1) % 3) = 1 AND k.n > 0), -(((CAST(substr(k.month, 6, 2) AS INTEGER) - 1) % 3) = 2 AND k.n > 0), -(((CAST(substr(k.month, 6, 2) AS INTEGER) - 1) % 3) = 0) * (k.n), -(((CAST(substr(k.month, 6, 2) AS INTEGER) - 1) % 3) = 1) * (k.n), -(((CAST(substr(k.month, 6, 2) AS INTEGER) - 1) % 3) = 2) * (k.n)
    FROM org_meeting_months k
    WHERE k.org_id = OLD.id AND OLD.status = 'active' AND OLD.parent_id IS NOT NULL ON CONFLICT DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3,
  c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, cn1 = cn1 + excluded.cn1, cn2 = cn2 + excluded.cn2, cn3 = cn3 + excluded.cn3;
  INSERT INTO org_quarter_meetings
    SELECT substr(k.month, 1, 4) || '-Q' || ((CAST(substr(k.month, 6, 2) AS INTEGER) + 2) / 3), NEW.parent_id, k.type, 0, 0, 0, (((CAST(substr(k.month, 6, 2) AS INTEGER) - 1) % 3) = 0 AND k.n > 0), (((CAST(substr(k.month, 6, 2) AS INTEGER) - 1) % 3) = 1 AND k.n > 0), (((CAST(substr(k.month, 6, 2) AS INTEGER) - 1) % 3) = 2 AND k.n > 0), (((CAST(substr(k.month, 6, 2) AS INTEGER) - 1) % 3) = 0) * (k.n), (((CAST(substr(k.month, 6, 2) AS INTEGER) - 1) % 3) = 1) * (k.n), (((CAST(substr(k.month, 6, 2) AS INTEGER) - 1) % 3) = 2) * (k.n)
    FROM org_meeting_months k
    WHERE k.org_id = NEW.id AND NEW.status = 'active' AND NEW.parent_id IS NOT NULL ON CONFLICT DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3,
  c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, cn1 = cn1 + excluded.cn1, cn2 = cn2 + excluded.cn2, cn3 = cn3 + excluded.cn3;
      END;

-- trigger places_label_delete
CREATE TRIGGER places_label_delete AFTER DELETE ON places BEGIN UPDATE org_label_version SET n = n + 1; END;

-- trigger places_label_insert
CREATE TRIGGER places_label_insert AFTER INSERT ON places BEGIN UPDATE org_label_version SET n = n + 1; END;

-- trigger places_label_update
CREATE TRIGGER places_label_update AFTER UPDATE ON places BEGIN UPDATE org_label_version SET n = n + 1; END;

-- trigger points_entries_chain_head
CREATE TRIGGER points_entries_chain_head AFTER INSERT ON points_entries
      BEGIN UPDATE ledger_heads SET seq = NEW.seq, hash = NEW.hash WHERE chain = 'points'; END;

-- trigger points_entries_chain_next
CREATE TRIGGER points_entries_chain_next BEFORE INSERT ON points_entries
      WHEN NEW.seq IS NOT (SELECT seq + 1 FROM ledger_heads WHERE chain = 'points') OR length(NEW.hash) IS NOT 64
      BEGIN SELECT RAISE(ABORT, '积分台账只能由程序按顺序追加（序号或校验码不对）'); END;

-- trigger points_entries_no_delete
CREATE TRIGGER points_entries_no_delete BEFORE DELETE ON points_entries BEGIN SELECT RAISE(ABORT, '积分台账只能追加，错误的记录请冲正'); END;

-- trigger points_entries_no_update
CREATE TRIGGER points_entries_no_update BEFORE UPDATE ON points_entries BEGIN SELECT RAISE(ABORT, '积分台账只能追加，错误的记录请冲正'); END;

-- trigger points_totals_rank_delete
CREATE TRIGGER points_totals_rank_delete AFTER DELETE ON points_totals WHEN OLD.earned <> 0
      BEGIN
        UPDATE points_rank_counts SET ranked = ranked - 1 WHERE year = OLD.year AND quarter = OLD.quarter;
      END;

-- trigger points_totals_rank_insert
CREATE TRIGGER points_totals_rank_insert AFTER INSERT ON points_totals WHEN NEW.earned <> 0
      BEGIN
        INSERT INTO points_rank_counts VALUES (NEW.year, NEW.quarter, 1) ON CONFLICT DO UPDATE SET ranked = ranked + 1;
      END;

-- trigger points_totals_rank_update
CREATE TRIGGER points_totals_rank_update AFTER UPDATE OF year, quarter, earned ON points_totals
        WHEN (OLD.earned <> 0) IS NOT (NEW.earned <> 0) OR OLD.year IS NOT NEW.year OR OLD.quarter IS NOT NEW.quarter
      BEGIN
        UPDATE points_rank_counts SET ranked = ranked - 1 WHERE OLD.earned <> 0 AND year = OLD.year AND quarter = OLD.quarter;
        INSERT INTO points_rank_counts SELECT NEW.year, NEW.quarter, 1 WHERE NEW.earned <> 0
          ON CONFLICT DO UPDATE SET ranked = ranked + 1;
      END;

-- trigger property_card_withdrawals_no_delete
CREATE TRIGGER property_card_withdrawals_no_delete BEFORE DELETE ON property_card_withdrawals
      BEGIN SELECT RAISE(ABORT, '撤销记录不能删除'); END;

-- trigger property_card_withdrawals_no_update
CREATE TRIGGER property_card_withdrawals_no_update BEFORE UPDATE ON property_card_withdrawals
      BEGIN SELECT RAISE(ABORT, '撤销记录不能修改'); END;

-- trigger property_cards_no_delete
CREATE TRIGGER property_cards_no_delete BEFORE DELETE ON property_cards
      BEGIN SELECT RAISE(ABORT, '黄红牌记录不能删除，如有错误请撤销'); END;

-- trigger property_cards_no_update
CREATE TRIGGER property_cards_no_update BEFORE UPDATE ON property_cards
      BEGIN SELECT RAISE(ABORT, '黄红牌记录不能修改，如有错误请撤销'); END;

-- trigger property_estates_are_estates
CREATE TRIGGER property_estates_are_estates BEFORE INSERT ON property_estates
      WHEN (SELECT kind FROM places WHERE id = NEW.place_id) IS NOT 'estate'
      BEGIN SELECT RAISE(ABORT, '物业档案只能建立在小区上'); END;

-- trigger request_steps_no_delete
CREATE TRIGGER request_steps_no_delete BEFORE DELETE ON request_steps BEGIN SELECT RAISE(ABORT, '诉求的办理记录只能追加，不能修改或删除'); END;

-- trigger request_steps_no_update
CREATE TRIGGER request_steps_no_update BEFORE UPDATE ON request_steps BEGIN SELECT RAISE(ABORT, '诉求的办理记录只能追加，不能修改或删除'); END;

-- trigger request_street_answers_no_update
CREATE TRIGGER request_street_answers_no_update BEFORE UPDATE ON request_street_answers
      BEGIN SELECT RAISE(ABORT, '街道答复已发出，不能修改'); END;

-- trigger steward_buildings_kind
CREATE TRIGGER steward_buildings_kind BEFORE INSERT ON steward_buildings
      WHEN (SELECT kind FROM places WHERE id = NEW.building_id) IS NOT 'building'
      BEGIN SELECT RAISE(ABORT, '红色小管家只能联系楼栋'); END;

-- trigger volunteers_count_delete
CREATE TRIGGER volunteers_count_delete AFTER DELETE ON volunteers
      BEGIN
        UPDATE volunteer_counts SET n = n - 1, with_post = with_post - (OLD.post_id IS NOT NULL)
          WHERE org_id = OLD.org_id AND is_member = (OLD.member_id IS NOT NULL) AND active = OLD.active;
      END;

-- trigger volunteers_count_insert
CREATE TRIGGER volunteers_count_insert AFTER INSERT ON volunteers
      BEGIN
        INSERT INTO volunteer_counts VALUES (NEW.org_id, NEW.member_id IS NOT NULL, NEW.active, 1, NEW.post_id IS NOT NULL)
          ON CONFLICT DO UPDATE SET n = n + 1, with_post = with_post + excluded.with_post;
      END;

-- trigger volunteers_count_update
CREATE TRIGGER volunteers_count_update AFTER UPDATE OF org_id, member_id, active, post_id ON volunteers
        WHEN OLD.org_id IS NOT NEW.org_id OR (OLD.member_id IS NULL) IS NOT (NEW.member_id IS NULL)
          OR OLD.active IS NOT NEW.active OR (OLD.post_id IS NULL) IS NOT (NEW.post_id IS NULL)
      BEGIN
        UPDATE volunteer_counts SET n = n - 1, with_post = with_post - (OLD.post_id IS NOT NULL)
          WHERE org_id = OLD.org_id AND is_member = (OLD.member_id IS NOT NULL) AND active = OLD.active;
        INSERT INTO volunteer_counts VALUES (NEW.org_id, NEW.member_id IS NOT NULL, NEW.active, 1, NEW.post_id IS NOT NULL)
          ON CONFLICT DO UPDATE SET n = n + 1, with_post = with_post + excluded.with_post;
      END;

-- trigger volunteers_follow_member
CREATE TRIGGER volunteers_follow_member AFTER UPDATE OF name_pinyin, name_initials, org_id, lifecycle ON members
      BEGIN
        UPDATE volunteers
           SET name_pinyin = NEW.name_pinyin, name_initials = NEW.name_initials, org_id = NEW.org_id,
               active = (NEW.lifecycle = 'active')
         WHERE member_id = NEW.id;
      END;

-- trigger volunteers_linkable_delete
CREATE TRIGGER volunteers_linkable_delete AFTER DELETE ON volunteers
        WHEN OLD.member_id IS NULL AND OLD.id_number IS NOT NULL
      BEGIN
        UPDATE volunteer_linkable SET n = n - EXISTS (SELECT 1 FROM members WHERE id_number = OLD.id_number);
      END;

-- trigger volunteers_linkable_insert
CREATE TRIGGER volunteers_linkable_insert AFTER INSERT ON volunteers
        WHEN NEW.member_id IS NULL AND NEW.id_number IS NOT NULL
      BEGIN
        UPDATE volunteer_linkable SET n = n + EXISTS (SELECT 1 FROM members WHERE id_number = NEW.id_number);
      END;

-- trigger volunteers_linkable_update
CREATE TRIGGER volunteers_linkable_update AFTER UPDATE OF id_number, member_id ON volunteers
      BEGIN
        UPDATE volunteer_linkable SET n = n
          + (NEW.member_id IS NULL AND EXISTS (SELECT 1 FROM members WHERE id_number = NEW.id_number))
          - (OLD.member_id IS NULL AND EXISTS (SELECT 1 FROM members WHERE id_number = OLD.id_number));
      END;

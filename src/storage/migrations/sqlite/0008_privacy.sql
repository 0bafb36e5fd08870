-- The AVG (GDPR) made automatic: retention, anonymous counts, consent records, the audit log
-- and each Werkplaats's privacy settings. See src/app/privacy.hpp.

-- Per Werkplaats; a Werkplaats without a row uses the defaults below.
CREATE TABLE privacy_settings (
    werkplaats_id INTEGER PRIMARY KEY REFERENCES werkplaatsen(id),
    -- Months after an event after which its registrations are erased.
    retention_months INTEGER NOT NULL DEFAULT 12,
    -- Months after which an entry of the audit log is erased.
    audit_retention_months INTEGER NOT NULL DEFAULT 24,
    -- Public statistics show "fewer than N" for a group smaller than this.
    small_number_threshold INTEGER NOT NULL DEFAULT 5,
    -- Who is responsible (the controller) and where people send their requests.
    controller_name TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    contact_address TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL DEFAULT 0
);

-- What is left of erased registrations: how many people of a group, with a status and an
-- attendance, walked in or not, new or returning, per event. No person can be found in it;
-- the statistics read it beside the registrations, so they stay the same after erasure.
CREATE TABLE anonymous_attendance (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES stakeholder_groups(id),
    status TEXT NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
    attendance TEXT NOT NULL CHECK (attendance IN ('unknown', 'checked_in', 'no_show')),
    walk_in INTEGER NOT NULL,
    is_returning INTEGER NOT NULL,
    people INTEGER NOT NULL CHECK (people > 0),
    PRIMARY KEY (event_id, group_id, status, attendance, walk_in, is_returning)
);

-- Set when this person was present at an earlier event whose registrations were erased, so
-- that they still count as a returning visitor. One bit, no link to the erased records.
ALTER TABLE registrations ADD COLUMN seen_before INTEGER NOT NULL DEFAULT 0;
CREATE INDEX registrations_by_email ON registrations (email_normalized) WHERE email_normalized IS NOT NULL;

-- Consents given and withdrawn, with the version of the text the person saw. The
-- registration's consent_* columns hold the current state; these rows are the proof.
CREATE TABLE consent_records (
    id INTEGER PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('photos', 'contact')),
    given INTEGER NOT NULL,
    text_version TEXT NOT NULL,
    recorded_at INTEGER NOT NULL
);
CREATE INDEX consent_records_by_registration ON consent_records (registration_id, id);

-- Who did what to personal data, when. `detail` never holds a participant's personal data.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    werkplaats_id INTEGER NOT NULL REFERENCES werkplaatsen(id),
    at INTEGER NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('account', 'api_token', 'participant', 'system')),
    account_id INTEGER,
    api_token_id INTEGER,
    actor_name TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
    registration_id INTEGER REFERENCES registrations(id) ON DELETE SET NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_werkplaats ON audit_log (werkplaats_id, id);
CREATE INDEX audit_log_by_registration ON audit_log (registration_id) WHERE registration_id IS NOT NULL;

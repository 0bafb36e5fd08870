-- Evaluations and experiences of a café. See src/domain/evaluation.hpp and experience.hpp.

-- One answer to the evaluation form. Anonymous unless it came through a personal link:
-- then registration_id holds the person to once, and goes (SET NULL) when the registration
-- is erased, so the answer stays and is anonymous from then on.
CREATE TABLE evaluations (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    registration_id INTEGER REFERENCES registrations(id) ON DELETE SET NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    takeaway TEXT NOT NULL DEFAULT '',
    next_theme TEXT NOT NULL DEFAULT '',
    come_again TEXT NOT NULL CHECK (come_again IN ('unanswered', 'yes', 'maybe', 'no')),
    remark TEXT NOT NULL DEFAULT '',
    -- NULL: no group given.
    group_id INTEGER REFERENCES stakeholder_groups(id),
    submitted_at INTEGER NOT NULL
);
CREATE INDEX evaluations_by_event ON evaluations (event_id, id);
CREATE UNIQUE INDEX evaluations_once_per_registration ON evaluations (registration_id)
    WHERE registration_id IS NOT NULL;

-- A participant's quote, public only while status = 'published'. The consent columns are the
-- proof of what was consented to (the text version), how and when, and when it ended; a
-- withdrawn experience keeps only those. The person's link is stored as a digest.
CREATE TABLE experiences (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    registration_id INTEGER REFERENCES registrations(id) ON DELETE SET NULL,
    quote TEXT NOT NULL,
    attribution TEXT NOT NULL CHECK (attribution IN ('named', 'anonymous')),
    name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('published', 'hidden', 'withdrawn')),
    consent_text_version TEXT NOT NULL,
    consent_channel TEXT NOT NULL,
    consent_given_at INTEGER NOT NULL,
    consent_withdrawn_at INTEGER,
    token_hash TEXT NOT NULL UNIQUE,
    submitted_at INTEGER NOT NULL,
    status_changed_at INTEGER NOT NULL
);
CREATE INDEX experiences_by_event ON experiences (event_id, status, id);
CREATE INDEX experiences_by_registration ON experiences (registration_id)
    WHERE registration_id IS NOT NULL;

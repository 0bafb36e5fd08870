-- Werkplaatsen (tenants), their stakeholder groups and partner organisations.
CREATE TABLE werkplaatsen (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE stakeholder_groups (
    id INTEGER PRIMARY KEY,
    werkplaats_id INTEGER NOT NULL REFERENCES werkplaatsen(id),
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    is_resident INTEGER NOT NULL DEFAULT 0,
    UNIQUE (werkplaats_id, slug)
);

CREATE TABLE partners (
    id INTEGER PRIMARY KEY,
    werkplaats_id INTEGER NOT NULL REFERENCES werkplaatsen(id),
    name TEXT NOT NULL,
    website TEXT NOT NULL DEFAULT ''
);

-- Organiser accounts, their browser sessions and API tokens (hashes only).
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    werkplaats_id INTEGER NOT NULL REFERENCES werkplaatsen(id),
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('host', 'organiser', 'admin')),
    password_hash TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);

-- Events: kenniscafés and the other learning formats.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    werkplaats_id INTEGER NOT NULL REFERENCES werkplaatsen(id),
    title TEXT NOT NULL,
    theme TEXT NOT NULL DEFAULT '',
    event_type TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    location_name TEXT NOT NULL,
    location_address TEXT NOT NULL DEFAULT '',
    accessibility TEXT NOT NULL DEFAULT '',
    capacity INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'cancelled', 'held')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX events_by_start ON events (werkplaats_id, starts_at);

CREATE TABLE event_partners (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    partner_id INTEGER NOT NULL REFERENCES partners(id),
    PRIMARY KEY (event_id, partner_id)
);

CREATE TABLE event_speakers (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, position)
);

CREATE TABLE programme_items (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    time TEXT NOT NULL,
    title TEXT NOT NULL,
    work_form TEXT NOT NULL,
    PRIMARY KEY (event_id, position)
);

-- Registrations, the waiting list and attendance on the day.
CREATE TABLE registrations (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    email_normalized TEXT,
    group_id INTEGER NOT NULL REFERENCES stakeholder_groups(id),
    organisation TEXT NOT NULL DEFAULT '',
    dietary TEXT NOT NULL DEFAULT '',
    accessibility TEXT NOT NULL DEFAULT '',
    consent_photos INTEGER NOT NULL DEFAULT 0,
    consent_contact INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
    attendance TEXT NOT NULL DEFAULT 'unknown' CHECK (attendance IN ('unknown', 'checked_in', 'no_show')),
    walk_in INTEGER NOT NULL DEFAULT 0,
    cancel_token TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    status_changed_at INTEGER NOT NULL,
    checked_in_at INTEGER
);
CREATE INDEX registrations_by_event ON registrations (event_id, status, id);
-- One active registration per e-mail address and event.
CREATE UNIQUE INDEX registrations_one_per_email ON registrations (event_id, email_normalized)
    WHERE email_normalized IS NOT NULL AND status <> 'cancelled';

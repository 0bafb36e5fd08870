-- Accounts belong to people, not to a Werkplaats: a membership gives a person a role in
-- one Werkplaats, so one person can be an organiser here and a host there. Sessions
-- remember which Werkplaats the person picked; API tokens are scoped to one Werkplaats
-- and role, named, and expire. Hosts see only the events an organiser assigned them to.
--
-- SQLite cannot drop a column that a foreign key refers to, so the users table is
-- rebuilt. Nothing may refer to it while it is dropped (a cascade would delete the
-- referring rows), so sessions and API tokens are set aside first. Everyone is logged
-- out once by this migration; API tokens keep working.
CREATE TEMP TABLE old_users AS SELECT * FROM users;
CREATE TEMP TABLE old_api_tokens AS SELECT * FROM api_tokens;
DROP TABLE sessions;
DROP TABLE api_tokens;
DROP TABLE users;

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL
);
INSERT INTO users (id, email, name, password_hash)
    SELECT id, email, name, password_hash FROM old_users;

CREATE TABLE memberships (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    werkplaats_id INTEGER NOT NULL REFERENCES werkplaatsen(id),
    role TEXT NOT NULL CHECK (role IN ('host', 'organiser', 'admin')),
    disabled INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, werkplaats_id)
);
CREATE INDEX memberships_by_werkplaats ON memberships (werkplaats_id);
INSERT INTO memberships (user_id, werkplaats_id, role)
    SELECT id, werkplaats_id, role FROM old_users;

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    -- The Werkplaats the person works in now; NULL until they picked one.
    werkplaats_id INTEGER REFERENCES werkplaatsen(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    werkplaats_id INTEGER NOT NULL REFERENCES werkplaatsen(id),
    role TEXT NOT NULL CHECK (role IN ('host', 'organiser', 'admin')),
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
);
CREATE INDEX api_tokens_by_werkplaats ON api_tokens (werkplaats_id, user_id);
INSERT INTO api_tokens (token_hash, user_id, werkplaats_id, role, name, created_at, expires_at)
    SELECT t.token_hash, t.user_id, u.werkplaats_id, u.role, 'API', t.created_at,
           t.created_at + 365 * 86400
    FROM old_api_tokens t JOIN old_users u ON u.id = t.user_id;

DROP TABLE old_users;
DROP TABLE old_api_tokens;

-- One-time links: an invitation to join a Werkplaats, or a password reset. Only the
-- hash of the link's token is stored.
CREATE TABLE account_links (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('invite', 'reset')),
    email TEXT NOT NULL COLLATE NOCASE,
    name TEXT NOT NULL DEFAULT '',
    werkplaats_id INTEGER NOT NULL REFERENCES werkplaatsen(id),
    role TEXT NOT NULL CHECK (role IN ('host', 'organiser', 'admin')),
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX account_links_by_werkplaats ON account_links (werkplaats_id, created_at);

-- The hosts an organiser assigned to an event: the only events a host can open.
CREATE TABLE event_hosts (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_hosts_by_user ON event_hosts (user_id);

-- A Werkplaats's own public site: reached at its host name, or at /w/{slug}/.
ALTER TABLE werkplaatsen ADD COLUMN host_name TEXT NOT NULL DEFAULT '';

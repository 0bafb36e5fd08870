-- Harvest and follow-up ("doorpakken"): what a café yielded, the links table hosts harvest
-- with from a phone, and the actions that came out of it with their status history.

-- Only the hash of a link's token is stored, like sessions and API tokens.
CREATE TABLE harvest_links (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL DEFAULT '',
    token_hash TEXT NOT NULL UNIQUE,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX harvest_links_by_event ON harvest_links (event_id);

-- The origin is kept by name (table, programme item): setting a world café up again gives
-- its tables new ids, and the harvest must keep saying where it came from.
CREATE TABLE harvest_items (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('insight', 'recommendation', 'solution_direction',
                                       'open_question', 'quote')),
    -- The position of the kind in the harvest's order, so a page sorts in SQL.
    kind_order INTEGER NOT NULL,
    text TEXT NOT NULL,
    table_name TEXT NOT NULL DEFAULT '',
    round INTEGER NOT NULL DEFAULT 0,
    programme_item TEXT NOT NULL DEFAULT '',
    recorded_by_user INTEGER REFERENCES users(id) ON DELETE SET NULL,
    recorded_by_link INTEGER REFERENCES harvest_links(id) ON DELETE SET NULL,
    recorded_by_name TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX harvest_items_by_event ON harvest_items (event_id, kind_order, table_name, round, id);
CREATE INDEX harvest_items_by_link ON harvest_items (recorded_by_link);

-- The Werkplaats is kept beside the event so the action board of ten years of cafés reads
-- one index. Days are "YYYY-MM-DD" in Amsterdam, which sort as text.
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    werkplaats_id INTEGER NOT NULL REFERENCES werkplaatsen(id),
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    owner TEXT NOT NULL,
    contact TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX actions_by_werkplaats ON actions (werkplaats_id, status, due_on);
CREATE INDEX actions_by_event ON actions (event_id);

-- Every change of an action, oldest first; the first is its creation.
CREATE TABLE action_updates (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    text TEXT NOT NULL DEFAULT '',
    by_name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX action_updates_by_action ON action_updates (action_id, id);

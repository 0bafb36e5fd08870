-- World café: the tables and rounds of an event, who stays seated, and the plan.
CREATE TABLE world_cafes (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    started_rounds INTEGER NOT NULL DEFAULT 0,
    quality_dutch TEXT NOT NULL DEFAULT '',
    quality_english TEXT NOT NULL DEFAULT ''
);

CREATE TABLE world_cafe_rounds (
    event_id INTEGER NOT NULL REFERENCES world_cafes(event_id) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    question TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, round)
);

CREATE TABLE world_cafe_tables (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES world_cafes(event_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    host_registration_id INTEGER REFERENCES registrations(id)
);

CREATE TABLE world_cafe_seats (
    event_id INTEGER NOT NULL REFERENCES world_cafes(event_id) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    registration_id INTEGER NOT NULL REFERENCES registrations(id),
    table_id INTEGER NOT NULL REFERENCES world_cafe_tables(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, round, registration_id)
);

-- Someone who stays at one table all rounds (a wheelchair user, say).
ALTER TABLE registrations ADD COLUMN stays_seated INTEGER NOT NULL DEFAULT 0;

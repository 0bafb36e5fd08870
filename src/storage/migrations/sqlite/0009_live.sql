-- Live sessions: questions answered on phones during a café, with the results on the beamer.
-- Answers and moderation are append-only logs: the live engine (src/live/) rebuilds its
-- tallies from them in order after a restart, so nothing it acknowledged is lost.

CREATE TABLE live_sessions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    -- Six characters from an alphabet without look-alikes; participants type it to join.
    -- Unique among the sessions that are not ended (see live_sessions_by_code).
    join_code TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'prepared' CHECK (state IN ('prepared', 'running', 'ended')),
    -- The question on the screen; NULL before the first one.
    current_question_id INTEGER,
    -- Words that never appear on a screen, one per line.
    word_filter TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX live_sessions_by_event ON live_sessions (event_id);
CREATE UNIQUE INDEX live_sessions_by_code ON live_sessions (join_code) WHERE state != 'ended';

CREATE TABLE live_questions (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES live_sessions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('word_cloud', 'choice', 'statement', 'scale', 'quiz',
                                       'open', 'qa', 'ranking')),
    prompt TEXT NOT NULL,
    -- One option per line (options cannot hold a line break).
    options TEXT NOT NULL DEFAULT '',
    multiple INTEGER NOT NULL DEFAULT 0,
    scale_min INTEGER NOT NULL DEFAULT 1,
    scale_max INTEGER NOT NULL DEFAULT 10,
    scale_min_label TEXT NOT NULL DEFAULT '',
    scale_max_label TEXT NOT NULL DEFAULT '',
    correct_option INTEGER NOT NULL DEFAULT -1,
    time_limit_seconds INTEGER NOT NULL DEFAULT 20,
    words_per_participant INTEGER NOT NULL DEFAULT 3,
    approve_first INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'open', 'closed')),
    -- Milliseconds since the epoch: quiz points depend on the time since opening.
    opened_at_ms INTEGER,
    results_shown INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX live_questions_by_session ON live_questions (session_id, position);

-- A phone that joined. Only the hash of its token is stored.
CREATE TABLE live_participants (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES live_sessions(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    group_id INTEGER REFERENCES stakeholder_groups(id) ON DELETE SET NULL,
    registration_id INTEGER REFERENCES registrations(id) ON DELETE SET NULL,
    nickname TEXT NOT NULL DEFAULT '',
    joined_at INTEGER NOT NULL
);
CREATE INDEX live_participants_by_session ON live_participants (session_id);

-- Every accepted answer, in the order the engine took it. `client_id` makes a resent answer
-- harmless; the group is the participant's group when they answered.
CREATE TABLE live_answers (
    id INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES live_questions(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES live_participants(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL DEFAULT 0,
    client_id TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '',
    number INTEGER,
    words TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    upvote INTEGER,
    elapsed_ms INTEGER NOT NULL DEFAULT 0,
    received_at INTEGER NOT NULL,
    UNIQUE (participant_id, client_id)
);
CREATE INDEX live_answers_by_question ON live_answers (question_id, id);

-- The presenter's moderation, replayed in order: hide or show a word, merge a word into
-- another, and show or hide an entry of an open question or Q&A.
CREATE TABLE live_moderation (
    id INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES live_questions(id) ON DELETE CASCADE,
    action TEXT NOT NULL CHECK (action IN ('hide_word', 'show_word', 'merge_words',
                                           'entry_shown', 'entry_hidden')),
    subject TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    at INTEGER NOT NULL
);
CREATE INDEX live_moderation_by_question ON live_moderation (question_id, id);

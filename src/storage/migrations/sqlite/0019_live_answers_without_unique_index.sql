-- The answer log loses its UNIQUE (participant_id, client_id). The live engine already keeps
-- every (participant, answer id) of a session in memory, rebuilt from this log when a room is
-- loaded, and refuses a resent answer before it is written; the index only repeated that check.
-- It was the one index of the log in random order: at thousands of answers a second every
-- commit touched a page of it per answer, and its cost grew with the log (decision 7).
CREATE TABLE live_answers_new (
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
    received_at INTEGER NOT NULL
);
INSERT INTO live_answers_new (id, question_id, participant_id, group_id, client_id, options,
                              number, words, text, upvote, elapsed_ms, received_at)
SELECT id, question_id, participant_id, group_id, client_id, options, number, words, text,
       upvote, elapsed_ms, received_at
FROM live_answers;
DROP TABLE live_answers;
ALTER TABLE live_answers_new RENAME TO live_answers;
CREATE INDEX live_answers_by_question ON live_answers (question_id, id);

-- A table's own question for a round, where it differs from the round's question.
CREATE TABLE world_cafe_table_questions (
    table_id INTEGER NOT NULL REFERENCES world_cafe_tables(id) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    question TEXT NOT NULL,
    PRIMARY KEY (table_id, round)
);

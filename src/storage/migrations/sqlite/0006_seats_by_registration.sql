-- A participant's phone asks for their own seats every 15 seconds during a world café.
CREATE INDEX world_cafe_seats_by_registration ON world_cafe_seats (registration_id, round);

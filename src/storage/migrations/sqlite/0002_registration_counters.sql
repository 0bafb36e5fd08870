-- Counts per event kept up to date by triggers, so that deciding between a place and
-- the waiting list costs the same for the first registration and the ten-thousandth.
ALTER TABLE events ADD COLUMN registered_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN waitlisted_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN checked_in_count INTEGER NOT NULL DEFAULT 0;

UPDATE events SET
    registered_count = (SELECT COUNT(*) FROM registrations r WHERE r.event_id = events.id AND r.status = 'registered'),
    waitlisted_count = (SELECT COUNT(*) FROM registrations r WHERE r.event_id = events.id AND r.status = 'waitlisted'),
    checked_in_count = (SELECT COUNT(*) FROM registrations r WHERE r.event_id = events.id AND r.status = 'registered'
                        AND r.attendance = 'checked_in');

CREATE TRIGGER registrations_count_insert AFTER INSERT ON registrations BEGIN
    UPDATE events SET
        registered_count = registered_count + (NEW.status = 'registered'),
        waitlisted_count = waitlisted_count + (NEW.status = 'waitlisted'),
        checked_in_count = checked_in_count + (NEW.status = 'registered' AND NEW.attendance = 'checked_in')
    WHERE id = NEW.event_id;
END;

CREATE TRIGGER registrations_count_update AFTER UPDATE OF status, attendance ON registrations BEGIN
    UPDATE events SET
        registered_count = registered_count - (OLD.status = 'registered') + (NEW.status = 'registered'),
        waitlisted_count = waitlisted_count - (OLD.status = 'waitlisted') + (NEW.status = 'waitlisted'),
        checked_in_count = checked_in_count - (OLD.status = 'registered' AND OLD.attendance = 'checked_in')
                                            + (NEW.status = 'registered' AND NEW.attendance = 'checked_in')
    WHERE id = NEW.event_id;
END;

CREATE TRIGGER registrations_count_delete AFTER DELETE ON registrations BEGIN
    UPDATE events SET
        registered_count = registered_count - (OLD.status = 'registered'),
        waitlisted_count = waitlisted_count - (OLD.status = 'waitlisted'),
        checked_in_count = checked_in_count - (OLD.status = 'registered' AND OLD.attendance = 'checked_in')
    WHERE id = OLD.event_id;
END;

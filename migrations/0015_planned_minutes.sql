-- session (#19): an activity's planned minutes (the running order), mirrored from the room
-- so the report, its printout and the JSON export show planned beside actual time.
ALTER TABLE activities ADD COLUMN planned_minutes INTEGER;

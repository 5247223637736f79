-- Safety (#12): a cap on participants per workshop (409 "full" past it).
ALTER TABLE workshops ADD COLUMN max_participants INTEGER NOT NULL DEFAULT 500;

-- Co-delivery (issue #15): commitments made after a workshop, their dated updates, and
-- partner links that speak for one organisation.

-- Partner tokens name the organisation they speak for (NULL for every other role).
ALTER TABLE tokens ADD COLUMN organisation TEXT;

CREATE TABLE commitments (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL,                -- owner organisation, as written
  organisation_key TEXT NOT NULL,            -- normalised, matched against partner tokens
  due TEXT,                                  -- YYYY-MM-DD
  status TEXT NOT NULL DEFAULT 'planned',    -- planned | in_progress | done | not_doing (latest update's)
  progress INTEGER NOT NULL DEFAULT 0,       -- 0..100 (latest update's)
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX commitments_workshop ON commitments(workshop_id);

-- What a commitment answers: a vote option or a card. Origin groups are the stakeholder
-- groups of the cards it came from, kept when the commitment was made.
CREATE TABLE commitment_sources (
  commitment_id TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  activity_id TEXT NOT NULL,
  option_id TEXT,
  card_id TEXT,
  origin_groups TEXT NOT NULL DEFAULT '[]',  -- JSON group ids
  PRIMARY KEY (commitment_id, position)
);
CREATE INDEX commitment_sources_workshop ON commitment_sources(workshop_id);

-- The dated history: append-only (the trigger refuses any rewrite).
CREATE TABLE commitment_updates (
  id TEXT PRIMARY KEY,
  commitment_id TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,                        -- created | update
  status TEXT NOT NULL,                      -- status after this update
  progress INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  by_role TEXT NOT NULL,                     -- organiser | facilitator | partner
  by_organisation TEXT,                      -- the partner's organisation
  client_id TEXT,                            -- the sender's id for the update: a resend is applied once
  UNIQUE (commitment_id, client_id)
);
CREATE INDEX commitment_updates_commitment ON commitment_updates(commitment_id, at);
CREATE INDEX commitment_updates_workshop ON commitment_updates(workshop_id);

CREATE TRIGGER commitment_updates_append_only BEFORE UPDATE ON commitment_updates
BEGIN
  SELECT RAISE(ABORT, 'commitment updates are append-only');
END;

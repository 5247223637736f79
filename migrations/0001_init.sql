-- Coproduce D1 schema: saved outputs of workshops, identities (as hashes) and the audit trail.
-- Rooms write here through their outbox (party/storage.ts); the Worker reads for reports and exports.

CREATE TABLE programmes (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE workshops (
  id TEXT PRIMARY KEY,
  programme_id TEXT REFERENCES programmes(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  template TEXT,
  join_code TEXT NOT NULL UNIQUE,
  stakeholder_groups TEXT NOT NULL,          -- JSON [{id,label}]
  consent_text TEXT NOT NULL,
  consent_version INTEGER NOT NULL DEFAULT 1,
  show_names INTEGER NOT NULL DEFAULT 0,
  language TEXT NOT NULL DEFAULT 'en',
  scheduled_for TEXT,                        -- ISO date the workshop is planned for
  status TEXT NOT NULL DEFAULT 'draft',      -- draft | live | closed
  retention_days INTEGER NOT NULL DEFAULT 365,
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  closed_at INTEGER
);
CREATE INDEX workshops_programme ON workshops(programme_id);

-- Long-lived secrets, stored only as SHA-256 hex of the token.
CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,                   -- public id of the token (used as the actor id for non-participants)
  workshop_id TEXT,                          -- NULL for programme-wide evaluator tokens
  programme_id TEXT,
  role TEXT NOT NULL,                        -- facilitator | participant | screen | evaluator
  participant_id TEXT,
  label TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX tokens_workshop ON tokens(workshop_id);

-- Single-use 60-second tickets for the WebSocket URL, stored as hashes.
CREATE TABLE tickets (
  hash TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX tickets_expiry ON tickets(expires_at);

CREATE TABLE participants (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_chosen INTEGER NOT NULL DEFAULT 0,    -- 0: generated pseudonym
  group_id TEXT NOT NULL,
  consent_version INTEGER NOT NULL,
  consented_at INTEGER NOT NULL,
  joined_at INTEGER NOT NULL,
  removed_at INTEGER,
  withdrawn_at INTEGER
);
CREATE INDEX participants_workshop ON participants(workshop_id);

CREATE TABLE activities (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  config TEXT NOT NULL,                      -- JSON
  position INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft',
  opened_at INTEGER,
  closed_at INTEGER,
  removed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX activities_workshop ON activities(workshop_id);

CREATE TABLE cards (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  lane TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  author_id TEXT NOT NULL,
  group_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  hidden INTEGER NOT NULL DEFAULT 0,
  hidden_reason TEXT,
  supports INTEGER NOT NULL DEFAULT 0,
  supporters TEXT NOT NULL DEFAULT '[]',     -- JSON participant ids
  merged_into TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  x REAL,
  y REAL
);
CREATE INDEX cards_workshop ON cards(workshop_id);

CREATE TABLE comments (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  card_id TEXT NOT NULL,
  text TEXT NOT NULL,
  author_id TEXT NOT NULL,
  group_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX comments_workshop ON comments(workshop_id);

CREATE TABLE links (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  from_card TEXT NOT NULL,
  to_card TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  removed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX links_workshop ON links(workshop_id);

CREATE TABLE ballots (
  workshop_id TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  group_id TEXT NOT NULL,
  ballot TEXT NOT NULL,                      -- JSON
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (activity_id, participant_id)
);
CREATE INDEX ballots_workshop ON ballots(workshop_id);

CREATE TABLE results (
  workshop_id TEXT NOT NULL,
  activity_id TEXT PRIMARY KEY,
  result TEXT NOT NULL,                      -- JSON tally
  revealed_at INTEGER
);
CREATE INDEX results_workshop ON results(workshop_id);

CREATE TABLE feedback (
  workshop_id TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  group_id TEXT NOT NULL,
  answers TEXT NOT NULL,                     -- JSON
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (activity_id, participant_id)
);
CREATE INDEX feedback_workshop ON feedback(workshop_id);

-- The audit trail: every accepted command, in room order. Never holds tokens.
CREATE TABLE events (
  workshop_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  actor_id TEXT NOT NULL,
  role TEXT NOT NULL,
  group_id TEXT NOT NULL DEFAULT '',
  command TEXT NOT NULL,
  args TEXT NOT NULL,                        -- JSON (for card.hide this keeps the original text)
  PRIMARY KEY (workshop_id, seq)
);

-- Fixed-window counters for rate limits (join attempts per client address).
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL
);

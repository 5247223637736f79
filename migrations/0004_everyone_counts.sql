-- Everyone counts (issue 14, docs/everyone-counts.md): people on paper, at shared
-- tablets (kiosks) and helped by interpreters take part with equal standing.

-- An interpreter link translates into one language.
ALTER TABLE tokens ADD COLUMN language TEXT;

-- Anonymous people credited to a stakeholder group: one per paper ballot or feedback
-- form a facilitator typed in, one per person's turn at a kiosk. Never a name.
-- Ballots and feedback whose participant_id is here came from paper or a kiosk.
CREATE TABLE respondents (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  source TEXT NOT NULL,                      -- paper | kiosk
  group_id TEXT NOT NULL,
  table_id TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX respondents_workshop ON respondents(workshop_id);

-- Head counts of people taking part without a phone, per group (and table).
CREATE TABLE attendance (
  workshop_id TEXT NOT NULL,
  group_id TEXT NOT NULL,
  table_id TEXT NOT NULL DEFAULT '',
  count INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workshop_id, group_id, table_id)
);

-- Translations of organiser-written text (consent, purpose, prompts, lanes, kinds,
-- options) and of participants' cards. Holds no author.
CREATE TABLE translations (
  workshop_id TEXT NOT NULL,
  language TEXT NOT NULL,
  target TEXT NOT NULL,
  text TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (workshop_id, language, target)
);

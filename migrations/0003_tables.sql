-- Tables (#13, docs/tables.md): breakout tables, table hosts and the harvest to the plenary.

-- The workshop's tables, JSON [{id,label}]; set at creation, kept current by the room (tables.set).
ALTER TABLE workshops ADD COLUMN tables TEXT NOT NULL DEFAULT '[]';

-- A host token acts for this one table only.
ALTER TABLE tokens ADD COLUMN table_id TEXT;

-- Where a participant sits (picked at join, changed by participant.update); NULL: at no table.
ALTER TABLE participants ADD COLUMN table_id TEXT;

-- The table a card was raised at (maps at tables), and for a card harvested into a plenary map
-- where it came from: JSON {activityId, cardId, table, group, supports, mergedFrom}.
ALTER TABLE cards ADD COLUMN table_id TEXT;
ALTER TABLE cards ADD COLUMN origin TEXT;

/**
 * Typed reads of a workshop's saved outputs (written by the room's outbox).
 * JSON columns stay strings here; report/ parses them with valibot.
 */

export interface ActivityRow {
  id: string;
  workshop_id: string;
  kind: string;
  title: string;
  config: string;
  position: number;
  status: string;
  opened_at: number | null;
  closed_at: number | null;
  removed: number;
}

export interface CardRow {
  id: string;
  workshop_id: string;
  activity_id: string;
  lane: string;
  kind: string;
  text: string;
  author_id: string;
  group_id: string;
  created_at: number;
  hidden: number;
  hidden_reason: string | null;
  supports: number;
  supporters: string;
  merged_into: string | null;
  deleted: number;
  x: number | null;
  y: number | null;
  /** tables (#13, migration 0003): the table it was raised at */
  table_id?: string | null;
  /** tables (#13): JSON CardOrigin for a card harvested into a plenary map */
  origin?: string | null;
}

export interface CommentRow {
  id: string;
  workshop_id: string;
  card_id: string;
  text: string;
  author_id: string;
  group_id: string;
  created_at: number;
}

export interface LinkRow {
  id: string;
  workshop_id: string;
  from_card: string;
  to_card: string;
  label: string;
  removed: number;
}

export interface BallotRow {
  workshop_id: string;
  activity_id: string;
  participant_id: string;
  group_id: string;
  ballot: string;
  updated_at: number;
}

export interface ResultRow {
  workshop_id: string;
  activity_id: string;
  result: string;
  revealed_at: number | null;
}

export interface FeedbackRow {
  workshop_id: string;
  activity_id: string;
  participant_id: string;
  group_id: string;
  answers: string;
  updated_at: number;
}

export interface EventRow {
  workshop_id: string;
  seq: number;
  at: number;
  actor_id: string;
  role: string;
  group_id: string;
  command: string;
  args: string;
}

async function rows<T>(db: D1Database, sql: string, workshopId: string): Promise<T[]> {
  return (await db.prepare(sql).bind(workshopId).all<T>()).results;
}

export const listActivities = (db: D1Database, workshopId: string) =>
  rows<ActivityRow>(
    db,
    "SELECT * FROM activities WHERE workshop_id = ? AND removed = 0 ORDER BY position, id",
    workshopId,
  );

export const listCards = (db: D1Database, workshopId: string) =>
  rows<CardRow>(db, "SELECT * FROM cards WHERE workshop_id = ? AND deleted = 0 ORDER BY created_at, id", workshopId);

export const listComments = (db: D1Database, workshopId: string) =>
  rows<CommentRow>(db, "SELECT * FROM comments WHERE workshop_id = ? ORDER BY created_at, id", workshopId);

export const listLinks = (db: D1Database, workshopId: string) =>
  rows<LinkRow>(db, "SELECT * FROM links WHERE workshop_id = ? AND removed = 0 ORDER BY id", workshopId);

export const listBallots = (db: D1Database, workshopId: string) =>
  rows<BallotRow>(
    db,
    "SELECT * FROM ballots WHERE workshop_id = ? ORDER BY activity_id, updated_at, participant_id",
    workshopId,
  );

export const listResults = (db: D1Database, workshopId: string) =>
  rows<ResultRow>(db, "SELECT * FROM results WHERE workshop_id = ?", workshopId);

export const listFeedback = (db: D1Database, workshopId: string) =>
  rows<FeedbackRow>(
    db,
    "SELECT * FROM feedback WHERE workshop_id = ? ORDER BY activity_id, updated_at, participant_id",
    workshopId,
  );

export const listEvents = (db: D1Database, workshopId: string) =>
  rows<EventRow>(db, "SELECT * FROM events WHERE workshop_id = ? ORDER BY seq", workshopId);

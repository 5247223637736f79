/**
 * Typed reads of a workshop's saved outputs (written by the room's outbox).
 * JSON columns stay strings here; report/ parses them with valibot.
 */
import type { Source } from "../../party/model/commands";

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
  /** session (#19): the running order's planned minutes (migration 0015) */
  planned_minutes: number | null;
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
  /** phone, paper or kiosk (everyone counts: from the respondents table) */
  source: Source;
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
  /** phone, paper or kiosk (everyone counts: from the respondents table) */
  source: Source;
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

// Ballots and feedback whose participant is a respondent came from paper or a kiosk; the rest from phones.
export const listBallots = (db: D1Database, workshopId: string) =>
  rows<BallotRow>(
    db,
    `SELECT b.*, COALESCE(r.source, 'phone') AS source FROM ballots b LEFT JOIN respondents r ON r.id = b.participant_id
     WHERE b.workshop_id = ? ORDER BY b.activity_id, b.updated_at, b.participant_id`,
    workshopId,
  );

export const listResults = (db: D1Database, workshopId: string) =>
  rows<ResultRow>(db, "SELECT * FROM results WHERE workshop_id = ?", workshopId);

export const listFeedback = (db: D1Database, workshopId: string) =>
  rows<FeedbackRow>(
    db,
    `SELECT f.*, COALESCE(r.source, 'phone') AS source FROM feedback f LEFT JOIN respondents r ON r.id = f.participant_id
     WHERE f.workshop_id = ? ORDER BY f.activity_id, f.updated_at, f.participant_id`,
    workshopId,
  );

// ---- everyone counts (issue 14): respondents, head counts, translations ----

export interface RespondentRow {
  id: string;
  workshop_id: string;
  source: "paper" | "kiosk";
  group_id: string;
  table_id: string | null;
  created_at: number;
}

export interface AttendanceRow {
  workshop_id: string;
  group_id: string;
  /** '' when not at a table */
  table_id: string;
  count: number;
  updated_at: number;
}

export interface TranslationRow {
  workshop_id: string;
  language: string;
  target: string;
  text: string;
  updated_at: number;
}

export const listRespondents = (db: D1Database, workshopId: string) =>
  rows<RespondentRow>(db, "SELECT * FROM respondents WHERE workshop_id = ? ORDER BY created_at, id", workshopId);

export const listAttendance = (db: D1Database, workshopId: string) =>
  rows<AttendanceRow>(db, "SELECT * FROM attendance WHERE workshop_id = ? ORDER BY group_id, table_id", workshopId);

export const listTranslations = (db: D1Database, workshopId: string) =>
  rows<TranslationRow>(db, "SELECT * FROM translations WHERE workshop_id = ? ORDER BY language, target", workshopId);

export const listEvents = (db: D1Database, workshopId: string) =>
  rows<EventRow>(db, "SELECT * FROM events WHERE workshop_id = ? ORDER BY seq", workshopId);

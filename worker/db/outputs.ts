/**
 * Typed reads of a workshop's saved outputs (written by the room's outbox).
 * JSON columns stay strings here; report/ parses them with valibot.
 */
import type { Source } from "../../party/model/commands";
import { allRows, workshopRows } from "./rows";

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

export const listActivities = allRows<ActivityRow>("activities", "AND removed = 0 ORDER BY position, id");

export const listCards = allRows<CardRow>("cards", "AND deleted = 0 ORDER BY created_at, id");

export const listComments = allRows<CommentRow>("comments", "ORDER BY created_at, id");

export const listLinks = allRows<LinkRow>("links", "AND removed = 0 ORDER BY id");

/** Ballots and feedback whose participant is a respondent came from paper or a kiosk; the rest from phones. */
const answersWithSource = <T>(table: "ballots" | "feedback") =>
  workshopRows<T>(
    `SELECT a.*, COALESCE(r.source, 'phone') AS source FROM ${table} a LEFT JOIN respondents r ON r.id = a.participant_id
     WHERE a.workshop_id = ? ORDER BY a.activity_id, a.updated_at, a.participant_id`,
  );

export const listBallots = answersWithSource<BallotRow>("ballots");

export const listResults = allRows<ResultRow>("results", "");

export const listFeedback = answersWithSource<FeedbackRow>("feedback");

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

export const listRespondents = allRows<RespondentRow>("respondents", "ORDER BY created_at, id");

export const listAttendance = allRows<AttendanceRow>("attendance", "ORDER BY group_id, table_id");

export const listTranslations = allRows<TranslationRow>("translations", "ORDER BY language, target");

export const listEvents = allRows<EventRow>("events", "ORDER BY seq");

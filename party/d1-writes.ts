/**
 * What the room writes to D1, one typed operation per table. An operation names its
 * statement and carries its values by name; the outbox stores them (in the statement's
 * column order) and the flush binds them. Every statement is idempotent, so a batch D1
 * applied but whose confirmation was lost can safely be sent again.
 *
 * The D1 tables themselves are defined by migrations/; the Worker reads them (worker/db).
 */

export type Value = string | number | null;

export interface Statement<C extends string> {
  /** the values, in the order they are bound (and stored in an outbox row) */
  columns: readonly C[];
  sql: string;
}

/** Writes `sql` with named placeholders: `p.id` becomes the positional `?N` of the column `id`. */
function statement<const C extends string>(columns: readonly C[], sql: (p: Record<C, string>) => string): Statement<C> {
  const placeholders = Object.fromEntries(columns.map((column, i) => [column, `?${i + 1}`])) as Record<C, string>;
  return { columns, sql: sql(placeholders) };
}

/**
 * Ballots and feedback are one shape in D1, as in the room's own storage
 * (private-store.ts): one answer per person and activity, as JSON in `column`.
 */
function answerStatements<const A extends string>(table: string, column: A) {
  return {
    put: statement(
      ["workshopId", "activityId", "participantId", "group", column, "updatedAt"],
      (p) => `INSERT INTO ${table} (workshop_id, activity_id, participant_id, group_id, ${column}, updated_at)
      VALUES (${p.workshopId}, ${p.activityId}, ${p.participantId}, ${p.group}, ${p[column]}, ${p.updatedAt})
      ON CONFLICT(activity_id, participant_id) DO UPDATE SET group_id = excluded.group_id, ${column} = excluded.${column},
        updated_at = excluded.updated_at`,
    ),
    deleted: statement(
      ["workshopId", "participantId", "activityId"],
      (p) => `DELETE FROM ${table}
      WHERE workshop_id = ${p.workshopId} AND participant_id = ${p.participantId} AND activity_id = ${p.activityId}`,
    ),
    deletedBy: statement(
      ["workshopId", "participantId"],
      (p) => `DELETE FROM ${table} WHERE workshop_id = ${p.workshopId} AND participant_id = ${p.participantId}`,
    ),
  };
}

const BALLOTS = answerStatements("ballots", "ballot");
const FEEDBACK = answerStatements("feedback", "answers");

export const STATEMENTS = {
  // ---- events: the audit trail ----
  event: statement(
    ["workshopId", "seq", "at", "actorId", "role", "group", "command", "args"],
    (p) => `INSERT OR IGNORE INTO events (workshop_id, seq, at, actor_id, role, group_id, command, args)
      VALUES (${p.workshopId}, ${p.seq}, ${p.at}, ${p.actorId}, ${p.role}, ${p.group}, ${p.command}, ${p.args})`,
  ),
  scrubEventsBy: statement(
    ["workshopId", "actorId"],
    (p) =>
      `UPDATE events SET args = '{"withdrawn":true}' WHERE workshop_id = ${p.workshopId} AND actor_id = ${p.actorId}`,
  ),

  // ---- workshops: the Worker created the row (join code, consent); the room keeps its live fields current ----
  workshop: statement(
    ["id", "title", "purpose", "status", "showNames", "language", "at"],
    (p) => `UPDATE workshops SET title = ${p.title}, purpose = ${p.purpose}, status = ${p.status},
      show_names = ${p.showNames}, language = ${p.language},
      started_at = CASE WHEN ${p.status} <> 'draft' AND started_at IS NULL THEN ${p.at} ELSE started_at END,
      closed_at = CASE WHEN ${p.status} = 'closed' AND closed_at IS NULL THEN ${p.at} ELSE closed_at END
      WHERE id = ${p.id}`,
  ),
  // tables (#13, migration 0003): D1 keeps the tables so joins and host links are checked without the room.
  workshopTables: statement(["id", "tables"], (p) => `UPDATE workshops SET tables = ${p.tables} WHERE id = ${p.id}`),

  // ---- participants: the Worker inserted them at join (with consent); the room keeps name and group current ----
  participant: statement(
    ["id", "name", "group", "workshopId"],
    (p) =>
      `UPDATE participants SET name = ${p.name}, group_id = ${p.group} WHERE id = ${p.id} AND workshop_id = ${p.workshopId}`,
  ),
  participantTable: statement(
    ["id", "table", "workshopId"],
    (p) => `UPDATE participants SET table_id = ${p.table} WHERE id = ${p.id} AND workshop_id = ${p.workshopId}`,
  ),
  participantRemoved: statement(
    ["id", "at"],
    (p) => `UPDATE participants SET removed_at = COALESCE(removed_at, ${p.at}) WHERE id = ${p.id}`,
  ),
  participantWithdrawn: statement(
    ["id", "at"],
    (p) => `UPDATE participants SET withdrawn_at = COALESCE(withdrawn_at, ${p.at}), name = '' WHERE id = ${p.id}`,
  ),

  // ---- tokens ----
  revokeTokens: statement(
    ["workshopId", "participantId", "at"],
    (p) => `UPDATE tokens SET revoked_at = ${p.at}
      WHERE workshop_id = ${p.workshopId} AND participant_id = ${p.participantId} AND revoked_at IS NULL`,
  ),

  // ---- activities ----
  activity: statement(
    ["id", "workshopId", "kind", "title", "config", "position", "status", "openedAt", "closedAt", "plannedMinutes"],
    (p) => `INSERT INTO activities (id, workshop_id, kind, title, config, position, status, opened_at, closed_at,
        planned_minutes, removed)
      VALUES (${p.id}, ${p.workshopId}, ${p.kind}, ${p.title}, ${p.config}, ${p.position}, ${p.status}, ${p.openedAt},
        ${p.closedAt}, ${p.plannedMinutes}, 0)
      ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, title = excluded.title, config = excluded.config,
        position = excluded.position, status = excluded.status, opened_at = excluded.opened_at,
        closed_at = excluded.closed_at, planned_minutes = excluded.planned_minutes, removed = 0`,
  ),
  activityRemoved: statement(["id"], (p) => `UPDATE activities SET removed = 1 WHERE id = ${p.id}`),

  // ---- cards ----
  card: statement(
    [
      "id",
      "workshopId",
      "activityId",
      "lane",
      "kind",
      "text",
      "authorId",
      "group",
      "createdAt",
      "hidden",
      "hiddenReason",
      "supports",
      "supporters",
      "x",
      "y",
    ],
    (p) => `INSERT INTO cards (id, workshop_id, activity_id, lane, kind, text, author_id, group_id, created_at, hidden,
        hidden_reason, supports, supporters, x, y)
      VALUES (${p.id}, ${p.workshopId}, ${p.activityId}, ${p.lane}, ${p.kind}, ${p.text}, ${p.authorId}, ${p.group},
        ${p.createdAt}, ${p.hidden}, ${p.hiddenReason}, ${p.supports}, ${p.supporters}, ${p.x}, ${p.y})
      ON CONFLICT(id) DO UPDATE SET activity_id = excluded.activity_id, lane = excluded.lane, kind = excluded.kind,
        text = excluded.text, group_id = excluded.group_id, hidden = excluded.hidden,
        hidden_reason = excluded.hidden_reason, supports = excluded.supports, supporters = excluded.supporters,
        x = excluded.x, y = excluded.y, deleted = 0, merged_into = NULL`,
  ),
  // tables (#13): a card's table and harvest origin
  cardPlace: statement(
    ["id", "table", "origin"],
    (p) => `UPDATE cards SET table_id = ${p.table}, origin = ${p.origin} WHERE id = ${p.id}`,
  ),
  cardDeleted: statement(["id"], (p) => `UPDATE cards SET deleted = 1 WHERE id = ${p.id}`),
  cardMerged: statement(["id", "into"], (p) => `UPDATE cards SET merged_into = ${p.into} WHERE id = ${p.id}`),
  deleteCardsBy: statement(
    ["workshopId", "authorId"],
    (p) => `DELETE FROM cards WHERE workshop_id = ${p.workshopId} AND author_id = ${p.authorId}`,
  ),

  // ---- comments ----
  comment: statement(
    ["id", "workshopId", "cardId", "text", "authorId", "group", "createdAt"],
    (p) => `INSERT INTO comments (id, workshop_id, card_id, text, author_id, group_id, created_at)
      VALUES (${p.id}, ${p.workshopId}, ${p.cardId}, ${p.text}, ${p.authorId}, ${p.group}, ${p.createdAt})
      ON CONFLICT(id) DO UPDATE SET text = excluded.text, card_id = excluded.card_id`,
  ),
  commentDeleted: statement(["id"], (p) => `DELETE FROM comments WHERE id = ${p.id}`),
  deleteCommentsBy: statement(
    ["workshopId", "authorId"],
    (p) => `DELETE FROM comments WHERE workshop_id = ${p.workshopId} AND author_id = ${p.authorId}`,
  ),

  // ---- links ----
  link: statement(
    ["id", "workshopId", "from", "to", "label"],
    (p) => `INSERT INTO links (id, workshop_id, from_card, to_card, label, removed)
      VALUES (${p.id}, ${p.workshopId}, ${p.from}, ${p.to}, ${p.label}, 0)
      ON CONFLICT(id) DO UPDATE SET from_card = excluded.from_card, to_card = excluded.to_card,
        label = excluded.label, removed = 0`,
  ),
  linkRemoved: statement(["id"], (p) => `UPDATE links SET removed = 1 WHERE id = ${p.id}`),

  // ---- ballots and feedback: one answer per person and activity ----
  ballot: BALLOTS.put,
  ballotDeleted: BALLOTS.deleted,
  deleteBallotsBy: BALLOTS.deletedBy,
  feedback: FEEDBACK.put,
  feedbackDeleted: FEEDBACK.deleted,
  deleteFeedbackBy: FEEDBACK.deletedBy,

  // ---- results ----
  result: statement(
    ["workshopId", "activityId", "result", "revealedAt"],
    (p) => `INSERT INTO results (workshop_id, activity_id, result, revealed_at)
      VALUES (${p.workshopId}, ${p.activityId}, ${p.result}, ${p.revealedAt})
      ON CONFLICT(activity_id) DO UPDATE SET result = excluded.result,
        revealed_at = COALESCE(results.revealed_at, excluded.revealed_at)`,
  ),

  // ---- everyone counts (#14, migration 0004): paper and kiosk respondents, head counts, translations ----
  respondent: statement(
    ["id", "workshopId", "source", "group", "table", "createdAt"],
    (p) => `INSERT OR IGNORE INTO respondents (id, workshop_id, source, group_id, table_id, created_at)
      VALUES (${p.id}, ${p.workshopId}, ${p.source}, ${p.group}, ${p.table}, ${p.createdAt})`,
  ),
  attendance: statement(
    ["workshopId", "group", "table", "count", "at"],
    (p) => `INSERT INTO attendance (workshop_id, group_id, table_id, count, updated_at)
      VALUES (${p.workshopId}, ${p.group}, ${p.table}, ${p.count}, ${p.at})
      ON CONFLICT(workshop_id, group_id, table_id) DO UPDATE SET count = excluded.count, updated_at = excluded.updated_at`,
  ),
  attendanceCleared: statement(
    ["workshopId", "group", "table"],
    (p) =>
      `DELETE FROM attendance WHERE workshop_id = ${p.workshopId} AND group_id = ${p.group} AND table_id = ${p.table}`,
  ),
  translation: statement(
    ["workshopId", "language", "target", "text", "at"],
    (p) => `INSERT INTO translations (workshop_id, language, target, text, updated_at)
      VALUES (${p.workshopId}, ${p.language}, ${p.target}, ${p.text}, ${p.at})
      ON CONFLICT(workshop_id, language, target) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  ),
  translationDeleted: statement(
    ["workshopId", "language", "target"],
    (p) => `DELETE FROM translations
      WHERE workshop_id = ${p.workshopId} AND language = ${p.language} AND target = ${p.target}`,
  ),
} as const;

type Statements = typeof STATEMENTS;
export type OutboxStatement = keyof Statements;
type ColumnsOf<K extends OutboxStatement> = Statements[K] extends Statement<infer C> ? C : never;

/** One write to D1: the statement's name and its values by column. */
export type OutboxOp = { [K in OutboxStatement]: { op: K; values: Record<ColumnsOf<K>, Value> } }[OutboxStatement];

/** The values in the statement's column order, as an outbox row stores them. */
export function paramsOf(op: OutboxOp): Value[] {
  const statement: Statement<string> = STATEMENTS[op.op];
  const values: Record<string, Value> = op.values;
  return statement.columns.map((column) => values[column] ?? null);
}

export function isStatement(name: string): name is OutboxStatement {
  return Object.hasOwn(STATEMENTS, name);
}

/** A prepared D1 statement for one operation (tests write D1 rows through it, exactly as the room does). */
export function prepareOp(db: D1Database, op: OutboxOp): D1PreparedStatement {
  return db.prepare(STATEMENTS[op.op].sql).bind(...paramsOf(op));
}

/**
 * The outbox to D1: rows written in the same transaction as the command that
 * caused them, flushed later by alarm in order, deleted only once D1 confirmed.
 * D1 being slow or down never slows or loses a command (DESIGN principle 3).
 *
 * Each row names one statement below and carries its parameters, so the
 * outbox holds data, not SQL, and every statement is idempotent: a batch that
 * D1 applied but whose confirmation was lost can safely be sent again.
 */
import * as v from "valibot";

type Param = string | number | null;

/** D1 statements the room writes; `?1`… are the params of an outbox row. */
export const STATEMENTS = {
  event: `INSERT OR IGNORE INTO events (workshop_id, seq, at, actor_id, role, group_id, command, args)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
  // The Worker created the workshop row (join code, consent text); the room keeps its live fields current.
  workshop: `UPDATE workshops SET title = ?2, purpose = ?3, status = ?4, show_names = ?5, language = ?6,
    started_at = CASE WHEN ?4 <> 'draft' AND started_at IS NULL THEN ?7 ELSE started_at END,
    closed_at = CASE WHEN ?4 = 'closed' AND closed_at IS NULL THEN ?7 ELSE closed_at END
    WHERE id = ?1`,
  // The Worker inserted the participant at join (with consent); the room keeps name and group current.
  participant: "UPDATE participants SET name = ?2, group_id = ?3 WHERE id = ?1 AND workshop_id = ?4",
  participantRemoved: "UPDATE participants SET removed_at = COALESCE(removed_at, ?2) WHERE id = ?1",
  participantWithdrawn: "UPDATE participants SET withdrawn_at = COALESCE(withdrawn_at, ?2), name = '' WHERE id = ?1",
  revokeTokens: `UPDATE tokens SET revoked_at = ?3 WHERE workshop_id = ?1 AND participant_id = ?2
    AND revoked_at IS NULL`,
  deleteCardsBy: "DELETE FROM cards WHERE workshop_id = ?1 AND author_id = ?2",
  deleteCommentsBy: "DELETE FROM comments WHERE workshop_id = ?1 AND author_id = ?2",
  deleteBallotsBy: "DELETE FROM ballots WHERE workshop_id = ?1 AND participant_id = ?2",
  deleteFeedbackBy: "DELETE FROM feedback WHERE workshop_id = ?1 AND participant_id = ?2",
  scrubEventsBy: `UPDATE events SET args = '{"withdrawn":true}' WHERE workshop_id = ?1 AND actor_id = ?2`,
  activity: `INSERT INTO activities (id, workshop_id, kind, title, config, position, status, opened_at, closed_at, removed)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)
    ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, title = excluded.title, config = excluded.config,
      position = excluded.position, status = excluded.status, opened_at = excluded.opened_at,
      closed_at = excluded.closed_at, removed = 0`,
  activityRemoved: "UPDATE activities SET removed = 1 WHERE id = ?1",
  card: `INSERT INTO cards (id, workshop_id, activity_id, lane, kind, text, author_id, group_id, created_at, hidden,
      hidden_reason, supports, supporters, x, y)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
    ON CONFLICT(id) DO UPDATE SET activity_id = excluded.activity_id, lane = excluded.lane, kind = excluded.kind,
      text = excluded.text, group_id = excluded.group_id, hidden = excluded.hidden,
      hidden_reason = excluded.hidden_reason, supports = excluded.supports, supporters = excluded.supporters,
      x = excluded.x, y = excluded.y, deleted = 0, merged_into = NULL`,
  cardDeleted: "UPDATE cards SET deleted = 1 WHERE id = ?1",
  cardMerged: "UPDATE cards SET merged_into = ?2 WHERE id = ?1",
  comment: `INSERT INTO comments (id, workshop_id, card_id, text, author_id, group_id, created_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
    ON CONFLICT(id) DO UPDATE SET text = excluded.text, card_id = excluded.card_id`,
  commentDeleted: "DELETE FROM comments WHERE id = ?1",
  link: `INSERT INTO links (id, workshop_id, from_card, to_card, label, removed) VALUES (?1, ?2, ?3, ?4, ?5, 0)
    ON CONFLICT(id) DO UPDATE SET from_card = excluded.from_card, to_card = excluded.to_card, label = excluded.label,
      removed = 0`,
  linkRemoved: "UPDATE links SET removed = 1 WHERE id = ?1",
  ballot: `INSERT INTO ballots (workshop_id, activity_id, participant_id, group_id, ballot, updated_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6)
    ON CONFLICT(activity_id, participant_id) DO UPDATE SET group_id = excluded.group_id, ballot = excluded.ballot,
      updated_at = excluded.updated_at`,
  ballotDeleted: "DELETE FROM ballots WHERE workshop_id = ?1 AND participant_id = ?2 AND activity_id = ?3",
  feedback: `INSERT INTO feedback (workshop_id, activity_id, participant_id, group_id, answers, updated_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6)
    ON CONFLICT(activity_id, participant_id) DO UPDATE SET group_id = excluded.group_id, answers = excluded.answers,
      updated_at = excluded.updated_at`,
  // ---- tables (#13, migration 0003) ----
  workshopTables: "UPDATE workshops SET tables = ?2 WHERE id = ?1",
  participantTable: "UPDATE participants SET table_id = ?2 WHERE id = ?1 AND workshop_id = ?3",
  cardPlace: "UPDATE cards SET table_id = ?2, origin = ?3 WHERE id = ?1",
  result: `INSERT INTO results (workshop_id, activity_id, result, revealed_at) VALUES (?1, ?2, ?3, ?4)
    ON CONFLICT(activity_id) DO UPDATE SET result = excluded.result,
      revealed_at = COALESCE(results.revealed_at, excluded.revealed_at)`,
} as const;

export type OutboxStatement = keyof typeof STATEMENTS;
export interface OutboxOp {
  op: OutboxStatement;
  params: Param[];
}

const Params = v.array(v.union([v.string(), v.number(), v.null()]));

/** How many outbox rows go to D1 in one batch (one D1 transaction). */
export const FLUSH_BATCH = 100;
/** Delay before the first flush after a command: lets a burst of commands share one batch. */
export const FLUSH_DELAY_MS = 250;
const MAX_BACKOFF_MS = 5 * 60_000;

export function backoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, failures - 1));
}

export class Outbox {
  constructor(private readonly sql: SqlStorage) {}

  /** Call inside the command's storage transaction. */
  enqueue(ops: readonly OutboxOp[]): void {
    for (const { op, params } of ops) {
      this.sql.exec("INSERT INTO outbox (op, params) VALUES (?, ?)", op, JSON.stringify(params));
    }
  }

  pending(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox").one().n;
  }

  /**
   * Sends everything pending, batch after batch. Returns when to try again: null
   * when the outbox is empty, 0 when rows arrived meanwhile, a growing backoff while
   * D1 keeps failing (failures in a row are stored, so backoff survives restarts).
   * Never throws: the alarm that calls it must not die (nothing would retry).
   */
  async flush(db: D1Database): Promise<number | null> {
    try {
      for (let round = 0; round < 20; round++) {
        if ((await this.flushOnce(db)) < FLUSH_BATCH) break;
      }
      if (this.#failures() > 0) this.#setFailures(0);
      return this.pending() > 0 ? 0 : null;
    } catch (err) {
      let failures = 1;
      try {
        failures = this.#failures() + 1;
        this.#setFailures(failures);
      } catch (countErr) {
        console.error("could not count outbox failures", countErr);
      }
      const delay = backoffMs(failures);
      console.warn(`D1 flush failed (${failures} in a row), retrying in ${delay} ms:`, messageOf(err));
      return delay;
    }
  }

  #failures(): number {
    const rows = this.sql
      .exec<{ value: string }>("SELECT value FROM room_meta WHERE key = 'outbox_failures'")
      .toArray();
    return Number(rows[0]?.value ?? "0");
  }

  #setFailures(n: number): void {
    this.sql.exec(
      `INSERT INTO room_meta (key, value) VALUES ('outbox_failures', ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      String(n),
    );
  }

  /** Rows D1 refused for good (kept, with the reason, for an operator to look at). */
  dead(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox_dead").one().n;
  }

  /**
   * Sends the oldest rows to D1 as one batch and deletes them once D1 confirmed.
   * Returns how many were sent; throws (keeping every row) when D1 fails.
   */
  async flushOnce(db: D1Database): Promise<number> {
    const rows = this.sql
      .exec<OutboxRow>("SELECT seq, op, params FROM outbox ORDER BY seq LIMIT ?", FLUSH_BATCH)
      .toArray();
    const last = rows.at(-1);
    if (!last) return 0;
    try {
      await db.batch(rows.map((row) => statementFor(db, row)));
    } catch (err) {
      if (!isPermanent(err)) throw err;
      // One row D1 will never accept must not hold back every row after it.
      return this.#isolatePoison(db, rows, err);
    }
    // Rows enqueued while D1 was busy have higher seqs and stay for the next batch.
    this.sql.exec("DELETE FROM outbox WHERE seq <= ?", last.seq);
    return rows.length;
  }

  /** Replays a refused batch row by row, in order, setting aside the rows D1 refuses for good. */
  async #isolatePoison(db: D1Database, rows: OutboxRow[], batchError: unknown): Promise<number> {
    let sent = 0;
    for (const row of rows) {
      try {
        await statementFor(db, row).run();
      } catch (err) {
        if (!isPermanent(err)) throw err;
        console.error(`D1 refused outbox row ${row.seq} (${row.op}) for good; kept in outbox_dead:`, messageOf(err));
        this.sql.exec(
          "INSERT INTO outbox_dead (seq, op, params, error) VALUES (?, ?, ?, ?)",
          row.seq,
          row.op,
          row.params,
          messageOf(err),
        );
      }
      this.sql.exec("DELETE FROM outbox WHERE seq = ?", row.seq);
      sent += 1;
    }
    if (sent === 0) throw batchError;
    return sent;
  }
}

type OutboxRow = {
  seq: number;
  op: string;
  params: string;
};

function statementFor(db: D1Database, row: OutboxRow): D1PreparedStatement {
  if (!Object.hasOwn(STATEMENTS, row.op))
    throw new PoisonRow(`outbox row ${row.seq} names unknown statement ${row.op}`);
  const parsed = v.safeParse(Params, JSON.parse(row.params));
  if (!parsed.success) throw new PoisonRow(`outbox row ${row.seq} has malformed params`);
  return db.prepare(STATEMENTS[row.op as OutboxStatement]).bind(...parsed.output);
}

class PoisonRow extends Error {}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Errors that retrying cannot fix: the row itself is wrong. Anything else (D1
 * unreachable, overloaded, a table missing until a migration runs) is retried.
 */
function isPermanent(err: unknown): boolean {
  if (err instanceof PoisonRow) return true;
  return /constraint failed|datatype mismatch|too many SQL variables|SQLITE_TOOBIG|SQLITE_MISMATCH/i.test(
    messageOf(err),
  );
}

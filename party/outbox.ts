/**
 * The outbox to D1: rows written in the same transaction as the command that
 * caused them, flushed later by alarm in order, deleted only once D1 confirmed.
 * D1 being slow or down never slows or loses a command (docs/architecture.md, principle 3).
 *
 * Each row names one statement of d1-writes.ts and carries its values in that
 * statement's column order, so the outbox holds data, not SQL.
 */
import * as v from "valibot";
import { isStatement, type OutboxOp, paramsOf, STATEMENTS } from "./d1-writes";

export type { OutboxOp } from "./d1-writes";

/** The outbox's own tables: rows waiting for D1, and rows D1 refused for good. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, op TEXT NOT NULL, params TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outbox_dead (seq INTEGER PRIMARY KEY, op TEXT NOT NULL, params TEXT NOT NULL, error TEXT NOT NULL);
`;

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
  /** Needs the room's `room_meta` table (storage.ts) for its failure count. */
  constructor(private readonly sql: SqlStorage) {
    this.createTables();
  }

  /** Idempotent; called again after the room's storage was erased. */
  createTables(): void {
    this.sql.exec(SCHEMA);
  }

  /** Call inside the command's storage transaction. */
  enqueue(ops: readonly OutboxOp[]): void {
    for (const op of ops) {
      this.sql.exec("INSERT INTO outbox (op, params) VALUES (?, ?)", op.op, JSON.stringify(paramsOf(op)));
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
  /**
   * Withdrawal (safety #12): rows D1 refused for good that concern this participant are
   * dropped, so no dead letter keeps their words. Pending rows go to D1 in order, followed
   * by the withdrawal's own deletions.
   */
  purgeDeadRowsOf(participantId: string): void {
    this.sql.exec("DELETE FROM outbox_dead WHERE instr(params, ?) > 0", participantId);
  }

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
  const { op } = row;
  if (!isStatement(op)) throw new PoisonRow(`outbox row ${row.seq} names unknown statement ${op}`);
  const parsed = v.safeParse(Params, JSON.parse(row.params));
  const columns = STATEMENTS[op].columns.length;
  if (!parsed.success || parsed.output.length > columns) {
    throw new PoisonRow(`outbox row ${row.seq} has malformed params`);
  }
  // Columns are only ever added at the end, and nullable (e.g. activities' planned_minutes, 0015):
  // a row queued before a deploy added one binds null for it rather than being lost as poison.
  const params = [...parsed.output, ...Array<null>(columns - parsed.output.length).fill(null)];
  return db.prepare(STATEMENTS[op].sql).bind(...params);
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

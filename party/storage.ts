/**
 * The room's own SQLite storage (Durable Object): the command log with the Yjs
 * update each command produced, doc snapshots, who left, and (through `priv`,
 * private-store.ts) what must never be in the shared doc. Everything here is
 * synchronous so a command and all it changed commit in one transaction.
 */
import * as v from "valibot";
import { type Ack, type Actor, RoomAckSchema } from "./model/protocol";
import { PrivateStore } from "./private-store";

/**
 * The tables this store owns (the private store and the outbox own theirs);
 * `CREATE … IF NOT EXISTS` keeps start-up idempotent.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS room_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS commands (
  seq INTEGER PRIMARY KEY,
  actor_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  role TEXT NOT NULL,
  group_id TEXT NOT NULL,
  name TEXT NOT NULL,
  args TEXT NOT NULL,
  ack TEXT NOT NULL,
  doc_update BLOB,
  at INTEGER NOT NULL,
  UNIQUE (actor_id, client_id)
);
CREATE TABLE IF NOT EXISTS snapshots (seq INTEGER NOT NULL, part INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (seq, part));
CREATE TABLE IF NOT EXISTS departed (participant_id TEXT PRIMARY KEY, reason TEXT NOT NULL, at INTEGER NOT NULL);
`;

/** SQLite values in Durable Objects are capped at 2 MB; snapshots are stored in parts well below that. */
const SNAPSHOT_PART_BYTES = 1_000_000;

export type DepartureReason = "removed" | "withdrawn";

export interface LoggedCommand {
  actor: Actor;
  clientId: string;
  name: string;
  args: unknown;
  ack: Ack;
  update: Uint8Array | null;
  at: number;
}

function parseJson(text: string): unknown {
  return JSON.parse(text);
}

function toBlob(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

export class RoomStorage {
  readonly #storage: DurableObjectStorage;
  readonly #sql: SqlStorage;
  /** ballots, feedback, silent cards, hidden cards' text */
  readonly priv: PrivateStore;
  #lastSeq = 0;

  constructor(storage: DurableObjectStorage) {
    this.#storage = storage;
    this.#sql = storage.sql;
    this.#sql.exec(SCHEMA);
    this.priv = new PrivateStore(this.#sql);
    const row = this.#sql.exec<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM commands").one();
    this.#lastSeq = row.seq ?? 0;
  }

  get sql(): SqlStorage {
    return this.#sql;
  }

  /** Runs `fn` as one durable transaction: all of it is written, or none of it. */
  transaction<T>(fn: () => T): T {
    return this.#storage.transactionSync(fn);
  }

  // ---- meta -------------------------------------------------------------------

  getMeta(key: string): string | null {
    const rows = this.#sql.exec<{ value: string }>("SELECT value FROM room_meta WHERE key = ?", key).toArray();
    return rows[0]?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.#sql.exec(
      "INSERT INTO room_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      key,
      value,
    );
  }

  // ---- command log --------------------------------------------------------------

  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** The ack an (actor, client command id) already received, for exactly-once replays. */
  findAck(actorId: string, clientId: string): Ack | null {
    const rows = this.#sql
      .exec<{ ack: string }>("SELECT ack FROM commands WHERE actor_id = ? AND client_id = ?", actorId, clientId)
      .toArray();
    const stored = rows[0];
    if (!stored) return null;
    const parsed = v.safeParse(RoomAckSchema, parseJson(stored.ack));
    if (!parsed.success) throw new Error(`stored ack for ${actorId}/${clientId} is malformed`);
    return parsed.output;
  }

  /** Appends an accepted command; returns its room sequence number. Call inside `transaction`. */
  logCommand(entry: LoggedCommand): number {
    const seq = this.#lastSeq + 1;
    this.#sql.exec(
      `INSERT INTO commands (seq, actor_id, client_id, role, group_id, name, args, ack, doc_update, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      seq,
      entry.actor.id,
      entry.clientId,
      entry.actor.role,
      entry.actor.group,
      entry.name,
      JSON.stringify(entry.args ?? {}),
      JSON.stringify(entry.ack),
      entry.update ? toBlob(entry.update) : null,
      entry.at,
    );
    this.#lastSeq = seq;
    return seq;
  }

  /** Forgets the in-memory sequence after a failed transaction rolled the log back. */
  reloadSeq(): void {
    const row = this.#sql.exec<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM commands").one();
    this.#lastSeq = row.seq ?? 0;
  }

  commandCount(): number {
    return this.#sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM commands").one().n;
  }

  /** Drops a withdrawn participant's words from the room's own log (the doc already forgot them). */
  scrubArgsOf(actorId: string): void {
    // Acks go too (me.update answered with their name); the id and ok stay, so a replay is still known.
    this.#sql.exec(
      `UPDATE commands SET args = '{"withdrawn":true}',
         ack = CASE WHEN json_extract(ack, '$.ok') THEN json_set(ack, '$.result', json('{}')) ELSE ack END
       WHERE actor_id = ?`,
      actorId,
    );
  }

  // ---- snapshots ----------------------------------------------------------------

  snapshotSeq(): number {
    const row = this.#sql.exec<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM snapshots").one();
    return row.seq ?? 0;
  }

  /** The latest snapshot's Yjs state, or null before the first one. */
  latestSnapshot(): { seq: number; state: Uint8Array } | null {
    const seq = this.snapshotSeq();
    if (seq === 0) return null;
    const parts = this.#sql
      .exec<{ data: ArrayBuffer }>("SELECT data FROM snapshots WHERE seq = ? ORDER BY part", seq)
      .toArray()
      .map((r) => new Uint8Array(r.data));
    const size = parts.reduce((n, p) => n + p.byteLength, 0);
    const state = new Uint8Array(size);
    let offset = 0;
    for (const part of parts) {
      state.set(part, offset);
      offset += part.byteLength;
    }
    return { seq, state };
  }

  /** Whether a command of one of these names was logged after `seq`. */
  loggedAfter(seq: number, names: readonly string[]): boolean {
    const marks = names.map(() => "?").join(", ");
    const query = `SELECT 1 FROM commands WHERE seq > ? AND name IN (${marks}) LIMIT 1`;
    return this.#sql.exec(query, seq, ...names).toArray().length > 0;
  }

  /** The logged doc updates after `seq`, in order: replayed on top of the snapshot. */
  updatesAfter(seq: number): Uint8Array[] {
    return this.#sql
      .exec<{ doc_update: ArrayBuffer }>(
        "SELECT doc_update FROM commands WHERE seq > ? AND doc_update IS NOT NULL ORDER BY seq",
        seq,
      )
      .toArray()
      .map((r) => new Uint8Array(r.doc_update));
  }

  /**
   * Stores the whole doc as of `seq` and prunes the updates it covers. Command ids
   * and acks stay, so replays are still recognised.
   */
  writeSnapshot(seq: number, state: Uint8Array): void {
    this.transaction(() => {
      this.#sql.exec("DELETE FROM snapshots");
      for (let part = 0, offset = 0; offset < state.byteLength || part === 0; part++, offset += SNAPSHOT_PART_BYTES) {
        this.#sql.exec(
          "INSERT INTO snapshots (seq, part, data) VALUES (?, ?, ?)",
          seq,
          part,
          toBlob(state.subarray(offset, offset + SNAPSHOT_PART_BYTES)),
        );
      }
      this.#sql.exec("UPDATE commands SET doc_update = NULL WHERE seq <= ? AND doc_update IS NOT NULL", seq);
    });
  }

  // ---- participants who left -----------------------------------------------------

  markDeparted(participantId: string, reason: DepartureReason, at: number): void {
    this.#sql.exec(
      "INSERT OR IGNORE INTO departed (participant_id, reason, at) VALUES (?, ?, ?)",
      participantId,
      reason,
      at,
    );
  }

  departure(participantId: string): DepartureReason | null {
    const rows = this.#sql
      .exec<{ reason: string }>("SELECT reason FROM departed WHERE participant_id = ?", participantId)
      .toArray();
    const reason = rows[0]?.reason;
    return reason === "removed" || reason === "withdrawn" ? reason : null;
  }

  // ---- erase -------------------------------------------------------------------------

  /** Everything, including the outbox and the alarm that flushes it. */
  async eraseAll(): Promise<void> {
    await this.#storage.deleteAlarm();
    await this.#storage.deleteAll();
    this.#lastSeq = 0;
  }

  /** Recreates its tables and the private store's after `eraseAll`, so the room can be initialised again. */
  recreate(): void {
    this.#sql.exec(SCHEMA);
    this.priv.createTables();
    this.reloadSeq();
  }
}

/** Typed queries for the `participants` table. */
import { allRows } from "./rows";

export interface ParticipantRow {
  id: string;
  workshop_id: string;
  name: string;
  name_chosen: number;
  group_id: string;
  consent_version: number;
  consented_at: number;
  joined_at: number;
  removed_at: number | null;
  withdrawn_at: number | null;
  /** tables (#13): where they sit (migration 0003) */
  table_id?: string | null;
}

type NewParticipant = Omit<ParticipantRow, "removed_at" | "withdrawn_at">;

/** What joining writes, in the order both inserts bind it (?1…?8). */
const joinValues = (p: NewParticipant) =>
  [p.id, p.workshop_id, p.name, p.name_chosen, p.group_id, p.consent_version, p.consented_at, p.joined_at] as const;

export function insertParticipant(db: D1Database, p: NewParticipant) {
  return db
    .prepare(
      `INSERT INTO participants (id, workshop_id, name, name_chosen, group_id, consent_version, consented_at, joined_at,
         table_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(...joinValues(p), p.table_id ?? null);
}

/**
 * Inserts a participant only while the workshop has fewer than `max` people in it
 * (removed and withdrawn people have left). One statement, so a crowd joining at once
 * cannot overshoot the cap; `meta.changes` is 0 when the workshop was full.
 */
export function insertParticipantWithin(db: D1Database, p: NewParticipant, max: number) {
  return db
    .prepare(
      `INSERT INTO participants (id, workshop_id, name, name_chosen, group_id, consent_version, consented_at, joined_at,
         table_id)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10
       WHERE (SELECT COUNT(*) FROM participants
              WHERE workshop_id = ?2 AND removed_at IS NULL AND withdrawn_at IS NULL) < ?9`,
    )
    .bind(...joinValues(p), max, p.table_id ?? null);
}

/** A participant who is still in the workshop (not removed, not withdrawn). */
export function findActiveParticipant(db: D1Database, id: string): Promise<ParticipantRow | null> {
  return db
    .prepare("SELECT * FROM participants WHERE id = ? AND removed_at IS NULL AND withdrawn_at IS NULL")
    .bind(id)
    .first<ParticipantRow>();
}

export const listParticipants = allRows<ParticipantRow>("participants", "ORDER BY joined_at, id");

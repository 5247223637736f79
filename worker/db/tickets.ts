/** Single-use tickets for the WebSocket URL, stored as SHA-256 hashes. */

export const TICKET_TTL_MS = 60_000;

/** A ticket as stored: its secret's hash, never the secret. */
export interface NewTicket {
  hash: string;
  tokenHash: string;
  workshopId: string;
  expiresAt: number;
}

/**
 * The statement that stores a ticket. With `participantId` (perf #17: the first ticket of a
 * participant who has just joined, in the join's own batch) it is written only if their row was
 * (a full workshop writes neither), so the phone opens the room without a second round trip.
 */
export function insertTicket(db: D1Database, t: NewTicket, participantId?: string): D1PreparedStatement {
  if (participantId === undefined) {
    return db
      .prepare("INSERT INTO tickets (hash, token_hash, workshop_id, expires_at) VALUES (?, ?, ?, ?)")
      .bind(t.hash, t.tokenHash, t.workshopId, t.expiresAt);
  }
  return db
    .prepare(
      `INSERT INTO tickets (hash, token_hash, workshop_id, expires_at)
       SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM participants WHERE id = ?5)`,
    )
    .bind(t.hash, t.tokenHash, t.workshopId, t.expiresAt, participantId);
}

/**
 * Consumes a ticket atomically: one statement deletes and returns it, so two
 * connections racing with the same ticket cannot both get it.
 */
export function consumeTicket(
  db: D1Database,
  hash: string,
  now: number,
): Promise<{ token_hash: string; workshop_id: string } | null> {
  return db
    .prepare("DELETE FROM tickets WHERE hash = ? AND expires_at > ? RETURNING token_hash, workshop_id")
    .bind(hash, now)
    .first();
}

export async function purgeExpiredTickets(db: D1Database, now: number): Promise<void> {
  await db.prepare("DELETE FROM tickets WHERE expires_at <= ?").bind(now).run();
}

/** Single-use tickets for the WebSocket URL, stored as SHA-256 hashes. */

export const TICKET_TTL_MS = 60_000;

export async function insertTicket(
  db: D1Database,
  t: { hash: string; tokenHash: string; workshopId: string; expiresAt: number },
): Promise<void> {
  await db
    .prepare("INSERT INTO tickets (hash, token_hash, workshop_id, expires_at) VALUES (?, ?, ?, ?)")
    .bind(t.hash, t.tokenHash, t.workshopId, t.expiresAt)
    .run();
}

/**
 * perf (#17): the first ticket of a participant who has just joined, written in the join's own
 * batch and only if their row was (a full workshop writes neither), so the phone opens the room
 * without a second round trip. Single use and {@link TICKET_TTL_MS} like any other.
 */
export function insertTicketForParticipant(
  db: D1Database,
  t: { hash: string; tokenHash: string; workshopId: string; expiresAt: number },
  participantId: string,
): D1PreparedStatement {
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

/**
 * perf (#17): the room's first ticket, as the join answer brought it (POST /api/join/:code), so a
 * phone that has just joined opens the room without asking POST /api/tickets first (one Slow-4G
 * round trip, ~0.6 s). Kept in memory only, never stored (a ticket is a single-use secret), and
 * handed out once: every later connect, and this one if the ticket is old, asks for a fresh one.
 */

/** Tickets live 60 s on the server; past this the phone asks for a fresh one rather than risk a refusal. */
export const HANDED_TICKET_MAX_AGE_MS = 45_000;

let handed: { token: string; ticket: string; at: number } | null = null;

/** Keeps the ticket the join answer brought for `token`'s first connect (measured on this device's clock). */
export function handOverTicket(token: string, ticket: string, now: number = Date.now()): void {
  handed = { token, ticket, at: now };
}

/** Whether a ticket was handed over for `token` (a phone that has just joined), without taking it. */
export function hasHandedTicket(token: string): boolean {
  return handed?.token === token;
}

/** The handed ticket for `token`, once; null when there is none, it is another token's, or it is too old. */
export function takeHandedTicket(token: string, now: number = Date.now()): string | null {
  const h = handed;
  if (!h || h.token !== token) return null;
  handed = null;
  return now - h.at >= 0 && now - h.at < HANDED_TICKET_MAX_AGE_MS ? h.ticket : null;
}

/** Who a verified token speaks for in the room (party/model/protocol.ts `Actor`). */
import type { Actor } from "../party/model/protocol";
import { findActiveParticipant } from "./db/participants";
import type { TokenRow } from "./db/tokens";

export type ActorLookup = { ok: true; actor: Actor } | { ok: false; reason: "removed" };

export async function actorForToken(db: D1Database, token: TokenRow): Promise<ActorLookup> {
  if (token.role === "host") {
    // tables (#13): a host acts for its token's table only.
    const actor: Actor = { role: "host", id: token.id, name: token.label || "Table host", group: "" };
    if (token.table_id) actor.table = token.table_id;
    return { ok: true, actor };
  }
  if (token.role !== "participant") {
    const actor: Actor = { role: token.role, id: token.id, name: token.label || token.role, group: "" };
    // Everyone counts: an interpreter translates into one language; a kiosk may sit at one table.
    if (token.role === "interpreter" && token.language) actor.language = token.language;
    if (token.role === "kiosk" && token.table_id) actor.table = token.table_id;
    return { ok: true, actor };
  }
  const participant = token.participant_id ? await findActiveParticipant(db, token.participant_id) : null;
  if (!participant) return { ok: false, reason: "removed" };
  const actor: Actor = { role: "participant", id: participant.id, name: participant.name, group: participant.group_id };
  // tables (#13): the table picked at join seats them when they first connect; the room owns it after that.
  if (participant.table_id) actor.table = participant.table_id;
  return { ok: true, actor };
}

/**
 * JSON for the actor header. Header values must be ASCII, so every non-ASCII
 * character is written as a JSON \u escape; `JSON.parse` reads it back unchanged.
 */
export function encodeActorHeader(actor: Actor): string {
  return JSON.stringify(actor).replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

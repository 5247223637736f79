/** Who a verified token speaks for in the room (party/model/protocol.ts `Actor`). */
import type { Actor } from "../party/model/protocol";
import { findActiveParticipant } from "./db/participants";
import type { TokenRow } from "./db/tokens";

export type ActorLookup = { ok: true; actor: Actor } | { ok: false; reason: "removed" };

export async function actorForToken(db: D1Database, token: TokenRow): Promise<ActorLookup> {
  if (token.role !== "participant") {
    return { ok: true, actor: { role: token.role, id: token.id, name: token.label || token.role, group: "" } };
  }
  const participant = token.participant_id ? await findActiveParticipant(db, token.participant_id) : null;
  if (!participant) return { ok: false, reason: "removed" };
  return {
    ok: true,
    actor: { role: "participant", id: participant.id, name: participant.name, group: participant.group_id },
  };
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

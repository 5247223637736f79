/**
 * What the room knows about one connection. It lives in the WebSocket attachment
 * (`conn.setState`), not in an instance map, so it survives hibernation.
 */
import type { Connection } from "partyserver";
import * as v from "valibot";
import { Id, ROLES } from "./model/commands";
import { ACTOR_HEADER, type Actor } from "./model/protocol";

/** The Actor header as the Worker writes it (party/model/protocol.ts). */
export const ActorSchema = v.object({
  role: v.picklist(ROLES),
  id: Id,
  name: v.pipe(v.string(), v.maxLength(200)),
  group: v.union([v.literal(""), Id]),
  /** tables (#13): a host's table, or the table a participant picked at join */
  table: v.optional(Id),
});

export const ConnectionStateSchema = v.object({
  actor: ActorSchema,
  /** the awareness client id the room gave this actor */
  presenceId: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type ConnectionState = v.InferOutput<typeof ConnectionStateSchema>;

/** Reads the actor the Worker established from a verified ticket; null when missing or malformed. */
export function actorFromRequest(request: Request): Actor | null {
  const header = request.headers.get(ACTOR_HEADER);
  if (!header || header.length > 2048) return null;
  let json: unknown;
  try {
    json = JSON.parse(header);
  } catch {
    return null;
  }
  const parsed = v.safeParse(ActorSchema, json);
  return parsed.success ? parsed.output : null;
}

export function connectionState(conn: Connection): ConnectionState | null {
  const parsed = v.safeParse(ConnectionStateSchema, conn.state);
  return parsed.success ? parsed.output : null;
}

/** Connection tags let the room find an actor's sockets (or all facilitators) without reading attachments. */
export const actorTag = (actorId: string) => `a:${actorId}`;
export const roleTag = (role: Actor["role"]) => `r:${role}`;

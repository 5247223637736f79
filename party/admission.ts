/**
 * Who may be in the room, and as whom. The Worker verified a ticket and put the actor in
 * a header; the room reads it, turns away people who were removed or withdrew, adds a
 * participant to the doc on their first connection, and keeps what it knows about each
 * connection in the WebSocket attachment (`conn.setState`), not in an instance map, so
 * it survives hibernation.
 */
import type { Connection } from "partyserver";
import * as v from "valibot";
import type { CommitPipeline } from "./commit";
import { joinParticipant } from "./model/apply";
import { roots } from "./model/doc";
import { ACTOR_HEADER, type Actor, ActorSchema, CloseCode } from "./model/protocol";

export const ConnectionStateSchema = v.object({
  actor: ActorSchema,
  /** the awareness client id the room gave this actor */
  presenceId: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type ConnectionState = v.InferOutput<typeof ConnectionStateSchema>;

export type Admission = { ok: true; actor: Actor } | { ok: false; code: number; reason: string };

/**
 * Client ids of joins the room logs on its own. "#" is outside the command id
 * alphabet, so a client can never collide with them.
 */
const joinCommandId = (seq: number) => `#join-${seq}`;

/** Where the room remembers a revoked link's actor (room.revoke), so it is never admitted again. */
export const revokedKey = (actorId: string): string => `revoked:${actorId}`;

/** Decides whether the connection behind `request` may join, and as whom the doc knows them now. */
export function admit(pipeline: CommitPipeline, request: Request): Admission {
  const claimed = actorFromRequest(request);
  if (!claimed) return { ok: false, code: CloseCode.unauthorised, reason: "No verified identity." };
  if (!pipeline.workshopId) return { ok: false, code: CloseCode.notFound, reason: "This workshop does not exist." };
  if (pipeline.store.getMeta(revokedKey(claimed.id)) !== null) {
    return { ok: false, code: CloseCode.unauthorised, reason: "This link was revoked." };
  }
  if (claimed.role === "participant" && roots(pipeline.doc).workshop.get("status") === "closed") {
    // A shared phone must not reopen a closed workshop for whoever picks it up next.
    return { ok: false, code: CloseCode.forbidden, reason: "This workshop has closed." };
  }
  if (claimed.role === "participant" && !admitParticipant(pipeline, claimed)) {
    return { ok: false, code: CloseCode.removed, reason: "You are no longer part of this workshop." };
  }
  return { ok: true, actor: currentActor(pipeline, claimed) };
}

/**
 * A participant's first connection adds them to the doc, logged like any command.
 * Returns false for someone who was removed or withdrew.
 */
function admitParticipant(pipeline: CommitPipeline, actor: Actor): boolean {
  const { store, doc } = pipeline;
  if (store.departure(actor.id)) return false;
  const existing = roots(doc).participants.get(actor.id);
  if (existing) return !existing.removed;
  const outcome = pipeline.run(actor, joinCommandId(store.lastSeq + 1), "participant.join", {}, (ctx) =>
    joinParticipant(pipeline.doc, actor, ctx.now)
      ? { ok: true, result: {}, effects: [] }
      : { ok: false, error: { code: "forbidden", message: "removed" } },
  );
  return outcome.ack.ok;
}

/** The actor as the doc knows them now: a participant may have changed name or group since the ticket. */
export function currentActor(pipeline: CommitPipeline, actor: Actor): Actor {
  if (actor.role !== "participant") return actor;
  const entry = roots(pipeline.doc).participants.get(actor.id);
  if (!entry) return actor;
  // tables (#13): the seat the doc holds now (a facilitator may have moved them).
  const { table: _, ...rest } = actor;
  return entry.table
    ? { ...rest, name: entry.name, group: entry.group, table: entry.table }
    : { ...rest, name: entry.name, group: entry.group };
}

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

/**
 * Roles whose sockets see who is who: the room's doc as it is (authors, supporters, the
 * participants map) and presence with ids and names. Facilitators moderate and need it; a
 * table host moderates its table and counts who sits there; the projector shows balance of
 * voice and table counts, which need who is present. Everyone else (participants, kiosks,
 * interpreters, partners, evaluators) gets the redacted replica (party/model/replica.ts).
 */
export const WHO_IS_WHO: readonly Actor["role"][] = ["facilitator", "host", "screen"];

/** Whether this verified actor (from a socket's attachment, never a tag) sees who is who. */
export const seesWhoIsWho = (actor: Actor): boolean => WHO_IS_WHO.includes(actor.role);

/** Whom a private message, close or state rewrite is for: one actor, or everyone in a role. */
export type Addressee = string | { role: Actor["role"] };

export const addresseeTag = (to: Addressee) => (typeof to === "string" ? actorTag(to) : roleTag(to.role));

/**
 * Whether the socket's verified actor (its attachment, written by the room at admission)
 * is the addressee. A tag alone is never enough: partyserver makes a client-chosen `_pk`
 * the socket's first tag, so a tag can be forged where an attachment cannot.
 */
export function isAddressee(conn: Connection, to: Addressee): boolean {
  const actor = connectionState(conn)?.actor;
  return typeof to === "string" ? actor?.id === to : actor?.role === to.role;
}

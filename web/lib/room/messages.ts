/**
 * The room's JSON messages (party/model/protocol.ts), validated on arrival:
 * a message the client cannot read is dropped, never trusted by a cast.
 */
import * as v from "valibot";
import { ROLES } from "../../../party/model/commands";
import { CUSTOM_PREFIX } from "../../../party/model/protocol";

const CommandErrorSchema = v.object({ code: v.string(), message: v.string() });

const AckSchema = v.variant("ok", [
  v.object({
    type: v.literal("ack"),
    id: v.string(),
    ok: v.literal(true),
    result: v.optional(v.record(v.string(), v.unknown()), {}),
  }),
  v.object({ type: v.literal("ack"), id: v.string(), ok: v.literal(false), error: CommandErrorSchema }),
]);

const HelloSchema = v.object({
  type: v.literal("hello"),
  you: v.object({
    role: v.picklist(ROLES),
    id: v.string(),
    name: v.string(),
    group: v.string(),
    /** tables (#13) */
    table: v.optional(v.string()),
  }),
  serverTime: v.number(),
});

const PrivateSchema = v.variant("kind", [
  v.object({ type: v.literal("private"), kind: v.literal("ballot"), activityId: v.string(), ballot: v.unknown() }),
  v.object({ type: v.literal("private"), kind: v.literal("feedback"), activityId: v.string(), answers: v.unknown() }),
  v.object({
    type: v.literal("private"),
    kind: v.literal("cards"),
    activityId: v.string(),
    cards: v.array(v.unknown()),
  }),
  v.object({
    type: v.literal("private"),
    kind: v.literal("turnout"),
    activityId: v.string(),
    voters: v.number(),
    byGroup: v.record(v.string(), v.number()),
  }),
  /** tables (#13): a facilitator placed this participant at a table */
  v.object({ type: v.literal("private"), kind: v.literal("seat"), table: v.nullable(v.string()) }),
]);

const GoodbyeSchema = v.object({ type: v.literal("goodbye"), code: v.number(), reason: v.string() });

const ServerMessageSchema = v.variant("type", [AckSchema, HelloSchema, PrivateSchema, GoodbyeSchema]);

/** A server message as read: like protocol.ts, except an error code may be one this client does not know yet. */
export type ReadMessage = v.InferOutput<typeof ServerMessageSchema>;
export type RoomAck = v.InferOutput<typeof AckSchema>;
export type RoomHello = v.InferOutput<typeof HelloSchema>;
export type RoomPrivate = v.InferOutput<typeof PrivateSchema>;

/** Parses a string frame from the room; null when it is not one of ours or not valid. */
export function readCustomMessage(frame: string): ReadMessage | null {
  if (!frame.startsWith(CUSTOM_PREFIX)) return null;
  let json: unknown;
  try {
    json = JSON.parse(frame.slice(CUSTOM_PREFIX.length));
  } catch {
    return null;
  }
  const parsed = v.safeParse(ServerMessageSchema, json);
  return parsed.success ? parsed.output : null;
}

export function encodeCommand(id: string, name: string, args: unknown): string {
  return `${CUSTOM_PREFIX}${JSON.stringify({ type: "command", id, name, args })}`;
}

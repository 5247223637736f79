/**
 * The wire protocol between the room and its clients, written once (like Hocuspocus's
 * `common`): the command envelope, every message the room sends (ack, hello, private,
 * goodbye), close codes and the text framing. The binary frames (Yjs sync and awareness)
 * are in ./frames.ts. The room, the web app, Node tooling and the tests all import these;
 * messages are validated on arrival with the schemas below, never trusted by a cast.
 *
 * Text frames keep y-partyserver's custom-message framing ("__YPS:" + JSON), so any
 * y-partyserver client speaks it too.
 */
import * as v from "valibot";
import { CardSchema } from "./card";
import { Ballot, FeedbackAnswers, Id, LanguageTag, ROLES } from "./commands";

export const CUSTOM_PREFIX = "__YPS:";
export const ROOM_PARTY = "workshop-room";

/** Named WebSocket close codes (one place, like Hocuspocus). */
export const CloseCode = {
  unauthorised: 4401,
  forbidden: 4403,
  notFound: 4404,
  /** The connection kept sending messages the room could not read. */
  badMessages: 4400,
  /** The connection exceeded its rate limit repeatedly. */
  tooManyMessages: 4429,
  /** The participant was removed by a facilitator or withdrew. */
  removed: 4410,
  /** The workshop was deleted. */
  deleted: 4411,
  /** The same person opened more live sockets than allowed; their oldest one is closed. */
  tooManySockets: 4409,
} as const;

/** Closing codes that are not the room's own: a clean close, and the room failing to set a connection up. */
export const NORMAL_CLOSURE = 1000;
export const INTERNAL_CLOSURE = 1011;
/** A client closing a socket it gave up on (no hello, no ack, offline, a corrupt frame): it reconnects. */
export const CLIENT_RETRY_CLOSURE = 4000;

export const ERROR_CODES = [
  "bad_request", // malformed envelope or arguments
  "too_large",
  "unknown_command",
  "forbidden", // role may not run this command
  "not_found",
  "locked", // room or activity not accepting input
  "closed", // activity or workshop closed
  "conflict",
  "rate_limited",
  "invalid_ballot",
  "internal",
  // safety (#12): one person's share of the room is used up (cards, comments)
  "quota_exceeded",
  // safety (#12): the room's live doc has reached its byte budget; nobody adds more content
  "room_full_of_content",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What the room sends when it refuses a command. */
export interface CommandError {
  code: ErrorCode;
  message: string;
}

// ---- from a client -------------------------------------------------------------------

/** The envelope every client command arrives in. */
export const CommandEnvelope = v.object({
  type: v.literal("command"),
  id: Id,
  name: v.string(),
  args: v.optional(v.unknown(), {}),
});
export type CommandEnvelope = v.InferOutput<typeof CommandEnvelope>;

/** A command as a text frame. */
export function encodeCommand(id: string, name: string, args: unknown): string {
  return encodeText({ type: "command", id, name, args });
}

// ---- who is acting -------------------------------------------------------------------

/** Who sent a command: established by the Worker from a verified ticket, never by the client. */
export const ActorSchema = v.object({
  role: v.picklist(ROLES),
  /** participant id, or the token id for facilitators/screens/evaluators */
  id: Id,
  name: v.pipe(v.string(), v.maxLength(200)),
  /** stakeholder group id; facilitators/screens/evaluators have "" */
  group: v.union([v.literal(""), Id]),
  /** tables (#13): a host's table (fixed by its token); a participant's table when known */
  table: v.optional(Id),
  /** everyone counts (#14): the one language an interpreter translates into */
  language: v.optional(LanguageTag),
});
export type Actor = v.InferOutput<typeof ActorSchema>;

/** The header the Worker sets on the WebSocket upgrade after validating a ticket. Client copies are stripped. */
export const ACTOR_HEADER = "x-coproduce-actor";

// ---- from the room -------------------------------------------------------------------

/** An ack whose error code is read with `code`. */
function ackOf<C extends v.GenericSchema<unknown, string>>(code: C) {
  return v.variant("ok", [
    v.object({
      type: v.literal("ack"),
      id: v.string(),
      ok: v.literal(true),
      result: v.optional(v.record(v.string(), v.unknown()), {}),
    }),
    v.object({
      type: v.literal("ack"),
      id: v.string(),
      ok: v.literal(false),
      error: v.object({ code, message: v.string() }),
    }),
  ]);
}

/** An ack as the room sends (and stores) it. */
export const RoomAckSchema = ackOf(v.picklist(ERROR_CODES));
export type Ack = v.InferOutput<typeof RoomAckSchema>;
/**
 * An ack as a client reads it: the error code is any string, so a client from before a
 * new code was added still settles the command instead of dropping the ack.
 */
export const AckSchema = ackOf(v.string());
export type ReadAck = v.InferOutput<typeof AckSchema>;

/** Sent once after connecting. `serverTime` lets clients align timers. */
export const HelloSchema = v.object({
  type: v.literal("hello"),
  you: ActorSchema,
  serverTime: v.number(),
});
export type Hello = v.InferOutput<typeof HelloSchema>;

/**
 * privacy (#12): which cards, comments and supports are this person's own, and their own entry
 * in the participants map. The shared replica holds no participant id (party/model/replica.ts),
 * so a phone learns this only here: sent to the sockets whose verified actor is that person (a
 * kiosk: to the kiosk, per turn) on connecting and whenever it changes (party/model/mine.ts).
 */
export const MineMessageSchema = v.object({
  type: v.literal("private"),
  kind: v.literal("mine"),
  /** the participant (or kiosk turn) this is about */
  participantId: v.string(),
  /** their own participants-map entry (name, group, table); null once gone */
  participant: v.nullable(
    v.object({
      id: v.string(),
      name: v.string(),
      group: v.string(),
      joinedAt: v.number(),
      removed: v.optional(v.boolean()),
      table: v.optional(v.string()),
      source: v.optional(v.literal("kiosk")),
    }),
  ),
  /** ids of the cards they wrote (in the shared doc; silent-round cards come as `cards`) */
  cards: v.array(v.string()),
  /** ids of their comments */
  comments: v.array(v.string()),
  /** ids of the cards they support */
  supports: v.array(v.string()),
});
export type MineMessage = v.InferOutput<typeof MineMessageSchema>;

/** Sent to one client only: data that is theirs alone (ballots, silent cards, feedback, turnout, mine). */
export const PrivateMessageSchema = v.variant("kind", [
  v.object({
    type: v.literal("private"),
    kind: v.literal("ballot"),
    activityId: v.string(),
    ballot: v.nullable(Ballot),
  }),
  v.object({
    type: v.literal("private"),
    kind: v.literal("feedback"),
    activityId: v.string(),
    answers: v.nullable(FeedbackAnswers),
  }),
  v.object({
    type: v.literal("private"),
    kind: v.literal("cards"),
    activityId: v.string(),
    cards: v.array(CardSchema),
  }),
  v.object({
    type: v.literal("private"),
    kind: v.literal("turnout"),
    activityId: v.string(),
    voters: v.number(),
    byGroup: v.record(v.string(), v.number()),
  }),
  /** tables (#13): a facilitator placed this participant at a table (null: at none) */
  v.object({ type: v.literal("private"), kind: v.literal("seat"), table: v.nullable(v.string()) }),
  MineMessageSchema,
]);
export type PrivateMessage = v.InferOutput<typeof PrivateMessageSchema>;

/** Sent to a connection just before the room closes it, so the UI can say why. */
export const GoodbyeSchema = v.object({ type: v.literal("goodbye"), code: v.number(), reason: v.string() });
export type Goodbye = v.InferOutput<typeof GoodbyeSchema>;

export type ServerMessage = Ack | Hello | PrivateMessage | Goodbye;

export const ServerMessageSchema = v.variant("type", [AckSchema, HelloSchema, PrivateMessageSchema, GoodbyeSchema]);
/** A server message as a client reads it. */
export type ReadMessage = v.InferOutput<typeof ServerMessageSchema>;

// ---- text framing ----------------------------------------------------------------------

/** A JSON message as a text frame. */
export function encodeText(message: ServerMessage | CommandEnvelope): string {
  return CUSTOM_PREFIX + JSON.stringify(message);
}

/** The JSON inside one of our text frames; undefined when the frame is not ours or not JSON. */
export function readText(frame: string): unknown {
  if (!frame.startsWith(CUSTOM_PREFIX)) return undefined;
  try {
    return JSON.parse(frame.slice(CUSTOM_PREFIX.length));
  } catch {
    return undefined;
  }
}

/** Parses a text frame from the room; null when it is not one of ours or not valid. */
export function readServerMessage(frame: string): ReadMessage | null {
  const parsed = v.safeParse(ServerMessageSchema, readText(frame));
  return parsed.success ? parsed.output : null;
}

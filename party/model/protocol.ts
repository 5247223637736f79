/**
 * Wire protocol between the room and its clients, beyond the commands themselves.
 * Binary frames are Yjs sync (0) and awareness (1); JSON messages travel as
 * y-partyserver custom messages (string frames prefixed with "__YPS:").
 */
import type { Role } from "./commands";

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
} as const;

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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CommandError {
  code: ErrorCode;
  message: string;
}

/** Who sent a command: established by the Worker from a verified ticket, never by the client. */
export interface Actor {
  role: Role;
  /** participant id, or the token id for facilitators/screens/evaluators */
  id: string;
  name: string;
  /** stakeholder group id; facilitators/screens/evaluators have "" */
  group: string;
  /** tables (#13): a host's table (fixed by its token); a participant's table when known */
  table?: string;
}

/** Headers the Worker sets on the WebSocket upgrade after validating a ticket. Client copies are stripped. */
export const ACTOR_HEADER = "x-coproduce-actor";

export type Ack =
  | { type: "ack"; id: string; ok: true; result: Record<string, unknown> }
  | { type: "ack"; id: string; ok: false; error: CommandError };

/** Sent once after connecting. `serverTime` lets clients align timers. */
export interface Hello {
  type: "hello";
  you: Actor;
  serverTime: number;
}

/** Sent to one client only: data that is theirs alone (ballots, silent cards, feedback). */
export type PrivateMessage =
  | { type: "private"; kind: "ballot"; activityId: string; ballot: unknown | null }
  | { type: "private"; kind: "feedback"; activityId: string; answers: unknown | null }
  | { type: "private"; kind: "cards"; activityId: string; cards: unknown[] }
  | { type: "private"; kind: "turnout"; activityId: string; voters: number; byGroup: Record<string, number> }
  /** tables (#13): a facilitator placed this participant at a table (null: at none) */
  | { type: "private"; kind: "seat"; table: string | null };

/** Sent to a connection just before the room closes it, so the UI can say why. */
export interface Goodbye {
  type: "goodbye";
  code: number;
  reason: string;
}

export type ServerMessage = Ack | Hello | PrivateMessage | Goodbye;

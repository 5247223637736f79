/**
 * Reading a command from a custom message, and the acks for what cannot be read.
 * Every check is bounded: size first, then JSON, then the envelope schema.
 */
import * as v from "valibot";
import { Id, LIMITS } from "./model/commands";
import { type Ack, CommandEnvelope, type CommandError } from "./model/protocol";

export type Screened =
  | { ok: true; id: string; name: string; args: unknown }
  | { ok: false; id: string | null; code: "bad_request" | "too_large"; message: string };

export function screenCommand(text: string): Screened {
  if (byteLengthOver(text, LIMITS.messageBytes)) {
    return { ok: false, id: recoverId(text), code: "too_large", message: "Commands are limited to 64 KB." };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, id: null, code: "bad_request", message: "The command is not valid JSON." };
  }
  const envelope = v.safeParse(CommandEnvelope, json);
  if (!envelope.success) {
    return { ok: false, id: idOf(json), code: "bad_request", message: "Expected {type:'command', id, name, args}." };
  }
  return { ok: true, ...envelope.output };
}

/** An ack refusing a command; `id` is "" when the command's id could not be read. */
export function refusalAck(id: string | null, code: CommandError["code"], message: string): Ack {
  return { type: "ack", id: id ?? "", ok: false, error: { code, message } };
}

/** Cheap id recovery for messages we will not parse (too large, rate limited). */
export function recoverId(text: string): string | null {
  const match = /"id"\s*:\s*"([A-Za-z0-9_-]{1,64})"/.exec(text.slice(0, 512));
  return match?.[1] ?? null;
}

/** Exact UTF-8 length only when it could matter: a string of n chars is n to 3n bytes. */
function byteLengthOver(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return new TextEncoder().encode(text).byteLength > limit;
}

/** The command id of a message we could not accept, if it can be read, so the client can match the ack. */
function idOf(json: unknown): string | null {
  if (typeof json !== "object" || json === null || !("id" in json)) return null;
  const parsed = v.safeParse(Id, json.id);
  return parsed.success ? parsed.output : null;
}

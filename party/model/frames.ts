/**
 * The binary half of the wire protocol, written once for the room, the browser, Node
 * tooling and tests: Yjs sync and awareness frames as y-websocket and y-partyserver frame
 * them (a varuint message type, then the payload). Every client is a read-only peer: it
 * sends sync step 1 and applies the room's updates; the room answers step 1, sends updates
 * and presence, and never applies anything a client sends (docs/architecture.md, principle 1).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
/** y-websocket clients may ask for everyone's presence after reconnecting. */
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP_1 = syncProtocol.messageYjsSyncStep1;
export const SYNC_STEP_2 = syncProtocol.messageYjsSyncStep2;
export const SYNC_UPDATE = syncProtocol.messageYjsUpdate;

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

// ---- sync step 1 in the address (perf #17) ---------------------------------------------
// A client may name its state vector in the WebSocket address (`sv=`, base64url); the room
// then sends what it lacks with its welcome, a round trip sooner than answering the client's
// own sync step 1, which the client then does not send. Anything unreadable is ignored.

/** Longest `sv` accepted: a phone's vector names a few clients (the room, rarely more). */
export const STATE_VECTOR_PARAM_MAX = 512;

/** A state vector as the `sv` parameter (base64url, no padding). */
export function stateVectorParam(vector: Uint8Array): string {
  let text = "";
  for (const byte of vector) text += String.fromCharCode(byte);
  return btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The sync step 1 frame a client would have sent for the `sv` parameter; null unless it reads as a state vector. */
export function syncStep1FromParam(param: string | null): Uint8Array<ArrayBuffer> | null {
  if (!param || param.length > STATE_VECTOR_PARAM_MAX || !/^[A-Za-z0-9_-]+$/.test(param)) return null;
  try {
    const text = atob(param.replaceAll("-", "+").replaceAll("_", "/"));
    const vector = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    Y.decodeStateVector(vector);
    return frame(MESSAGE_SYNC, (e) => {
      encoding.writeVarUint(e, SYNC_STEP_1);
      encoding.writeVarUint8Array(e, vector);
    });
  } catch {
    return null;
  }
}

// ---- deflated frames (perf #17) -----------------------------------------------------------
// A client that says so in its WebSocket address (`deflate=1`) may get a large frame from the
// room (its first sync, everyone present) as one MESSAGE_DEFLATED frame: the varuint type, then
// the whole inner frame compressed with raw DEFLATE (RFC 1951, CompressionStream's 'deflate-raw').
// The room compresses (party/deflate.ts); every client inflates with the platform's
// DecompressionStream (browsers, Node ≥ 18, workerd), so it costs no bundle bytes. A client that
// did not ask never gets one. The room's sockets send plain frames (wrangler.toml
// `no_web_socket_compression`), so this is the only compression those frames get: once for
// everyone rather than once per socket (docs/performance.md, "Plain frames").

export const MESSAGE_DEFLATED = 100;
/** The address parameter a client sets (to "1") to accept deflated frames. */
export const DEFLATE_PARAM = "deflate";
/** Frames shorter than this are sent as they are: compressing them saves too little. */
export const DEFLATE_MIN_BYTES = 8 * 1024;
/**
 * An inflated frame may not be larger than this (a deflate bomb would otherwise fill the phone's
 * memory): 4× the room's live doc budget (content-budget.ts DOC_BUDGET_BYTES, 4 MB), the largest
 * sync the room can send, written as a number so a phone does not load the budget's module.
 */
export const INFLATED_MAX_BYTES = 16 * 1024 * 1024;

/** True for a frame the room sent deflated (its first byte is MESSAGE_DEFLATED, a one-byte varuint). */
export function isDeflatedFrame(data: string | Uint8Array): data is Uint8Array {
  return typeof data !== "string" && data.length > 1 && data[0] === MESSAGE_DEFLATED;
}

/** The inner frame of a deflated frame, as the room sent it before compressing. Rejects when it does not inflate. */
export async function inflateFrame(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([data.slice(1)]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > INFLATED_MAX_BYTES) {
      await reader.cancel();
      throw new Error("inflated frame too large");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Sync step 1: our state vector, so the other side answers with what we lack. */
export function syncStep1Frame(doc: Y.Doc): Uint8Array<ArrayBuffer> {
  return frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, doc));
}

/** One sync update frame; the room builds it once and sends it to every socket. */
export function updateFrame(update: Uint8Array): Uint8Array<ArrayBuffer> {
  return frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update));
}

/** An awareness frame around an encoded awareness update (see `encodeAwareness`). */
export function awarenessFrame(awarenessUpdate: Uint8Array): Uint8Array<ArrayBuffer> {
  return frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessUpdate));
}

/** One awareness entry: the y-protocols client id, its clock and its JSON state (null: gone). */
export interface PresenceChange {
  clientId: number;
  clock: number;
  state: unknown;
}

/** y-protocols `encodeAwarenessUpdate` format: count, then (clientID, clock, JSON state) each. */
export function encodeAwareness(changes: readonly PresenceChange[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, changes.length);
  for (const change of changes) {
    encoding.writeVarUint(encoder, change.clientId);
    encoding.writeVarUint(encoder, change.clock);
    encoding.writeVarString(encoder, JSON.stringify(change.state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Decoded by hand instead of through y-protocols' Awareness: that class drops remote
 * states not renewed within 30 s, but the room writes presence only when it changes.
 */
export function decodeAwareness(update: Uint8Array): PresenceChange[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const changes: PresenceChange[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    changes.push({ clientId, clock, state });
  }
  return changes;
}

// ---- what the room reads from a client -------------------------------------------

/** What a client's binary frame asks of the room. */
export type ClientFrame =
  | { kind: "sync-step-1"; reply: Uint8Array<ArrayBuffer> }
  /** sync step 2 or an update: a client trying to write the doc; ignored */
  | { kind: "write-attempt" }
  /** the client's own awareness: dropped, presence is written by the server */
  | { kind: "awareness" }
  | { kind: "query-awareness" }
  | { kind: "garbage" };

/**
 * Reads a client's binary frame without ever applying anything to the doc.
 * Anything that does not decode is "garbage" (counted towards closing the connection).
 */
export function readClientFrame(
  data: Uint8Array,
  doc: Y.Doc,
  /** privacy (#12): what the client lacks, given its state vector, when not `doc` as it is (a phone's replica) */
  encodeState?: (stateVector: Uint8Array) => Uint8Array,
): ClientFrame {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      if (step === SYNC_STEP_1) {
        // Reads the client's state vector and writes sync step 2 (what the client lacks).
        const reply = encodeState
          ? frame(MESSAGE_SYNC, (e) => {
              const stateVector = decoding.readVarUint8Array(decoder);
              encoding.writeVarUint(e, SYNC_STEP_2);
              encoding.writeVarUint8Array(e, encodeState(stateVector));
            })
          : frame(MESSAGE_SYNC, (e) => syncProtocol.readSyncStep1(decoder, e, doc));
        return { kind: "sync-step-1", reply };
      }
      if (step === SYNC_STEP_2 || step === SYNC_UPDATE) return { kind: "write-attempt" };
      return { kind: "garbage" };
    }
    if (type === MESSAGE_AWARENESS) {
      decoding.readVarUint8Array(decoder);
      return { kind: "awareness" };
    }
    if (type === MESSAGE_QUERY_AWARENESS) return { kind: "query-awareness" };
    return { kind: "garbage" };
  } catch {
    // A truncated or malformed frame: lib0 throws on reading past the end.
    return { kind: "garbage" };
  }
}

// ---- what a client reads from the room ---------------------------------------------

export type ServerFrame =
  /** the room's state vector: a client whose doc is ahead of it holds a stale cache */
  | { kind: "sync-step-1"; stateVector: Map<number, number> }
  /** the answer to our step 1: everything we lacked */
  | { kind: "sync-step-2"; update: Uint8Array }
  | { kind: "update"; update: Uint8Array }
  | { kind: "presence"; changes: PresenceChange[] }
  | { kind: "unknown" };

/** Decodes one binary frame from the room. Throws on a malformed frame (the caller drops it). */
export function readServerFrame(data: Uint8Array): ServerFrame {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_SYNC) {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === SYNC_STEP_1) return { kind: "sync-step-1", stateVector: Y.decodeStateVector(payload) };
    if (step === SYNC_STEP_2) return { kind: "sync-step-2", update: payload };
    if (step === SYNC_UPDATE) return { kind: "update", update: payload };
    return { kind: "unknown" };
  }
  if (type === MESSAGE_AWARENESS)
    return { kind: "presence", changes: decodeAwareness(decoding.readVarUint8Array(decoder)) };
  return { kind: "unknown" };
}

/**
 * True when our doc holds something the room does not (a cache from before the
 * room was rebuilt or the workshop was reset): such a doc must be dropped, because
 * the room never deletes what it never knew we had.
 */
export function isAheadOf(doc: Y.Doc, serverStateVector: Map<number, number>): boolean {
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    if ((serverStateVector.get(client) ?? 0) < clock) return true;
  }
  return false;
}

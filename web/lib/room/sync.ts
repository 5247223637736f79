/**
 * Yjs frames as a read-only peer (DESIGN principle 1). We send our state vector
 * (sync step 1) so the room answers with what we lack, and we apply the room's
 * updates. We never answer the room's step 1 and never send updates or awareness:
 * the room is the only writer.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** Transaction origin for changes that came from the room (lets observers tell them from the cache). */
export const FROM_ROOM = "room";

export function encodeSyncStep1(doc: Y.Doc): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

export type PresenceChange = { clientId: number; clock: number; state: unknown };

export type Frame =
  | { kind: "serverStateVector"; stateVector: Map<number, number> }
  | { kind: "update"; update: Uint8Array }
  | { kind: "presence"; changes: PresenceChange[] }
  | { kind: "unknown" };

/** Decodes one binary frame. Throws on a malformed frame (the caller drops it). */
export function readFrame(data: Uint8Array): Frame {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_SYNC) {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === SYNC_STEP1) return { kind: "serverStateVector", stateVector: Y.decodeStateVector(payload) };
    if (step === SYNC_STEP2 || step === SYNC_UPDATE) return { kind: "update", update: payload };
    return { kind: "unknown" };
  }
  if (type === MESSAGE_AWARENESS) {
    // Decoded by hand instead of y-protocols' Awareness: that class drops remote
    // states not renewed within 30 s, but the room writes presence only on change.
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(update);
    const changes: PresenceChange[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(update);
      const clock = decoding.readVarUint(update);
      const state: unknown = JSON.parse(decoding.readVarString(update));
      changes.push({ clientId, clock, state });
    }
    return { kind: "presence", changes };
  }
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

/**
 * Binary frames of the Yjs wire protocol (y-websocket / y-partyserver framing):
 * a varuint message type, then the payload. The room only ever *answers* sync
 * step 1 and *sends* updates and awareness; it never reads a client's document
 * changes (every connection is a read-only peer).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import type * as Y from "yjs";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
/** y-websocket clients may ask for everyone's presence after reconnecting. */
export const MESSAGE_QUERY_AWARENESS = 3;

/** Sync step 1: our state vector, so the client answers with what we lack (which we then ignore). */
export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** One sync update frame; built once and sent to every socket. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessFrame(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/** What a client's binary frame asks of the room. */
export type ClientFrame =
  | { kind: "sync-step-1"; reply: Uint8Array }
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
export function readClientFrame(data: Uint8Array, doc: Y.Doc): ClientFrame {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        // Reads the client's state vector and writes sync step 2 (what the client lacks).
        syncProtocol.readSyncStep1(decoder, encoder, doc);
        return { kind: "sync-step-1", reply: encoding.toUint8Array(encoder) };
      }
      if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
        return { kind: "write-attempt" };
      }
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

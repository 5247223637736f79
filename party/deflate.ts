/**
 * perf (#17): the room's side of deflated frames (party/model/frames.ts `MESSAGE_DEFLATED`).
 * Synchronous (workerd's node:zlib, `nodejs_compat`), so a newcomer's welcome keeps its order:
 * hello, sync step 1, the sync (deflated), presence, private state.
 */
import { deflateRawSync } from "node:zlib";
import { DEFLATE_MIN_BYTES, MESSAGE_DEFLATED } from "./model/frames";

/** `frame` as one MESSAGE_DEFLATED frame when that is smaller, else `frame` itself. */
export function deflateFrame(frame: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  if (frame.byteLength < DEFLATE_MIN_BYTES) return frame;
  const packed = deflateRawSync(frame);
  if (packed.byteLength + 1 >= frame.byteLength) return frame;
  const out = new Uint8Array(packed.byteLength + 1);
  out[0] = MESSAGE_DEFLATED;
  out.set(packed, 1);
  return out;
}

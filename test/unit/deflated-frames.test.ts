/**
 * Deflated frames (perf #17, party/model/frames.ts): the room compresses a large frame with
 * node:zlib (party/deflate.ts), every client inflates it with the platform's DecompressionStream.
 */
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { deflateFrame } from "../../party/deflate";
import { DOC_BUDGET_BYTES } from "../../party/model/content-budget";
import {
  DEFLATE_MIN_BYTES,
  INFLATED_MAX_BYTES,
  inflateFrame,
  isDeflatedFrame,
  MESSAGE_DEFLATED,
  readServerFrame,
  updateFrame,
} from "../../party/model/frames";

function bigUpdateFrame(cards: number): Uint8Array<ArrayBuffer> {
  const doc = new Y.Doc();
  const map = doc.getMap("cards");
  for (let i = 0; i < cards; i++) map.set(`c${i}`, { id: `c${i}`, text: `Card ${i}: somewhere to go after school` });
  return updateFrame(Y.encodeStateAsUpdate(doc));
}

describe("deflated frames", () => {
  it("round-trip: the inflated frame is byte for byte the one the room compressed, and reads as before", async () => {
    const frame = bigUpdateFrame(800);
    const packed = deflateFrame(frame);
    expect(packed[0]).toBe(MESSAGE_DEFLATED);
    expect(isDeflatedFrame(packed)).toBe(true);
    expect(packed.byteLength).toBeLessThan(frame.byteLength / 3);
    const inflated = await inflateFrame(packed);
    expect(inflated).toEqual(frame);
    const read = readServerFrame(inflated);
    expect(read.kind).toBe("update");
    const doc = new Y.Doc();
    if (read.kind === "update") Y.applyUpdate(doc, read.update);
    expect(doc.getMap("cards").size).toBe(800);
  });

  it("leaves small frames, and frames that would not shrink, as they are", () => {
    const small = bigUpdateFrame(2);
    expect(small.byteLength).toBeLessThan(DEFLATE_MIN_BYTES);
    expect(deflateFrame(small)).toBe(small);
    const noise = updateFrame(crypto.getRandomValues(new Uint8Array(DEFLATE_MIN_BYTES * 2)));
    expect(deflateFrame(noise)).toBe(noise);
    // No other frame starts with the deflated type: sync is 0, awareness 1.
    expect(isDeflatedFrame(small)).toBe(false);
    expect(isDeflatedFrame("__YPS:{}")).toBe(false);
  });

  it("refuses what does not inflate, and a deflate bomb past the limit", async () => {
    await expect(inflateFrame(new Uint8Array([MESSAGE_DEFLATED, 0xff, 0xff, 0xff, 0x00, 0x13]))).rejects.toThrow();
    const bomb = deflateRawSync(new Uint8Array(INFLATED_MAX_BYTES + 1));
    const frame = new Uint8Array(bomb.byteLength + 1);
    frame[0] = MESSAGE_DEFLATED;
    frame.set(bomb, 1);
    await expect(inflateFrame(frame)).rejects.toThrow(/too large/);
    // The limit is written as a number in frames.ts: it stays 4× the room's live doc budget.
    expect(INFLATED_MAX_BYTES).toBe(4 * DOC_BUDGET_BYTES);
  });
});

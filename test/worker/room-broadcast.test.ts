/**
 * Broadcast: an edit goes out on the next turn of the event loop, with no merge window; edits
 * that arrive before it goes or while a fan-out is in flight are merged into one frame, and
 * every socket still gets every edit, in a frame that never lacks what it builds on.
 */
import { describe, expect, it } from "vitest";
import { liveMap, participant, screen } from "./support/fixtures";
import { type RoomClient, roomClients, tuneRoom } from "./support/room-client";

const clients = roomClients();
const { join } = clients;

const cardTexts = (client: RoomClient) =>
  Object.values((client.json().cards ?? {}) as Record<string, { text: string }>).map((c) => c.text);
/** Yjs sync "update" frames (message type 0, sync step 2 = update). */
const updateFrames = (client: RoomClient, from: number) =>
  client.frames.slice(from).filter((f) => f[0] === 0 && f[1] === 2).length;

describe("broadcasting doc updates", () => {
  it("sends each edit of a quiet room in its own frame, with no merge window", async () => {
    const { id, mapId } = await liveMap(join, "broadcast-lone");
    const phone = await join(id, participant(1));
    const watcher = await join(id, screen);
    const before = watcher.frames.length;
    for (const text of ["One", "Two", "Three"]) {
      await phone.ok("card.add", { activityId: mapId, lane: "before", kind: "barrier", text });
      await watcher.waitFor(() => cardTexts(watcher).includes(text), `"${text}" on the screen`);
    }
    expect(updateFrames(watcher, before)).toBe(3);
  });

  it("merges the edits that arrive during a fan-out into the next frame, and loses none", async () => {
    const { id, mapId } = await liveMap(join, "broadcast-burst");
    const phones = await Promise.all([1, 2, 3, 4].map((n) => join(id, participant(n))));
    const watchers = await Promise.all([1, 2, 3, 4, 5, 6].map(() => join(id, screen)));
    // One socket per slice: a fan-out to this room yields between every send, so the
    // burst below arrives while one is in flight.
    await tuneRoom(id, { fanOutSlice: 1 });
    const before = watchers.map((w) => w.frames.length);
    const texts = phones.flatMap((_, p) => [0, 1, 2].map((i) => `Burst ${p}.${i}`));
    const acks = await Promise.all(
      texts.map((text, i) =>
        phones[i % phones.length]!.command("card.add", { activityId: mapId, lane: "before", kind: "barrier", text }),
      ),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    for (const watcher of watchers) {
      await watcher.waitFor(() => texts.every((t) => cardTexts(watcher).includes(t)), "every edit of the burst");
    }
    const frames = watchers.map((w, i) => updateFrames(w, before[i]!));
    // Merged: fewer frames than edits on every screen (12 edits).
    for (const n of frames) expect(n).toBeLessThan(texts.length);
    // Each sender had its own card by the time its ack came (the frame sent just before it).
    texts.forEach((text, i) => {
      expect(cardTexts(phones[i % phones.length]!)).toContain(text);
    });
  });
});

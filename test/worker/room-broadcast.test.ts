/** Broadcast timing: a lone edit goes out at once; a burst is merged into one frame per interval. */
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { WorkshopRoom } from "../../party/room";
import { agendaOf, createRoom, facilitator, participant, screen } from "./support/fixtures";
import { type RoomClient, roomClients, roomStub } from "./support/room-client";

const clients = roomClients();
const { join } = clients;

const cardTexts = (client: RoomClient) =>
  Object.values((client.json().cards ?? {}) as Record<string, { text: string }>).map((c) => c.text);

describe("broadcasting doc updates", () => {
  it("sends an edit after a quiet spell at once, and merges a burst into the next interval", async () => {
    const id = await createRoom("broadcast-timing");
    const stub = await roomStub(id);
    const fac = await join(id, facilitator);
    const [mapId] = agendaOf(fac);
    await fac.ok("activity.open", { activityId: mapId });
    const phone = await join(id, participant(1));
    const watcher = await join(id, screen);
    // A long interval makes the difference between "at once" and "next tick" unmistakable;
    // then a quiet spell longer than it, so the next edit is the first of a new interval.
    await runInDurableObject(stub, (room: WorkshopRoom) => {
      room.tuning.broadcastMs = 2_000;
    });
    await new Promise((resolve) => setTimeout(resolve, 2_100));

    const add = (text: string) => phone.ok("card.add", { activityId: mapId, lane: "before", kind: "barrier", text });
    const started = Date.now();
    await add("First after a quiet spell");
    await watcher.waitFor(() => cardTexts(watcher).includes("First after a quiet spell"), "the lone edit", 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);

    // Within the interval: held back, then delivered together in one frame.
    await add("Second");
    await add("Third");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(cardTexts(watcher)).not.toContain("Second");
    const framesBefore = watcher.frames.length;
    await watcher.waitFor(() => cardTexts(watcher).includes("Third"), "the burst", 6_000);
    expect(cardTexts(watcher)).toContain("Second");
    const updateFrames = watcher.frames.slice(framesBefore).filter((f) => f[0] === 0 && f[1] === 2);
    expect(updateFrames).toHaveLength(1);
  });
});

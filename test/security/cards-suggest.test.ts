/**
 * Red team for `cards.suggest` (voice, issue #16) over the real socket in workerd:
 * only a facilitator may ask; another workshop's map, unknown fields, bad and
 * oversized input are refused; a replayed command id gets its first answer; and
 * asking never changes the shared doc (the suggestions go only to the asker).
 */
import { describe, expect, it } from "vitest";
import { evaluator, liveMap as liveMapFixture, participant, screen } from "../worker/support/fixtures";
import { type Json, type RoomClient, roomClients } from "../worker/support/room-client";

const { join } = roomClients();

async function liveMap(label: string) {
  const { id, fac, mapId, voteId } = await liveMapFixture(join, label);
  const p1 = await join(id, participant(1));
  const add = async (text: string) =>
    String((await p1.ok("card.add", { activityId: mapId, lane: "before", kind: "barrier", text })).cardId);
  const cards = [
    await add("More buses to the hospital"),
    await add("We need more bus services to the hospital"),
    await add("Free parking for carers"),
  ];
  return { id, fac, p1, mapId, voteId, cards };
}

/** The ack must be a refusal with `code`, and the watcher's doc must not have changed. */
async function refusedUnchanged(client: RoomClient, watcher: RoomClient, args: Json, code: string) {
  await watcher.synced();
  const before = JSON.stringify(watcher.json());
  const ack = await client.command("cards.suggest", args);
  expect(ack, JSON.stringify(args).slice(0, 200)).toMatchObject({ ok: false, error: { code } });
  await watcher.synced();
  expect(JSON.stringify(watcher.json())).toBe(before);
}

describe("cards.suggest", () => {
  it("answers a facilitator with groups of similar cards, and nobody else", async () => {
    const { id, fac, p1, mapId, cards } = await liveMap("suggest-roles");
    for (const client of [p1, await join(id, screen), await join(id, evaluator)])
      await refusedUnchanged(client, fac, { activityId: mapId }, "forbidden");
    await fac.synced();
    const before = JSON.stringify(fac.json());
    expect(await fac.ok("cards.suggest", { activityId: mapId })).toEqual({ groups: [[cards[0], cards[1]]] });
    await fac.synced();
    expect(JSON.stringify(fac.json()), "asking changes nothing in the room").toBe(before);
  });

  it("refuses another workshop's map, a vote, unknown fields, bad and oversized input", async () => {
    const a = await liveMap("suggest-a");
    const b = await liveMap("suggest-b");
    await refusedUnchanged(a.fac, a.fac, { activityId: b.mapId }, "not_found");
    await refusedUnchanged(a.fac, a.fac, { activityId: a.voteId }, "bad_request");
    await refusedUnchanged(a.fac, a.fac, { activityId: a.mapId, merge: true }, "bad_request");
    await refusedUnchanged(a.fac, a.fac, {}, "bad_request");
    await refusedUnchanged(a.fac, a.fac, { activityId: "bad id!" }, "bad_request");
    await refusedUnchanged(a.fac, a.fac, { activityId: "x".repeat(65) }, "bad_request");
    await refusedUnchanged(a.fac, a.fac, { activityId: "x".repeat(70_000) }, "too_large");
  });

  it("a replayed command id changes nothing: a read is not logged, so it is simply answered again", async () => {
    const { fac, p1, mapId, cards } = await liveMap("suggest-replay");
    const first = await fac.command("cards.suggest", { activityId: mapId }, "suggest-1");
    expect(first).toMatchObject({ ok: true, result: { groups: [[cards[0], cards[1]]] } });
    const added = String(
      (
        await p1.ok("card.add", {
          activityId: mapId,
          lane: "before",
          kind: "barrier",
          text: "Free parking for all carers",
        })
      ).cardId,
    );
    await fac.synced();
    const before = JSON.stringify(fac.json());
    const again = await fac.command("cards.suggest", { activityId: mapId }, "suggest-1");
    // Answered from the map as it is now (nothing was stored to replay), and nothing changed.
    expect(again).toMatchObject({
      ok: true,
      result: {
        groups: [
          [cards[0], cards[1]],
          [cards[2], added],
        ],
      },
    });
    await fac.synced();
    expect(JSON.stringify(fac.json())).toBe(before);
  });
});

/**
 * A refused command never changes the doc. Every refusal in these tests goes
 * through TestRoom.refused, which compares Y.encodeStateAsUpdate before and after
 * and checks no effect was produced; this file shows one refusal of each code,
 * including ones found late in a handler's checks.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyCommand } from "../../party/model/apply";
import { evaluator, facilitator, person, typicalRoom } from "./support/room";

function busy() {
  const room = typicalRoom();
  const amina = room.join(person("amina", "community"));
  const ben = room.join(person("ben", "statutory"));
  room.ok(facilitator, "activity.open", { activityId: room.ids.map });
  const card = String(
    room.ok(amina, "card.add", { activityId: room.ids.map, lane: "waiting", kind: "idea", text: "A" }).cardId,
  );
  const other = String(
    room.ok(ben, "card.add", { activityId: room.ids.map, lane: "waiting", kind: "idea", text: "B" }).cardId,
  );
  return { room, amina, ben, card, other };
}

describe("refusals leave the doc unchanged", () => {
  it("for each error code", () => {
    const { room, amina, ben, card, other } = busy();
    room.refused(amina, "card.fly", {}, "unknown_command");
    room.refused(evaluator, "card.add", {}, "forbidden");
    room.refused(amina, "card.add", { activityId: room.ids.map }, "bad_request");
    room.refused(amina, "card.edit", { cardId: "nope", text: "x" }, "not_found");
    room.refused(ben, "card.edit", { cardId: card, text: "x" }, "forbidden");
    room.refused(facilitator, "activity.remove", { activityId: room.ids.map }, "conflict");
    room.refused(amina, "ballot.submit", { activityId: room.ids.vote, ballot: { allocations: {} } }, "locked");
    room.ok(facilitator, "activity.open", { activityId: room.ids.vote });
    room.refused(
      amina,
      "ballot.submit",
      { activityId: room.ids.vote, ballot: { allocations: { peer: 9 } } },
      "invalid_ballot",
    );
    room.refused(amina, "card.edit", { cardId: card, text: "x" }, "closed");
    // Late refusals: the second card of a merge, after the first passed its checks.
    room.refused(facilitator, "card.merge", { cardIds: [other, "nope"], into: card }, "not_found");
  });

  it("even when the caller reuses the same context for many commands", () => {
    const { room, amina } = busy();
    const before = Y.encodeStateAsUpdate(room.doc);
    for (let i = 0; i < 20; i += 1) {
      const outcome = applyCommand(
        room.doc,
        amina,
        { name: "card.delete", args: { cardId: `missing${i}` } },
        room.ctx(),
      );
      expect(outcome.ok).toBe(false);
    }
    expect(Buffer.from(Y.encodeStateAsUpdate(room.doc)).equals(Buffer.from(before))).toBe(true);
  });
});

/**
 * Attack: slipping into another group. A participant could switch stakeholder group after
 * contributing (and so slip into a community-first round, or move their ballot between
 * groups in public). The group is fixed once they have taken part; a facilitator corrects
 * it with participant.update.
 */
import { describe, expect, it } from "vitest";
import { expectRefused, newWorkshop, openVote, redTeam } from "./support/harness";

const team = redTeam();

describe("group switching", () => {
  it("a participant cannot change group once they have added a card", async () => {
    const { w, mapId } = await team.mapRoom();
    const { phone } = await team.participant(w, "statutory");
    await phone.ok("card.add", { activityId: mapId, lane: "day", kind: "barrier", text: "from the council" });
    await expectRefused(phone, "me.update", { group: "community" }, "forbidden");
    // A name change alone is still fine.
    await phone.ok("me.update", { name: "New name" });
  });

  it("a participant cannot change group once they have voted", async () => {
    const w = await newWorkshop();
    const fac = await team.facilitator(w);
    const voteId = await openVote(fac);
    const { phone } = await team.participant(w, "statutory");
    await phone.ok("ballot.submit", { activityId: voteId, ballot: { allocations: { o1: 1 } } });
    await expectRefused(phone, "me.update", { group: "community" }, "forbidden");
  });

  it("before taking part they may still correct it, and a facilitator may correct it later", async () => {
    const { w, fac, mapId } = await team.mapRoom();
    const { joined: p, phone } = await team.participant(w, "statutory");
    await phone.ok("me.update", { group: "voluntary" });
    await phone.ok("card.add", { activityId: mapId, lane: "day", kind: "barrier", text: "x" });
    await expectRefused(
      phone,
      "participant.update",
      { participantId: p.participantId, group: "community" },
      "forbidden",
    );
    const result = await fac.ok("participant.update", { participantId: p.participantId, group: "community" });
    expect(result.group).toBe("community");
  });
});

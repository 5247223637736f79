/**
 * Attack: a socket takes another person's place. partyserver lets a WebSocket URL
 * choose its own connection id (`_pk`), which becomes the socket's first tag, and the
 * room found private recipients by tag. A connection must be exactly its ticket's actor.
 */
import { describe, expect, it } from "vitest";
import { participant } from "../worker/support/fixtures";
import { joinAs, newWorkshop, openMap, openVote, privateMessages, type RoomClient, redTeam } from "./support/harness";

const team = redTeam();
const { connectToRoom } = team;

/** The victim votes; their private ballot echo reaches their own socket and not the spy's. */
async function expectBallotOnlyToVictim(
  victim: RoomClient,
  spy: RoomClient,
  voteId: string,
  allocations: Record<string, number>,
) {
  await victim.ok("ballot.submit", { activityId: voteId, ballot: { allocations } });
  // The turnout update is broadcast after the ballot's private echo was sent: once the spy has it,
  // anything private addressed to the victim would already have arrived.
  await spy.waitFor(() => {
    const vote = (spy.json().activities as Record<string, { turnout?: { voters: number } }>)[voteId];
    return vote?.turnout?.voters === 1;
  }, "turnout of 1");
  // The victim's own socket is another stream than the spy's: wait for its copy too.
  await victim.waitFor(() => privateMessages(victim, "ballot").length === 1, "the victim's own ballot");
  expect(privateMessages(spy, "ballot")).toEqual([]);
}

describe("_pk connection-id spoofing through the Worker", () => {
  it("a participant connecting with _pk=a:<someone's id> does not receive their private ballot", async () => {
    const w = await newWorkshop();
    const fac = await team.facilitator(w);
    const voteId = await openVote(fac);
    const victim = await joinAs(w);
    const attacker = await joinAs(w);
    const victimPhone = await team.connect(w.id, victim.token);
    const spy = await team.connect(w.id, attacker.token, `&_pk=${encodeURIComponent(`a:${victim.participantId}`)}`);

    await expectBallotOnlyToVictim(victimPhone, spy, voteId, { o2: 3 });
  });

  it("a participant connecting with _pk=r:facilitator does not receive silent-round cards", async () => {
    const w = await newWorkshop();
    const fac = await team.facilitator(w);
    const mapId = await openMap(fac, "silent");
    const author = await joinAs(w);
    const attacker = await joinAs(w);
    const authorPhone = await team.connect(w.id, author.token);
    const spy = await team.connect(w.id, attacker.token, "&_pk=r%3Afacilitator");

    await authorPhone.ok("card.add", { activityId: mapId, lane: "day", kind: "barrier", text: "my secret card" });
    await fac.waitFor(() => privateMessages(fac, "cards").length > 0, "the facilitator's silent cards");
    // A doc change after the card: once the spy sees it, the silent cards would have come first.
    await fac.ok("timer.start", { seconds: 60 });
    await spy.waitFor(() => (spy.json().workshop as { timer?: unknown }).timer, "the timer");
    expect(JSON.stringify(spy.messages)).not.toContain("my secret card");
  });

  it("no query parameter or header chosen by the client names the room's connection", async () => {
    const w = await newWorkshop();
    const victim = await joinAs(w);
    const attacker = await joinAs(w);
    const spy = await team.connect(
      w.id,
      attacker.token,
      `&_pk=${encodeURIComponent(`a:${victim.participantId}`)}&x-coproduce-actor=forged`,
    );
    const hello = spy.find((m) => m.type === "hello") as { you: { id: string } };
    expect(hello.you.id).toBe(attacker.participantId);
  });
});

describe("_pk connection-id spoofing at the room itself (defence in depth)", () => {
  it("private sends go to the verified actor in the socket's attachment, not to a tag alone", async () => {
    const w = await newWorkshop();
    const fac = await team.facilitator(w);
    const voteId = await openVote(fac);
    const { joined: victim, phone: victimPhone } = await team.participant(w);
    // Straight to the room, as if the Worker's scrubbing had a hole: a spoofed _pk tag.
    const spy = await connectToRoom(w.id, participant(99), `_pk=${encodeURIComponent(`a:${victim.participantId}`)}`);

    await expectBallotOnlyToVictim(victimPhone, spy, voteId, { o1: 1 });
  });

  it("a spoofed r:facilitator tag at the room gets no silent cards", async () => {
    const w = await newWorkshop();
    const fac = await team.facilitator(w);
    const mapId = await openMap(fac, "silent");
    const { phone: authorPhone } = await team.participant(w);
    const spy = await connectToRoom(w.id, participant(98), "_pk=r%3Afacilitator");

    await authorPhone.ok("card.add", { activityId: mapId, lane: "day", kind: "barrier", text: "room-level secret" });
    // A doc change after the card (privacy #12: a phone's replica no longer names the author, so
    // a facilitator's timer is the marker): once the spy has it, silent cards would have come first.
    await fac.ok("timer.start", { seconds: 60 });
    await spy.waitFor(() => (spy.json().workshop as { timer?: unknown }).timer, "the timer");
    expect(JSON.stringify(spy.messages)).not.toContain("room-level secret");
  });
});

/**
 * Attack: live results leak single ballots. With live results on, each new ballot,
 * group change or withdrawal republished the totals, so the difference between two
 * publications was one person's ballot. Live totals and turnout by group now move only
 * in steps of at least three ballot changes, or when the vote closes.
 */
import { describe, expect, it } from "vitest";
import { joinAs, newWorkshop, openVote, type RoomClient, redTeam, tokenOf } from "./support/harness";

const team = redTeam();

/** A workshop with a dots vote open with live results, and its projector watching. */
async function liveVote() {
  const w = await newWorkshop();
  const fac = await team.facilitator(w);
  const voteId = await openVote(fac, { liveResults: true });
  const screen = await team.connect(w.id, tokenOf(w, "screen"));
  return { w, fac, voteId, screen };
}

type Vote = { turnout?: { voters: number; byGroup: Record<string, number> } };
type Result = { voters: number; totals: Record<string, number> };

const voteOf = (c: RoomClient, id: string) => (c.json().activities as Record<string, Vote>)[id];
const resultOf = (c: RoomClient, id: string) => (c.json().results as Record<string, Result | undefined>)[id];

/** Casts a ballot and waits until the watcher has seen the turnout reach `voters` (sent after any result). */
async function vote(w: { id: string }, watcher: RoomClient, voteId: string, voters: number, option = "o1") {
  const p = await joinAs(w as never, voters % 2 ? "community" : "statutory");
  const phone = await team.connect(w.id, p.token);
  await phone.ok("ballot.submit", { activityId: voteId, ballot: { allocations: { [option]: 1 } } });
  await watcher.waitFor(() => voteOf(watcher, voteId)?.turnout?.voters === voters, `${voters} voters`);
  return phone;
}

describe("live results", () => {
  it("do not move with each single ballot: totals change only every three ballots", async () => {
    const { w, voteId, screen } = await liveVote();
    for (let n = 1; n <= 3; n++) await vote(w, screen, voteId, n);
    expect(resultOf(screen, voteId)?.voters).toBe(3);
    // The fourth and fifth ballots must not show up on their own: totals 3 → 4 would be one ballot.
    await vote(w, screen, voteId, 4, "o3");
    expect(resultOf(screen, voteId)?.voters).toBe(3);
    expect(resultOf(screen, voteId)?.totals.o3 ?? 0).toBe(0);
    await vote(w, screen, voteId, 5, "o3");
    expect(resultOf(screen, voteId)?.voters).toBe(3);
    await vote(w, screen, voteId, 6, "o3");
    expect(resultOf(screen, voteId)?.voters).toBe(6);
    expect(resultOf(screen, voteId)?.totals.o3).toBe(3);
  });

  it("turnout by group does not move with one ballot", async () => {
    const w = await newWorkshop();
    const fac = await team.facilitator(w);
    const voteId = await openVote(fac);
    const screen = await team.connect(w.id, tokenOf(w, "screen"));
    await vote(w, screen, voteId, 1);
    expect(voteOf(screen, voteId)?.turnout?.byGroup ?? {}).toEqual({});
  });

  it("a withdrawal does not republish the totals without that one ballot", async () => {
    const { w, voteId, screen } = await liveVote();
    const phones = [];
    for (let n = 1; n <= 3; n++) phones.push(await vote(w, screen, voteId, n));
    expect(resultOf(screen, voteId)?.voters).toBe(3);
    await phones[0]!.ok("me.withdraw", {});
    await screen.waitFor(() => voteOf(screen, voteId)?.turnout?.voters === 2, "2 voters");
    expect(resultOf(screen, voteId)?.voters).toBe(3);
  });

  it("closing the vote publishes the final totals", async () => {
    const { w, fac, voteId, screen } = await liveVote();
    for (let n = 1; n <= 4; n++) await vote(w, screen, voteId, n);
    expect(resultOf(screen, voteId)?.voters).toBe(3);
    await fac.ok("activity.close", { activityId: voteId });
    await screen.waitFor(() => resultOf(screen, voteId)?.voters === 4, "final totals");
    expect(voteOf(screen, voteId)?.turnout?.byGroup).toEqual({ community: 2, statutory: 2 });
  });
});

/**
 * Attack: live feedback turnout names each respondent's group. Everyone in the room sees a
 * feedback form's turnout by group while it is open; when it moved with every submission,
 * the difference between two publications told the room which group the person who just
 * put their phone down belongs to (and, in a small group, who gave feedback). Turnout by
 * group now moves like a vote's: every LIVE_STEP (3) changes, or when the form closes. The
 * count of respondents stays live: it says nothing about whom.
 */
import { describe, expect, it } from "vitest";
import { LIVE_STEP } from "../../party/model/handlers/recount";
import { joinAs, newWorkshop, type RoomClient, redTeam, tokenOf } from "./support/harness";

const team = redTeam();

type Form = { turnout?: { voters: number; byGroup: Record<string, number> } };
const formOf = (c: RoomClient, id: string) => (c.json().activities as Record<string, Form>)[id];

async function openFeedback(fac: RoomClient): Promise<string> {
  const { activityId } = await fac.ok("activity.add", {
    kind: "feedback",
    title: "How was today?",
    config: { items: [{ id: "listened", type: "likert", label: "I felt listened to" }] },
  });
  await fac.ok("activity.open", { activityId });
  return activityId as string;
}

/** One person of `group` gives feedback; waits until the watcher sees `count` respondents. */
async function giveFeedback(w: { id: string }, watcher: RoomClient, formId: string, group: string, count: number) {
  const p = await joinAs(w as never, group);
  const phone = await team.connect(w.id, p.token);
  await phone.ok("feedback.submit", { activityId: formId, answers: { listened: 4 } });
  await watcher.waitFor(() => formOf(watcher, formId)?.turnout?.voters === count, `${count} respondents`);
  return phone;
}

describe("live feedback turnout", () => {
  it("does not move by group with each single submission: only every three", async () => {
    expect(LIVE_STEP).toBeGreaterThanOrEqual(3);
    const w = await newWorkshop();
    const fac = await team.connect(w.id, tokenOf(w, "facilitator"));
    const formId = await openFeedback(fac);
    const screen = await team.connect(w.id, tokenOf(w, "screen"));
    await giveFeedback(w, screen, formId, "community", 1);
    expect(formOf(screen, formId)?.turnout?.byGroup).toEqual({});
    await giveFeedback(w, screen, formId, "statutory", 2);
    expect(formOf(screen, formId)?.turnout?.byGroup).toEqual({});
    await giveFeedback(w, screen, formId, "community", 3);
    expect(formOf(screen, formId)?.turnout?.byGroup).toEqual({ community: 2, statutory: 1 });
    // The fourth alone would say "one more statutory person just answered".
    await giveFeedback(w, screen, formId, "statutory", 4);
    expect(formOf(screen, formId)?.turnout?.byGroup).toEqual({ community: 2, statutory: 1 });
  });

  it("a withdrawal does not take one group's respondent off in public", async () => {
    const w = await newWorkshop();
    const fac = await team.connect(w.id, tokenOf(w, "facilitator"));
    const formId = await openFeedback(fac);
    const screen = await team.connect(w.id, tokenOf(w, "screen"));
    const phones = [];
    for (const [n, group] of (["community", "statutory", "voluntary"] as const).entries())
      phones.push(await giveFeedback(w, screen, formId, group, n + 1));
    expect(formOf(screen, formId)?.turnout?.byGroup).toEqual({ community: 1, statutory: 1, voluntary: 1 });
    await phones[1]!.ok("me.withdraw", {});
    await screen.waitFor(() => formOf(screen, formId)?.turnout?.voters === 2, "2 respondents");
    expect(formOf(screen, formId)?.turnout?.byGroup).toEqual({ community: 1, statutory: 1, voluntary: 1 });
  });

  it("a paper form removed by the facilitator does not move turnout by group alone", async () => {
    const w = await newWorkshop();
    const fac = await team.connect(w.id, tokenOf(w, "facilitator"));
    const formId = await openFeedback(fac);
    const screen = await team.connect(w.id, tokenOf(w, "screen"));
    for (const [n, group] of (["community", "statutory", "voluntary"] as const).entries())
      await giveFeedback(w, screen, formId, group, n + 1);
    const paper = await fac.ok("feedback.submit", {
      activityId: formId,
      answers: { listened: 2 },
      onBehalfOf: { group: "community" },
      source: "paper",
    });
    await screen.waitFor(() => formOf(screen, formId)?.turnout?.voters === 4, "4 respondents");
    expect(formOf(screen, formId)?.turnout?.byGroup).toEqual({ community: 1, statutory: 1, voluntary: 1 });
    await fac.ok("feedback.remove", { activityId: formId, feedbackId: paper.feedbackId as string });
    await screen.waitFor(() => formOf(screen, formId)?.turnout?.voters === 3, "3 respondents");
    expect(formOf(screen, formId)?.turnout?.byGroup).toEqual({ community: 1, statutory: 1, voluntary: 1 });
  });

  it("closing the form publishes the true turnout by group", async () => {
    const w = await newWorkshop();
    const fac = await team.connect(w.id, tokenOf(w, "facilitator"));
    const formId = await openFeedback(fac);
    const screen = await team.connect(w.id, tokenOf(w, "screen"));
    for (const [n, group] of (["community", "statutory", "voluntary", "community"] as const).entries())
      await giveFeedback(w, screen, formId, group, n + 1);
    await fac.ok("activity.close", { activityId: formId });
    await screen.waitFor(() => formOf(screen, formId)?.turnout?.byGroup.community === 2, "settled turnout");
    expect(formOf(screen, formId)?.turnout).toEqual({
      voters: 4,
      byGroup: { community: 2, statutory: 1, voluntary: 1 },
    });
  });
});

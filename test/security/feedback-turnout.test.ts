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
import { newWorkshop, type RoomClient, redTeam, tokenOf } from "./support/harness";

const team = redTeam();

type Form = { turnout?: { voters: number; byGroup: Record<string, number> } };
const formOf = (c: RoomClient, id: string) => (c.json().activities as Record<string, Form>)[id];

/** A workshop with an open feedback form, its facilitator, and the projector watching the turnout. */
async function openFeedback() {
  const w = await newWorkshop();
  const fac = await team.facilitator(w);
  const { activityId } = await fac.ok("activity.add", {
    kind: "feedback",
    title: "How was today?",
    config: { items: [{ id: "listened", type: "likert", label: "I felt listened to" }] },
  });
  await fac.ok("activity.open", { activityId });
  const screen = await team.connect(w.id, tokenOf(w, "screen"));
  return { w, fac, formId: activityId as string, screen };
}

/** One person of `group` gives feedback; waits until the projector sees `count` respondents. */
async function giveFeedback(form: Awaited<ReturnType<typeof openFeedback>>, group: string, count: number) {
  const { w, screen, formId } = form;
  const phone = await team.phone(w, group);
  await phone.ok("feedback.submit", { activityId: formId, answers: { listened: 4 } });
  await screen.waitFor(() => formOf(screen, formId)?.turnout?.voters === count, `${count} respondents`);
  return phone;
}

describe("live feedback turnout", () => {
  it("does not move by group with each single submission: only every three", async () => {
    expect(LIVE_STEP).toBeGreaterThanOrEqual(3);
    const form = await openFeedback();
    const { formId, screen } = form;
    await giveFeedback(form, "community", 1);
    expect(formOf(screen, formId)?.turnout?.byGroup).toEqual({});
    await giveFeedback(form, "statutory", 2);
    expect(formOf(screen, formId)?.turnout?.byGroup).toEqual({});
    await giveFeedback(form, "community", 3);
    expect(formOf(screen, formId)?.turnout?.byGroup).toEqual({ community: 2, statutory: 1 });
    // The fourth alone would say "one more statutory person just answered".
    await giveFeedback(form, "statutory", 4);
    expect(formOf(screen, formId)?.turnout?.byGroup).toEqual({ community: 2, statutory: 1 });
  });

  it("a withdrawal does not take one group's respondent off in public", async () => {
    const form = await openFeedback();
    const { formId, screen } = form;
    const phones = [];
    for (const [n, group] of (["community", "statutory", "voluntary"] as const).entries())
      phones.push(await giveFeedback(form, group, n + 1));
    expect(formOf(screen, formId)?.turnout?.byGroup).toEqual({ community: 1, statutory: 1, voluntary: 1 });
    await phones[1]!.ok("me.withdraw", {});
    await screen.waitFor(() => formOf(screen, formId)?.turnout?.voters === 2, "2 respondents");
    expect(formOf(screen, formId)?.turnout?.byGroup).toEqual({ community: 1, statutory: 1, voluntary: 1 });
  });

  it("a paper form removed by the facilitator does not move turnout by group alone", async () => {
    const form = await openFeedback();
    const { fac, formId, screen } = form;
    for (const [n, group] of (["community", "statutory", "voluntary"] as const).entries())
      await giveFeedback(form, group, n + 1);
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
    const form = await openFeedback();
    const { fac, formId, screen } = form;
    for (const [n, group] of (["community", "statutory", "voluntary", "community"] as const).entries())
      await giveFeedback(form, group, n + 1);
    await fac.ok("activity.close", { activityId: formId });
    await screen.waitFor(() => formOf(screen, formId)?.turnout?.byGroup.community === 2, "settled turnout");
    expect(formOf(screen, formId)?.turnout).toEqual({
      voters: 4,
      byGroup: { community: 2, statutory: 1, voluntary: 1 },
    });
  });
});

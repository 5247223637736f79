/**
 * A silent round, seen from the facilitator's console: cards stay private to their
 * authors, but the console counts (and lists, for moderation) every card waiting to
 * be revealed as it arrives, and the count clears once the facilitator reveals them.
 */
import { describe, expect, it } from "vitest";
import { noErrors, ONE_LANE_MAP } from "./console-support";
import { absolute, collectPageErrors, connect, join, newContext, useBrowser } from "./support";

const SILENT = { ...ONE_LANE_MAP, mode: "silent" };

describe("silent round on the console", () => {
  const suite = useBrowser();
  const { clients } = suite;

  it("counts and lists the cards waiting to be revealed, live", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Think first" });
    const activityId = await facilitator.addActivity("map", "Quiet ideas", SILENT);
    await facilitator.command("activity.open", { activityId });

    const desk = await (await newContext(suite.browser)).newPage();
    const errors = collectPageErrors(desk);
    await desk.goto(absolute(workshop.links.facilitator));
    const waiting = desk.getByTestId("silent-waiting");
    await expect.poll(() => waiting.textContent(), { timeout: 20_000 }).toContain("0 cards waiting");

    const phone = await connect((await join(workshop.joinCode, { group: "community", name: "Ada" })).token);
    clients.push(phone);
    const add = (text: string) =>
      phone.command<{ cardId: string }>("card.add", { activityId, lane: "now", kind: "idea", text });
    await add("Drop-in hours after school");
    await expect.poll(() => waiting.textContent(), { timeout: 15_000 }).toContain("1 card waiting");
    const second = await add("A named key worker");
    await expect.poll(() => waiting.textContent(), { timeout: 15_000 }).toContain("2 cards waiting");

    await desk.getByRole("button", { name: "Table (keyboard)" }).click();
    const listed = desk.getByRole("cell", { name: "A named key worker" });
    await listed.first().waitFor();
    await phone.command("card.delete", { cardId: second.cardId });
    await expect.poll(() => waiting.textContent(), { timeout: 15_000 }).toContain("1 card waiting");
    await expect.poll(() => listed.count(), { timeout: 15_000 }).toBe(0);

    await desk.getByRole("button", { name: "Reveal everyone's cards" }).click();
    await waiting.waitFor({ state: "detached" });
    await desk.getByText("Drop-in hours after school").first().waitFor();
    noErrors(errors);
    await desk.context().close();
  });
});

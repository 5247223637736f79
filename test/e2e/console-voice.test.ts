/**
 * Balance of voice on the facilitator console matches a case computed by hand:
 * nine people present (3 community, 3 statutory, 3 voluntary: every group big
 * enough to be shown on its own, see party/model/small-groups.ts); statutory people
 * write 12 cards, 3 supports and 2 ballots, a community member 1 card and 1 ballot,
 * a voluntary member 1 comment — 20 contributions. Community: 33% of the people,
 * 10% of the voice, so the console gently flags them as under-heard (and voluntary, 5%).
 */
import { describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { labelled } from "../support/activities";
import { noErrors, ONE_LANE_MAP } from "./console-support";
import { absolute, collectPageErrors, newContext, newWorkshop, pageOn, type RoomClient, useBrowser } from "./support";

const MAP = { ...ONE_LANE_MAP, mode: "open" };

describe("balance of voice", () => {
  const suite = useBrowser();

  it("shows each group's share of people present and of contributions, as computed by hand", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Voice case" });
    const person = (group: string, name: string) => suite.person(workshop, group, name);
    const c1 = await person("community", "Cara");
    await person("community", "Cal");
    await person("community", "Cat");
    const s1 = await person("statutory", "Sam");
    const s2 = await person("statutory", "Sid");
    await person("statutory", "Stu");
    const v1 = await person("voluntary", "Val");
    await person("voluntary", "Vic");
    await person("voluntary", "Viv");

    const mapId = await facilitator.addActivity("map", "Map", MAP);
    await facilitator.command("activity.open", { activityId: mapId });
    const add = (room: RoomClient, text: string) =>
      room.command<{ cardId: string }>("card.add", { activityId: mapId, lane: "now", kind: "idea", text });
    for (let i = 0; i < 6; i++) await add(s1, `Sam card ${i}`);
    const sidCards: string[] = [];
    for (let i = 0; i < 6; i++) sidCards.push((await add(s2, `Sid card ${i}`)).cardId);
    const cara = await add(c1, "Cara card");
    for (const cardId of sidCards.slice(0, 3)) await s1.command("card.support", { cardId, on: true });
    await v1.command("comment.add", { cardId: cara.cardId, text: "Yes, this" });

    const voteId = await facilitator.addActivity("vote", "Vote", {
      method: "approve",
      options: labelled({ a: "A", b: "B" }),
    });
    await facilitator.command("activity.open", { activityId: voteId });
    for (const room of [s1, s2, c1])
      await room.command("ballot.submit", { activityId: voteId, ballot: { approved: ["a"] } });
    await facilitator.waitFor(
      () => roots(facilitator.doc).activities.get(voteId)?.turnout?.voters === 3,
      10_000,
      "three ballots counted",
    );

    const { page, errors } = await pageOn(await newContext(suite.browser), workshop.links.facilitator);
    const voice = page.getByTestId("voice");
    const cell = (group: string, name: string) => voice.locator(`tr[data-group="${group}"] [data-cell="${name}"]`);
    const expected: Record<string, Record<string, string>> = {
      community: { present: "3 (33%)", cards: "1 (8%)", supports: "0 (0%)", comments: "0 (0%)", ballots: "1 (33%)" },
      statutory: {
        present: "3 (33%)",
        cards: "12 (92%)",
        supports: "3 (100%)",
        comments: "0 (0%)",
        ballots: "2 (67%)",
      },
      voluntary: { present: "3 (33%)", cards: "0 (0%)", supports: "0 (0%)", comments: "1 (100%)", ballots: "0 (0%)" },
      // nobody declared "other": a row of zeros singles nobody out
      other: { present: "0 (0%)", cards: "0 (0%)", supports: "0 (0%)", comments: "0 (0%)", ballots: "0 (0%)" },
    };
    for (const [group, cells] of Object.entries(expected)) {
      for (const [name, text] of Object.entries(cells)) {
        await expect.poll(() => cell(group, name).textContent(), { timeout: 20_000 }).toBe(text);
      }
    }
    expect(await cell("community", "share").textContent()).toBe("10% under-heard");
    expect(await cell("statutory", "share").textContent()).toBe("85%");
    expect(await cell("voluntary", "share").textContent()).toBe("5% under-heard");
    await voice.getByText("Community member / lived experience may be under-heard").waitFor();

    // Presence is live: when a community member leaves, the figures follow.
    await c1.close();
    await expect.poll(() => cell("community", "present").textContent(), { timeout: 20_000 }).toBe("2 (25%)");
    noErrors(errors);
    await page.context().close();
  });

  it("puts the table on the projector when the facilitator turns it on, and takes it off again", async () => {
    const workshop = await newWorkshop({ title: "Voice on the screen" });
    const desk = await (await newContext(suite.browser)).newPage();
    const screen = await (await newContext(suite.browser)).newPage();
    const errors = [collectPageErrors(desk), collectPageErrors(screen)];
    await desk.goto(absolute(workshop.links.facilitator));
    await screen.goto(absolute(workshop.links.screen));
    await screen.getByTestId("screen-join-code").waitFor();
    expect(await screen.getByTestId("voice").count()).toBe(0);

    await desk.getByRole("button", { name: "Show on the projector" }).click();
    await screen.getByTestId("voice").waitFor();
    expect(await screen.getByTestId("voice").textContent()).toContain("Community member / lived experience");
    const hide = desk.getByRole("button", { name: "Hide from the projector" });
    expect(await hide.getAttribute("aria-pressed")).toBe("true");

    await hide.click();
    await screen.getByTestId("voice").waitFor({ state: "detached" });
    await desk.getByRole("button", { name: "Show on the projector" }).waitFor();
    for (const list of errors) noErrors(list);
    await desk.context().close();
    await screen.context().close();
  });
});

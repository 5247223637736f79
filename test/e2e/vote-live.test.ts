/**
 * Live results, in a browser: a vote with `liveResults` shows the running totals on
 * phones and the projector as ballots arrive, before any reveal; a vote without it
 * shows nothing until `results.reveal`. Either way a phone never holds another
 * participant's ballot: before the reveal its page carries no one else's numbers,
 * and a live vote shows only totals across voters.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { expectNoPageErrors, OPTIONS, openActivity, signIn, usePhones } from "./participant-kit";
import { absolute, collectPageErrors, join, newContext } from "./support";

const BUDGET = { method: "budget", budget: 1000, options: OPTIONS };

/** Every text node on the page, shown or not (input values and SVG geometry are attributes, not text). */
const shownText = async (page: Page) => (await page.locator("body").textContent()) ?? "";

describe("live results", () => {
  const suite = usePhones();

  it("shows totals as ballots arrive only when the vote asks for it, and nobody's ballot before the reveal", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Voting day" });
    const phone = await suite.phone();
    await signIn(phone, await join(workshop.joinCode, { group: "community", name: "Ada" }));
    await phone.page.getByText("Connected").waitFor();
    const voter = (group: string, name: string) => suite.person(workshop, group, name);
    const ben = await voter("statutory", "Ben");
    const cat = await voter("voluntary", "Cat");
    const dev = await voter("community", "Dev");

    const screen = await (await newContext(suite.browser)).newPage();
    const screenErrors = collectPageErrors(screen);
    await screen.goto(absolute(workshop.links.screen));
    await screen.getByTestId("screen-join-code").waitFor();

    const turnout = (activityId: string, voters: number) =>
      facilitator.waitFor(
        () => roots(facilitator.doc).activities.get(activityId)?.turnout?.voters === voters,
        10_000,
        `${voters} ballots counted`,
      );

    // Without live results: the phone and the screen learn that someone voted, never what.
    const secret = await openActivity(facilitator, "vote", "Secret until revealed", BUDGET);
    await phone.page.getByRole("heading", { name: "Secret until revealed" }).waitFor();
    await ben.command("ballot.submit", {
      activityId: secret,
      ballot: { allocations: { respite: 737, peer: 263 } },
    });
    await turnout(secret, 1);
    await phone.page.getByText("1 person has voted").waitFor();
    await screen.getByText("1 vote so far").waitFor();
    await phone.page.getByText("Results will be shown when the facilitator reveals them.").waitFor();
    expect(await phone.page.getByRole("heading", { name: "Results", exact: true }).count()).toBe(0);
    expect(await shownText(phone.page)).not.toMatch(/737|263/);
    expect(await screen.getByTestId("results").count()).toBe(0);
    expect(await shownText(screen)).not.toMatch(/737|263/);

    // The reveal shows them, so the checks above were looking in the right place.
    await facilitator.command("results.reveal", { activityId: secret });
    await phone.page.getByRole("heading", { name: "Results", exact: true }).waitFor();
    await expect.poll(() => shownText(phone.page)).toMatch(/737/);
    await screen.getByTestId("results").waitFor();
    await expect.poll(() => shownText(screen)).toMatch(/737/);

    // With live results: totals across voters appear before any reveal, and grow as ballots arrive.
    const live = await openActivity(facilitator, "vote", "Live as you vote", { ...BUDGET, liveResults: true });
    await phone.page.getByRole("heading", { name: "Live as you vote" }).waitFor();
    await ben.command("ballot.submit", {
      activityId: live,
      ballot: { allocations: { respite: 100, peer: 300, hub: 600 } },
    });
    await cat.command("ballot.submit", {
      activityId: live,
      ballot: { allocations: { respite: 450, peer: 400, hub: 150 } },
    });
    await turnout(live, 2);
    // Two ballots' totals would give them away: live totals wait for a third voter.
    await phone.page.getByText("2 people have voted").waitFor();
    expect(await phone.page.getByRole("heading", { name: "Results", exact: true }).count()).toBe(0);
    expect(await screen.getByTestId("results").count()).toBe(0);
    await dev.command("ballot.submit", {
      activityId: live,
      ballot: { allocations: { respite: 210, peer: 190 } },
    });
    await turnout(live, 3);
    await phone.page.getByRole("heading", { name: "Results", exact: true }).waitFor();
    await screen.getByTestId("results").waitFor();
    // peer 300 + 400 + 190, respite 100 + 450 + 210, hub 600 + 150
    for (const page of [phone.page, screen]) {
      await expect.poll(() => shownText(page), { timeout: 15_000 }).toMatch(/890[\s\S]*760[\s\S]*750/);
      const text = await shownText(page);
      // Whole numbers only: the page also shows the join address, whose port can contain "450".
      expect(text, "each voter's own figures stay theirs").not.toMatch(/\b(600|450|150|210|190)\b/);
    }
    expect(roots(facilitator.doc).activities.get(live)?.resultsRevealed).toBe(false);

    expectNoPageErrors(phone);
    expect(screenErrors).toEqual([]);
    await screen.context().close();
  });
});

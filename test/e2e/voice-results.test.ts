/**
 * Voice made visible, in Chromium: a vote drawn from a map, with live totals on.
 * Before the reveal the phone and the projector show only totals across voters;
 * after it, both show results by group — "priorities every group shares", each
 * group's support and where options came from — and axe finds nothing on either.
 *
 * The room: 3 community voters (and one more on the phone), 3 statutory, 3 voluntary. A community
 * member's card "Transport to appointments" is approved by everyone; a statutory
 * card "New referral form" only by the statutory three.
 */
import { describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { axeContext } from "./console-support";
import { expectNoPageErrors, MAP_CONFIG, openActivity, signIn, usePhones } from "./participant-kit";
import { absolute, collectPageErrors, formatViolations, join, type RoomClient, runAxe } from "./support";

describe("results by group after the reveal", () => {
  const suite = usePhones();

  it("shows the projector and a phone what every group shares after the reveal, and not before", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Whose priorities" });
    const voter = (group: string, name: string) => suite.person(workshop, group, name);
    const phone = await suite.phone({ forAxe: true });
    await signIn(phone, await join(workshop.joinCode, { group: "community", name: "Ada" }));
    await phone.page.getByText("Connected").waitFor();
    const community = [
      await voter("community", "Cai"),
      await voter("community", "Cem"),
      await voter("community", "Cy"),
    ];
    const statutory = [
      await voter("statutory", "Sol"),
      await voter("statutory", "Sue"),
      await voter("statutory", "Sy"),
    ];
    const voluntary = [
      await voter("voluntary", "Val"),
      await voter("voluntary", "Vic"),
      await voter("voluntary", "Viv"),
    ];

    const mapId = await openActivity(facilitator, "map", "Map", MAP_CONFIG);
    const add = (room: RoomClient, text: string) =>
      room.command<{ cardId: string }>("card.add", { activityId: mapId, lane: "today", kind: "idea", text });
    const transport = (await add(community[0]!, "Transport to appointments")).cardId;
    const form = (await add(statutory[0]!, "New referral form")).cardId;

    const voteId = await openActivity(facilitator, "vote", "Priorities", {
      method: "approve",
      fromActivity: { activityId: mapId },
      liveResults: true,
    });
    await phone.page.getByRole("heading", { name: "Priorities" }).waitFor();

    const screen = await (await axeContext(suite.browser)).newPage();
    const screenErrors = collectPageErrors(screen);
    await screen.goto(absolute(workshop.links.screen));
    await screen.getByTestId("screen-join-code").waitFor();

    for (const room of [...community, ...voluntary])
      await room.command("ballot.submit", { activityId: voteId, ballot: { approved: [transport] } });
    for (const room of statutory)
      await room.command("ballot.submit", { activityId: voteId, ballot: { approved: [transport, form] } });
    await facilitator.waitFor(
      () => roots(facilitator.doc).activities.get(voteId)?.turnout?.voters === 9,
      10_000,
      "nine ballots",
    );

    // Live totals are up on both, but nothing by group yet.
    await phone.page.getByRole("heading", { name: "Results", exact: true }).waitFor();
    await screen.getByTestId("results").waitFor();
    expect(await phone.page.getByTestId("group-results").count()).toBe(0);
    expect(await phone.page.getByText("Priorities every group shares").count()).toBe(0);
    expect(await screen.getByTestId("results-by-group").count()).toBe(0);
    expect(await screen.getByText("Priorities every group shares").count()).toBe(0);

    await facilitator.command("results.reveal", { activityId: voteId });

    // The phone: shared priority, each group's support, and the option's origin.
    const mine = phone.page.getByTestId("group-results");
    await mine.waitFor();
    await mine.getByRole("heading", { name: "Priorities every group shares" }).waitFor();
    expect(await mine.getByTestId("shared").textContent()).toBe("Transport to appointments");
    const phoneRow = mine.getByRole("row", { name: /Transport to appointments/ });
    // community 3 of 3 voters (Ada did not vote), statutory 3 of 3, voluntary 3 of 3; written by a community member
    await expect.poll(() => phoneRow.locator("td").allTextContents()).toEqual(["100%", "100%", "100%", "Community 1"]);
    expect(
      await mine
        .getByRole("row", { name: /New referral form/ })
        .locator("td")
        .allTextContents(),
    ).toEqual(["0%", "100%", "0%", "Statutory 1"]);
    await mine.getByText("1 of the top 2 priorities came from community members' cards.").waitFor();

    // The projector: the same, large.
    const shown = screen.getByTestId("results-by-group");
    await shown.waitFor();
    await shown.getByRole("heading", { name: "Priorities every group shares" }).waitFor();
    expect(await shown.getByTestId("shared").textContent()).toBe("Transport to appointments");
    await shown.getByRole("heading", { name: "Where groups differ most" }).waitFor();
    expect(await shown.getByTestId("divided").textContent()).toMatch(/New referral form: Statutory partner.* 100%, /);
    expect(await shown.locator('tr[data-option] [data-cell="origin"]').first().textContent()).toBe("Community 1");

    // Traced through the vote drawn from the map: the tally carries each option's origin by group.
    const tally = roots(facilitator.doc).results.get(voteId) as { origins: Record<string, unknown> };
    expect(tally.origins).toEqual({
      [transport]: { cards: 1, byGroup: { community: 1 } },
      [form]: { cards: 1, byGroup: { statutory: 1 } },
    });

    const phoneViolations = await runAxe(phone.page);
    expect(phoneViolations, formatViolations(phoneViolations)).toEqual([]);
    const screenViolations = await runAxe(screen);
    expect(screenViolations, formatViolations(screenViolations)).toEqual([]);
    expectNoPageErrors(phone);
    expect(screenErrors).toEqual([]);
    await screen.context().close();
  });
});

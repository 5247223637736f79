/**
 * A phone through a session (issue #19): a status line that says what to do now,
 * a one-line top bar, "Your comment" (not "Your card") on a comment, group names
 * without double brackets, user-written text marked dir="auto" in Urdu, no frozen
 * "Disconnected" after withdrawing, and the results on the closed screen.
 */

import { describe, expect, it } from "vitest";
import { labelled } from "../support/activities";
import { openPhone } from "./console-support";
import { connect, formatViolations, join, newWorkshop, runAxe, useBrowser } from "./support";

const MAP = {
  prompt: "What happened?",
  lanes: [{ id: "now", label: "Now" }],
  kinds: [{ id: "idea", label: "Idea", color: "#1d5b94" }],
};

describe("a phone through a session", () => {
  const suite = useBrowser();

  it("says what to do now at each step and keeps the results after the close", { timeout: 120_000 }, async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Phone session" });
    const map = await facilitator.addActivity("map", "Our journey", MAP);
    const vote = await facilitator.addActivity("vote", "What first?", {
      method: "approve",
      options: labelled({ a: "Evening clinics", b: "Transport" }),
    });
    const joined = await join(workshop.joinCode, { name: "Nasreen", group: "statutory" });
    const me = await connect(joined.token);
    suite.clients.push(me);
    const page = await openPhone(suite.browser, joined, { forAxe: true });
    const status = page.getByTestId("status-line");

    await status.getByText("Wait for the next part").waitFor();
    // "Statutory partner (NHS, council, public health)" in a sentence of its own: no "((".
    const you = (await page.locator(".you").textContent()) ?? "";
    expect(you).toContain("Statutory partner (NHS, council, public health)");
    expect(you).not.toMatch(/\(\(|\)\)/);
    // The top bar is one line, not a third of the screen.
    expect((await page.locator(".topbar").boundingBox())?.height ?? 999).toBeLessThan(844 / 6);

    await facilitator.command("activity.open", { activityId: map });
    await status.getByText("Add cards; support others'").waitFor();
    const cardId = await me.addCard(map, "now", "idea", "Letters arrive late");
    await me.command("comment.add", { cardId, text: "And in English only" });
    await page.getByText("1 comment").click();
    await page.getByText("Your comment:").waitFor();
    expect(await page.locator(".comment-list").getByText("Your card").count()).toBe(0);
    const auto = await page.locator('.card-text[dir="auto"], #activity-title[dir="auto"]').count();
    expect(auto).toBeGreaterThanOrEqual(2);

    await facilitator.command("activity.open", { activityId: vote });
    await status.getByText("Vote, then press Save").waitFor();
    await me.command("ballot.submit", { activityId: vote, ballot: { approved: ["a"] } });
    await status.getByText("Vote saved: wait for results").waitFor();
    await facilitator.command("results.reveal", { activityId: vote });
    await status.getByText("Results are below").waitFor();

    await facilitator.command("room.lock", { locked: true });
    await facilitator.command("workshop.close", {});
    await page.getByRole("heading", { name: "What the workshop decided" }).waitFor();
    await page.getByRole("heading", { name: "What first?" }).waitFor();
    await page.getByRole("table", { name: "Results as a table" }).waitFor();
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.context().close();
  });

  it("shows no frozen 'Disconnected' after withdrawing", { timeout: 60_000 }, async () => {
    const workshop = await newWorkshop({ title: "Withdraw" });
    const joined = await join(workshop.joinCode, { name: "Jo" });
    const page = await openPhone(suite.browser, joined, { forAxe: true });
    await page.getByTestId("connection").getByText("Connected").waitFor();
    await page.getByText("Your name, group and data").click();
    await page.getByRole("button", { name: "Remove my contributions and leave" }).click();
    await page.getByRole("button", { name: "Yes, remove everything and leave" }).click();
    await page.getByText("Your contributions were removed.").waitFor();
    // The room closes the socket after a withdrawal; the badge goes rather than turning red.
    await page.getByTestId("connection").waitFor({ state: "detached" });
    expect(await page.getByText("Disconnected").count()).toBe(0);
    await page.context().close();
  });

  it("names a withdrawn option in the phone's own language (Polish), not in English", { timeout: 90_000 }, async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Withdrawn option" });
    const { activityId: map } = await facilitator.command<{ activityId: string }>("activity.add", {
      kind: "map",
      title: "Ideas",
      config: MAP,
    });
    const { activityId: vote } = await facilitator.command<{ activityId: string }>("activity.add", {
      kind: "vote",
      title: "Which first?",
      config: { method: "approve", fromActivity: { activityId: map } },
    });
    const author = await connect((await join(workshop.joinCode, { name: "Author" })).token);
    suite.clients.push(author);
    await facilitator.command("activity.open", { activityId: map });
    const cardId = await author.addCard(map, "now", "idea", "Later opening hours");
    await facilitator.command("activity.open", { activityId: vote });
    const joined = await join(workshop.joinCode, { name: "Ola", group: "community" });
    const voter = await connect(joined.token);
    suite.clients.push(voter);
    await voter.command("ballot.submit", { activityId: vote, ballot: { approved: [cardId] } });
    await facilitator.command("results.reveal", { activityId: vote });
    const page = await openPhone(suite.browser, joined, { forAxe: true, language: "pl" });
    const table = page.getByRole("table", { name: "Wyniki w tabeli" });
    await table.getByText("Later opening hours").waitFor();

    await author.command("me.withdraw", {});
    // The room sends the reason as a flag; the Polish phone words it in Polish.
    await table.getByText("Opcja wycofana przez autora").waitFor();
    expect(await page.getByText("Option withdrawn by its author").count()).toBe(0);
    expect(await page.getByText("Later opening hours").count()).toBe(0);
    await page.context().close();
  });
});

/**
 * Keyboard only, as a switch or screen-reader user would: join by code, add a card,
 * rank a vote, give feedback, without a single click.
 */
import { describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { feedbackItems } from "../support/activities";
import { expectNoPageErrors, MAP_CONFIG, OPTIONS, openActivity, tabTo, usePhones } from "./participant-kit";
import { app } from "./support";

describe("participant phone by keyboard", () => {
  const suite = usePhones();

  it("joins, adds a card, votes and gives feedback with the keyboard alone", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Keyboard workshop" });
    const phone = await suite.phone();
    const { page } = phone;

    await page.goto(`${app().baseUrl}/`);
    await tabTo(page, page.getByLabel("Workshop code"));
    await page.keyboard.type(workshop.joinCode);
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/j/${workshop.joinCode}`);

    await tabTo(page, page.getByLabel("Your name"));
    await page.keyboard.type("Sam");
    await tabTo(page, page.getByRole("radio").first());
    await page.keyboard.press("ArrowDown"); // second group: voluntary
    await tabTo(page, page.getByLabel("I understand and agree to take part"));
    await page.keyboard.press("Space");
    await tabTo(page, page.getByRole("button", { name: "Join the workshop" }));
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/w/${workshop.id}`);
    await page.getByText("You: Sam · Voluntary or community organisation").waitFor();

    // A card.
    await openActivity(facilitator, "map", "Map by keyboard", MAP_CONFIG);
    await tabTo(page, page.getByLabel("Your card", { exact: true }));
    await page.keyboard.type("Text reminders before appointments");
    await tabTo(page, page.getByRole("button", { name: "Add card" }));
    await page.keyboard.press("Enter");
    await page.locator(".card-form").getByText("Saved").waitFor();
    await facilitator.waitFor(() =>
      [...roots(facilitator.doc).cards.values()].some((c) => c.text === "Text reminders before appointments"),
    );

    // A ranked vote: add two, move the second to the top, save.
    const voteId = await openActivity(facilitator, "vote", "What first?", {
      method: "rank",
      topK: 2,
      options: OPTIONS,
    });
    await page.getByRole("heading", { name: "What first?" }).waitFor();
    await tabTo(page, page.getByRole("button", { name: "Add Respite breaks to my list" }));
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByRole("button", { name: "Add One-stop advice hub to my list" }));
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByRole("button", { name: "Move One-stop advice hub up" }));
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator(".rank-list li").allTextContents())
      .toEqual([expect.stringContaining("One-stop advice hub"), expect.stringContaining("Respite breaks")]);
    // Focus stayed with the moved option, so a keyboard user can keep going.
    expect(await page.evaluate(() => document.activeElement?.closest("li")?.textContent ?? "")).toContain(
      "One-stop advice hub",
    );
    await tabTo(page, page.getByRole("button", { name: "Save my vote" }));
    await page.keyboard.press("Enter");
    await page.getByText("Your vote is saved.").waitFor();

    // Revealed results: the hub (2 points) ahead of respite (1).
    await facilitator.command("results.reveal", { activityId: voteId });
    const table = page.getByRole("table", { name: "Results as a table" });
    await table.waitFor();
    expect(await table.locator("tbody th").allTextContents()).toEqual([
      "One-stop advice hub",
      "Respite breaks",
      "Peer support group",
    ]);
    // Both ways of counting (one person one vote, each group equally) agree with one voter.
    expect(await table.locator("tbody td").allTextContents()).toEqual(["2", "2", "1", "1", "0", "0"]);

    // Feedback: a Likert scale by arrow keys, and a comment.
    await openActivity(facilitator, "feedback", "How was today?", {
      items: feedbackItems({ heard: ["likert", "I felt listened to"], better: ["text", "What could be better?"] }),
    });
    await page.getByRole("heading", { name: "How was today?" }).waitFor();
    await tabTo(page, page.getByRole("radio", { name: "1 · Strongly disagree" }));
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: "4 · Agree" }).isChecked()).toBe(true);
    await tabTo(page, page.getByLabel("What could be better?"));
    await page.keyboard.type("More time for questions");
    await tabTo(page, page.getByRole("button", { name: "Send feedback" }));
    await page.keyboard.press("Enter");
    await page.getByText("Thank you, your feedback is saved.").waitFor();
    expectNoPageErrors(phone);
  });
});

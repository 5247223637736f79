/**
 * WCAG 2.2 AA with axe-core on every participant page and state: landing, join (and its
 * errors), waiting, locked, the map, each vote method, revealed results, feedback, the
 * "you" panel, easy read, dark mode and Urdu. Zero violations is the bar.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { feedbackItems } from "../support/activities";
import { expectNoPageErrors, MAP_CONFIG, OPTIONS, openActivity, openPhone, signIn, usePhones } from "./participant-kit";
import { app, join, runAxe } from "./support";

async function expectAccessible(page: Page, state: string): Promise<void> {
  const violations = await runAxe(page);
  const summary = violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations in state "${state}"`).toEqual([]);
}

describe("participant accessibility", () => {
  const suite = usePhones();
  const { phones } = suite;

  it("has no violations on the landing and join pages, errors included", async () => {
    const { workshop } = await suite.workshop({
      title: "Accessible workshop",
      purpose: "Plan a better carers' service together",
    });
    const phone = await suite.phone({ forAxe: true });
    const { page } = phone;
    await page.goto(`${app().baseUrl}/`);
    await page.getByLabel("Workshop code").waitFor();
    await expectAccessible(page, "landing");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("alert").waitFor();
    await expectAccessible(page, "landing with an error");

    await page.goto(`${app().baseUrl}/j/${workshop.joinCode}`);
    await page.getByRole("button", { name: "Join the workshop" }).click();
    await page.getByText("Please tick the box").waitFor();
    await expectAccessible(page, "join with errors");
    await page.goto(`${app().baseUrl}/j/ZZZZZZ`);
    await page.getByText("No workshop has the code").waitFor();
    await expectAccessible(page, "join, unknown code");
    await page.goto(`${app().baseUrl}/no/such/page`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await expectAccessible(page, "not found");
    // The unknown code's 404 is logged by the browser; anything else (a CSP violation, a crash) is not expected.
    expect(phone.errors.filter((e) => !e.includes("status of 404"))).toEqual([]);
  });

  it("has no violations in any state of the room", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Accessible room" });
    const [joinedA, joinedB] = await Promise.all([
      join(workshop.joinCode, { group: "community" }),
      join(workshop.joinCode, { group: "statutory" }),
    ]);
    const a = await openPhone(suite.browser, { forAxe: true });
    const b = await openPhone(suite.browser, { forAxe: true });
    phones.push(a, b);
    await signIn(a, joinedA);
    await signIn(b, joinedB);
    const { page } = a;
    await page.getByRole("heading", { name: "Waiting for the facilitator" }).waitFor();
    await page.getByText("Connected").waitFor();
    await expectAccessible(page, "waiting");

    await openActivity(facilitator, "map", "Service map", MAP_CONFIG);
    await page.getByRole("heading", { name: "Service map" }).waitFor();
    await b.page.getByLabel("Your card", { exact: true }).fill("Long waits for the first appointment");
    await b.page.getByRole("button", { name: "Add card" }).click();
    await page.getByLabel("Your card", { exact: true }).fill("Peer support at the library");
    await page.getByRole("button", { name: "Add card" }).click();
    await page.locator("li.card", { hasText: "Long waits" }).waitFor();
    await page.locator("li.card.mine:not(.pending)").waitFor();
    await page.locator("li.card", { hasText: "Long waits" }).getByText("Comments", { exact: false }).first().click();
    await expectAccessible(page, "map with cards and an open comment thread");

    await facilitator.command("room.lock", { locked: true });
    await page.getByText("The facilitator has paused input").waitFor();
    await expectAccessible(page, "locked");
    await facilitator.command("room.lock", { locked: false });

    const methods = [
      { method: "dots", dots: 5, maxPerOption: 3 },
      { method: "budget", budget: 1000, currency: "GBP" },
      { method: "rank", topK: 2 },
      { method: "approve" },
      { method: "matrix" },
    ] as const;
    for (const config of methods) {
      const title = `Vote by ${config.method}`;
      const voteId = await openActivity(facilitator, "vote", title, { ...config, options: OPTIONS });
      await page.getByRole("heading", { name: title }).waitFor();
      await expectAccessible(page, `vote: ${config.method}`);
      if (config.method === "dots") {
        await page.getByRole("button", { name: "Add one to Respite breaks" }).click();
        await page.getByRole("button", { name: "Add one to Respite breaks" }).click();
        await page.getByRole("button", { name: "Save my vote" }).click();
        await page.getByText("Your vote is saved.").waitFor();
        await facilitator.command("results.reveal", { activityId: voteId });
        await page.getByRole("table", { name: "Results as a table" }).waitFor();
        await expectAccessible(page, "vote saved, results revealed");
      }
      if (config.method === "budget") {
        await page.getByLabel("Amount for Respite breaks").fill("700");
        await page.getByLabel("Amount for Peer support group").fill("500");
        await page.getByText("£200 over the budget").waitFor();
        expect(await page.getByRole("button", { name: "Save my vote" }).isDisabled()).toBe(true);
        await expectAccessible(page, "budget overspent");
      }
    }

    await openActivity(facilitator, "feedback", "Feedback", {
      items: feedbackItems({ heard: ["likert", "I felt listened to"], text: ["text", "Anything else?"] }),
    });
    await page.getByRole("heading", { name: "Feedback" }).waitFor();
    await expectAccessible(page, "feedback");
    await page.getByRole("button", { name: "Send feedback" }).click();
    await page.getByText("Answer at least one question").waitFor();
    await expectAccessible(page, "feedback with an error");

    await page.getByText("Your name, group and data").click();
    await page.getByRole("button", { name: "Remove my contributions and leave" }).click();
    await expectAccessible(page, "you panel, confirming withdrawal");

    await page.getByRole("button", { name: "Easy read: bigger text, simpler words" }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("easy-read"))).toBe(true);
    await expectAccessible(page, "easy read");
    expectNoPageErrors(a);
  });

  it("has no violations in dark mode or in Urdu", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Dark and Urdu" });
    await openActivity(facilitator, "map", "Map", MAP_CONFIG);
    const dark = await suite.phone({ forAxe: true });
    await dark.page.emulateMedia({ colorScheme: "dark" });
    await signIn(dark, await join(workshop.joinCode));
    await dark.page.getByRole("heading", { name: "Map" }).waitFor();
    await expectAccessible(dark.page, "dark mode map");

    const urdu = await suite.phone({ locale: "ur-PK", forAxe: true });
    await signIn(urdu, await join(workshop.joinCode));
    await urdu.page.getByRole("heading", { name: "Map" }).waitFor();
    await urdu.page.getByText("کارڈ شامل کریں").first().waitFor();
    await expectAccessible(urdu.page, "Urdu map");
  });
});

/**
 * The printed report (issue #19): under print media every card and every comment
 * is shown in words (not only in a drawing too small for A4), the timeline reads
 * in plain words as an appendix, and Chromium prints it to a PDF. axe passes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absolute, app, formatViolations, runAxe, useBrowser } from "./support";
import { CARDS, type SessionScene, sessionScene } from "./support/session-scene";

describe("printed session report", () => {
  const suite = useBrowser();
  let scene: SessionScene;

  beforeAll(async () => {
    scene = await sessionScene(app().baseUrl, app().organiserToken, `Report ${Date.now()}`);
    // The running order's planned minutes are saved with the outputs and printed in the agenda.
    await scene.facilitator.command("activity.update", { activityId: scene.ids.map, plannedMinutes: 25 });
    await scene.facilitator.command("workshop.close", {});
  }, 120_000);
  afterAll(async () => {
    await scene?.close();
  });

  it("prints every card and comment, and the timeline in plain words", { timeout: 90_000 }, async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(absolute(scene.workshop.links.evaluator));
    // Saved outputs reach D1 through the room's outbox: wait until the report has all the cards.
    const cards = page.getByTestId("report-cards").locator("tbody tr");
    const agenda = page.locator('section[aria-labelledby="r-agenda"]');
    const planned = agenda.getByRole("cell", { name: "25 min", exact: true });
    await expect
      .poll(
        async () => {
          if ((await cards.count()) < CARDS.length || (await planned.count()) === 0) await page.reload();
          return [await cards.count(), await planned.count()];
        },
        { timeout: 45_000, interval: 1000 },
      )
      .toEqual([CARDS.length, 1]);

    await page.emulateMedia({ media: "print" });
    const section = page.getByTestId("report-cards");
    for (const card of CARDS)
      expect(await section.getByText(card.text, { exact: true }).isVisible(), card.text).toBe(true);
    for (const comment of ["Same for my mum, every time", "We are working on wait-time letters"])
      expect(await section.getByText(comment, { exact: true }).isVisible(), comment).toBe(true);
    expect(await planned.isVisible()).toBe(true);
    expect(await agenda.getByRole("columnheader", { name: "Planned" }).isVisible()).toBe(true);
    // The drawing is for the screen; on paper the lane-by-lane list is the map.
    expect(await page.getByTestId("report-map").isVisible()).toBe(false);

    const appendix = page.locator(".report-appendix");
    await appendix.getByRole("heading", { name: "Appendix: what happened, in order" }).waitFor();
    const actions = await appendix.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(actions).toContain("added a card");
    expect(actions).toContain("commented on a card");
    expect(actions.filter((a) => /^[a-z]+\.[a-zA-Z]+$/.test(a))).toEqual([]);

    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");

    await page.emulateMedia({ media: "screen" });
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await context.close();
  });
});

/**
 * The projector screen in Chromium: its QR code decodes to the participant link,
 * it shows a live map of 300 cards without errors, and it passes axe.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { IDEA_KIND, mapConfig } from "../support/activities";
import { axeContext, decodeQr, noErrors, seedCards } from "./console-support";
import {
  absolute,
  type CreatedWorkshop,
  collectPageErrors,
  connect,
  formatViolations,
  newContext,
  pageOn,
  type RoomClient,
  runAxe,
  useBrowser,
} from "./support";

const MAP = mapConfig({ before: "Before", during: "During", after: "After" }, IDEA_KIND, {
  prompt: "What helps, what gets in the way?",
  mode: "open",
});

describe("projector screen", () => {
  const suite = useBrowser();
  let page: Page;
  let errors: string[];
  let workshop: CreatedWorkshop;
  let facilitator: RoomClient;

  beforeAll(async () => {
    ({ workshop, facilitator } = await suite.workshop({ title: "Screen test" }));
    ({ page, errors } = await pageOn(await newContext(suite.browser), workshop.links.screen));
    await page.getByTestId("screen-join-code").waitFor();
  });

  it("shows the join code, and its QR code decodes to the participant link", async () => {
    expect(page.url()).not.toContain("token");
    expect(await page.getByTestId("screen-join-code").textContent()).toContain(workshop.joinCode);
    expect(await decodeQr(page, "[data-testid=qr-code]")).toBe(absolute(`/j/${workshop.joinCode}`));
    expect(absolute(workshop.links.participant)).toBe(absolute(`/j/${workshop.joinCode}`));
  });

  it("shows a live map of 300 cards without errors", async () => {
    const activityId = await facilitator.addActivity("map", "Big map", MAP);
    await facilitator.command("activity.open", { activityId });
    await page.getByRole("heading", { name: "Big map" }).waitFor();
    const helpers = await Promise.all([connect(workshop.facilitatorToken), connect(workshop.facilitatorToken)]);
    await seedCards([facilitator, ...helpers], activityId, 300, {
      lanes: ["before", "during", "after"],
      kind: "idea",
      group: "community",
    });
    await Promise.all(helpers.map((h) => h.close()));
    expect([...roots(facilitator.doc).cards.values()].length).toBe(300);
    const board = page.getByTestId("board");
    await expect.poll(() => board.getAttribute("data-card-count"), { timeout: 20_000 }).toBe("300");
    // Readable from the back: what fits is shown at full size (newest first), the rest is counted.
    await board.getByText("Seeded card number 300", { exact: true }).waitFor();
    const shown = await board.locator("[data-card-id]:visible").count();
    expect(shown).toBeGreaterThan(2);
    expect(shown).toBeLessThan(300);
    const counted = await board.getByTestId("lane-more").allTextContents();
    const more = counted.reduce((sum, text) => sum + Number(/\+(\d+)/.exec(text)?.[1] ?? 0), 0);
    expect(shown + more).toBe(300);
    noErrors(errors);

    // The facilitator's board pans and zooms instead, and keeps only cards near the view in the DOM.
    const desk = await (await newContext(suite.browser)).newPage();
    const deskErrors = collectPageErrors(desk);
    await desk.goto(absolute(workshop.links.facilitator));
    const deskBoard = desk.getByTestId("board");
    await expect.poll(() => deskBoard.getAttribute("data-card-count"), { timeout: 20_000 }).toBe("300");
    const near = await deskBoard.locator("[data-card-id]").count();
    expect(near).toBeGreaterThan(0);
    expect(near).toBeLessThan(300);
    await deskBoard.focus();
    for (let i = 0; i < 8; i++) await desk.keyboard.press("-");
    await expect.poll(() => deskBoard.locator("[data-card-id]").count()).toBeGreaterThan(near);
    noErrors(deskErrors);
    await desk.context().close();
  });

  it("has no axe violations", async () => {
    const axePage = await (await axeContext(suite.browser)).newPage();
    await axePage.goto(absolute(workshop.links.screen));
    await axePage.getByTestId("board").waitFor();
    const violations = await runAxe(axePage);
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});

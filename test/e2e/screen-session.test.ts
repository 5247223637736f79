/**
 * The projector at 1280×720 through a real session (issue #19): the journey map
 * with thirteen cards, a vote of thirteen options, revealed results with long
 * labels, the timer and "input paused", held cards, and the close. At each step a
 * geometry check over bounding boxes: nothing overlaps, nothing is cut, nothing
 * scrolls; card text is at least 24 px; axe finds nothing.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Activity, roots } from "../../party/model/doc";
import { noErrors } from "./console-support";
import { absolute, app, collectPageErrors, formatViolations, runAxe, useBrowser } from "./support";
import { layoutProblems } from "./support/geometry";
import { type SessionScene, sessionScene } from "./support/session-scene";

/** The activity when it is a vote (its config then reads as a vote's). */
const voteOf = (a: Activity | undefined) => (a?.kind === "vote" ? a : undefined);

describe("projector through a session, at 1280×720", () => {
  const suite = useBrowser();
  let scene: SessionScene;
  let page: Page;
  let errors: string[];

  const fits = async (what: string) => {
    if (process.env.COPRODUCE_SHOTS)
      await page.screenshot({ path: `${process.env.COPRODUCE_SHOTS}/screen-${what.replace(/\W+/g, "-")}.png` });
    const problems = await layoutProblems(page, { noVerticalScroll: true });
    expect(problems, `${what}:\n${problems.join("\n")}`).toEqual([]);
    const violations = await runAxe(page);
    expect(violations, `${what}: ${formatViolations(violations)}`).toEqual([]);
  };

  beforeAll(async () => {
    scene = await sessionScene(app().baseUrl, app().organiserToken, `Projector ${Date.now()}`);
    // axe is injected as a script, which the strict CSP would otherwise block.
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
    page = await context.newPage();
    errors = collectPageErrors(page);
    await page.goto(absolute(scene.workshop.links.screen));
  }, 120_000);
  afterAll(async () => {
    await scene?.close();
  });

  it("shows the map in lanes, card text at 24 px or more, with a compact join strip", async () => {
    const board = page.getByTestId("board");
    await expect.poll(() => board.getAttribute("data-card-count"), { timeout: 20_000 }).toBe("13");
    // Once something runs, joining is a strip, not a third of the screen.
    const strip = page.getByRole("complementary", { name: "How to join" });
    await strip.getByTestId("screen-join-code").getByText(scene.workshop.joinCode).waitFor();
    expect((await strip.boundingBox())?.height ?? 999).toBeLessThan(120);
    const sizes = await board
      .locator("[data-card-id]:visible .screen-card__text")
      .evaluateAll((els) => els.map((el) => Number.parseFloat(getComputedStyle(el).fontSize)));
    expect(sizes.length).toBeGreaterThan(4);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(24);
    // Whole lane titles, at 24 px or more.
    const lanes = await board
      .locator(".screen-lane__title")
      .evaluateAll((els) =>
        els.map((el) => ({ text: el.textContent, size: Number.parseFloat(getComputedStyle(el).fontSize) })),
      );
    expect(lanes.map((l) => l.text)).toContain("First contact (GP, 111, self-referral)");
    for (const lane of lanes) expect(lane.size).toBeGreaterThanOrEqual(24);
    await fits("map");
  });

  it("keeps the timer and 'input paused' on the screen, and says time's up", async () => {
    await scene.facilitator.command("room.lock", { locked: true });
    await scene.facilitator.command("timer.start", { seconds: 1 });
    await page.getByTestId("screen-locked").waitFor();
    await page.getByTestId("timer").locator(".timer__clock").getByText("Time is up").waitFor();
    for (const id of ["screen-locked", "timer"]) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box && box.y + box.height <= 720 && box.x + box.width <= 1280, `${id} on screen`).toBe(true);
    }
    await fits("timer and paused");
    await scene.facilitator.command("room.lock", { locked: false });
    await scene.facilitator.command("timer.stop", {});
  });

  it("holds cards for review off the screen until approved", async () => {
    const { facilitator, ids } = scene;
    const activityId = await facilitator.addActivity("map", "Held map", {
      lanes: [{ id: "now", label: "Now" }],
      kinds: [{ id: "idea", label: "Idea", color: "#1d5b94" }],
      reviewCards: true,
    });
    await facilitator.command("activity.open", { activityId });
    const cardId = await (scene.phones[0] ?? facilitator).addCard(
      activityId,
      "now",
      "idea",
      "Dr Example on ward 3 was rude",
    );
    await page.getByTestId("screen-held").getByText("1 card waiting for the facilitator's review").waitFor();
    expect(await page.getByText("Dr Example on ward 3 was rude").count()).toBe(0);
    await facilitator.command("cards.approve", { cardIds: [cardId] });
    await page.getByTestId("board").getByText("Dr Example on ward 3 was rude").waitFor();
    await facilitator.command("activity.open", { activityId: ids.map });
  });

  it("shows every option while the vote is open, then whole result labels, everything on one screen", {
    timeout: 90_000,
  }, async () => {
    const { facilitator, phones, ids } = scene;
    await facilitator.command("activity.update", {
      activityId: ids.vote,
      config: { method: "rank", topK: 3, fromActivity: { activityId: ids.map } },
    });
    await facilitator.command("activity.open", { activityId: ids.vote });
    const options = (voteOf(roots(facilitator.doc).activities.get(ids.vote))?.config.options ?? []) as {
      id: string;
      label: string;
    }[];
    expect(options.length).toBe(13);
    const list = page.getByTestId("screen-options");
    await list.waitFor();
    const shown = await list.locator("li:visible").count();
    const more = Number(
      /\+(\d+)/.exec((await page.locator(".screen-vote .screen-lane__more").textContent()) ?? "")?.[1] ?? 0,
    );
    expect(shown + more).toBe(options.length);
    await fits("vote open");

    for (const [i, phone] of phones.entries()) {
      const order = [0, 1, 2].map((k) => options[(i + k) % options.length]?.id ?? "");
      await phone.command("ballot.submit", { activityId: ids.vote, ballot: { order } });
    }
    await page.getByTestId("screen-turnout").getByText("9 votes so far").waitFor();
    await facilitator.command("results.reveal", { activityId: ids.vote });
    const results = page.getByTestId("results");
    await results.getByText(/9 voters/).waitFor();
    // Whole labels: every label shown is an option's label in full, never cut short.
    const labels = await results.locator("[data-option-id]:visible .screen-bar__label").allTextContents();
    expect(labels.length).toBeGreaterThan(4);
    for (const label of labels) expect(options.map((o) => o.label)).toContain(label);
    await fits("results");
    // The next pages of revealed results, by group, fit the screen too.
    await page.locator(".screen-results__groups--cues").waitFor({ timeout: 20_000 });
    await fits("results by group");
    await page.locator(".screen-results__groups--table").waitFor({ timeout: 20_000 });
    await fits("results by group, table");
  });

  it("shows where to follow what happens next instead of the join QR once the workshop closes", async () => {
    await scene.facilitator.command("workshop.close", {});
    const followUp = page.getByTestId("screen-followup");
    await followUp.getByText(`/f/${scene.workshop.joinCode}`).waitFor();
    expect(await page.getByTestId("screen-join-code").count()).toBe(0);
    await fits("closed");
    noErrors(errors);
  });
});

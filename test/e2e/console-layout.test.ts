/**
 * The facilitator console through a real session (issue #19) at 1024, 1280 and
 * 1440 px: at every step a geometry check over bounding boxes (nothing overlaps,
 * nothing is cut or squeezed, nothing sticks out) and axe. Along the way: the
 * centre follows the open activity and says when it is only a preview; the vote
 * lists its options and which map cards were left out and why; a reveal closes the
 * vote; a withdrawal after the reveal keeps everyone else's votes and tells the
 * facilitator.
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

const WIDTHS = [1024, 1280, 1440] as const;

describe("facilitator console layout through a session", () => {
  const suite = useBrowser();
  let scene: SessionScene;
  const desks = new Map<number, Page>();
  const errors: string[][] = [];

  /** Every width: laid out without collisions, and accessible. */
  const allFit = async (what: string, ready: (page: Page) => Promise<unknown>) => {
    for (const [width, page] of desks) {
      await ready(page);
      if (process.env.COPRODUCE_SHOTS)
        await page.screenshot({ path: `${process.env.COPRODUCE_SHOTS}/console-${width}-${what}.png`, fullPage: true });
      const problems = await layoutProblems(page, { skipInside: ".board__frame" });
      expect(problems, `${what} at ${width}px:\n${problems.join("\n")}`).toEqual([]);
    }
    const page = desks.get(1280) as Page;
    const violations = await runAxe(page);
    expect(violations, `${what}: ${formatViolations(violations)}`).toEqual([]);
  };

  beforeAll(async () => {
    scene = await sessionScene(app().baseUrl, app().organiserToken, `Console ${Date.now()}`);
    for (const width of WIDTHS) {
      // axe is injected as a script, which the strict CSP would otherwise block.
      const context = await suite.browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
      const page = await context.newPage();
      errors.push(collectPageErrors(page));
      await page.goto(absolute(scene.workshop.links.facilitator));
      desks.set(width, page);
    }
  }, 120_000);
  afterAll(async () => {
    await scene?.close();
  });

  it("lays out the live map (board and table) without overlaps, every lane in view", async () => {
    await allFit("map-board", async (page) => {
      await page.getByTestId("live-banner").getByText("Open to participants now").waitFor();
      await expect.poll(() => page.getByTestId("board").getAttribute("data-card-count")).toBe("13");
      // The map has room: all five lanes start inside the board's frame.
      const frame = await page.locator(".board__frame").boundingBox();
      const lefts = await page
        .locator(".board__lane-title")
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().left));
      expect(lefts).toHaveLength(5);
      for (const left of lefts) expect(left).toBeLessThan((frame?.x ?? 0) + (frame?.width ?? 0) - 40);
    });
    await allFit("map-table", async (page) => {
      await page.getByRole("button", { name: "Table (keyboard)" }).click();
      const table = page.getByTestId("card-table");
      await table.getByRole("checkbox").nth(3).check();
      await table.getByRole("checkbox").nth(1).check();
      // Merge and link sit together by the checkboxes; the link runs in the order ticked, with a swap.
      const bar = page.getByTestId("selection-bar");
      await bar.getByRole("button", { name: "Merge" }).waitFor();
      const texts = await table
        .locator("tbody tr")
        .evaluateAll((rows) => rows.map((r) => r.querySelector("th span[dir=auto]")?.textContent ?? ""));
      const linkText = (await bar.locator(".link-form span").first().textContent()) ?? "";
      expect(linkText.indexOf((texts[3] ?? "").slice(0, 20))).toBeLessThan(
        linkText.indexOf((texts[1] ?? "").slice(0, 20)),
      );
      await bar.getByRole("button", { name: "Swap direction" }).click();
      const swapped = (await bar.locator(".link-form span").first().textContent()) ?? "";
      expect(swapped.indexOf((texts[1] ?? "").slice(0, 20))).toBeLessThan(
        swapped.indexOf((texts[3] ?? "").slice(0, 20)),
      );
    });
  });

  it("previews the vote plainly, lists the cards it will draw and why any are left out", async () => {
    const { facilitator, ids } = scene;
    await facilitator.command("activity.update", {
      activityId: ids.vote,
      config: { method: "rank", topK: 3, fromActivity: { activityId: ids.map, kinds: ["felt-hard", "idea"], topN: 8 } },
    });
    await allFit("vote-preview", async (page) => {
      await page.locator(`[data-activity-id="${ids.vote}"] .agenda__title`).click();
      const banner = page.getByTestId("preview-banner");
      await banner.getByText("Preview only.").waitFor();
      await banner.getByText("Participants still see “The journey through the service”.").waitFor();
      const preview = page.getByTestId("from-map");
      await preview.getByText("8 cards will become options", { exact: false }).waitFor();
      // 13 cards: 2 "felt good" left out by kind, 3 beyond the top 8; each says why.
      expect(await preview.getByText("left out: Felt good cards are not drawn into this vote").count()).toBe(2);
      expect(await preview.getByText("left out: only the 8 most supported cards are drawn").count()).toBe(3);
    });
  });

  it("follows the open activity, lists the options, and closes the vote on reveal", async () => {
    const { facilitator, phones, ids } = scene;
    await facilitator.command("activity.open", { activityId: ids.vote });
    const options = (voteOf(roots(facilitator.doc).activities.get(ids.vote))?.config.options ?? []) as { id: string }[];
    for (const [i, phone] of phones.entries()) {
      const order = [0, 1, 2].map((k) => options[(i + k) % options.length]?.id ?? "");
      await phone.command("ballot.submit", { activityId: ids.vote, ballot: { order } });
    }
    await allFit("vote-open", async (page) => {
      await page.getByTestId("live-banner").getByText("Open to participants now").waitFor();
      await page.getByTestId("vote-options").locator("li").nth(7).waitFor();
      await page.getByTestId("turnout").getByText("9 people have voted").waitFor();
    });
    await (desks.get(1280) as Page).getByRole("button", { name: "Reveal results", exact: true }).click();
    await facilitator.waitFor(
      () => roots(facilitator.doc).activities.get(ids.vote)?.status === "closed",
      10_000,
      "the reveal to close the vote",
    );
    const late = await phones[0]?.send("ballot.submit", {
      activityId: ids.vote,
      ballot: { order: [options[0]?.id ?? ""] },
    });
    expect(late).toMatchObject({ ok: false, error: { code: "closed" } });
    await allFit("vote-results", (page) => page.getByTestId("results").first().waitFor());
  });

  it("keeps everyone else's votes when an option's author withdraws after the reveal, and says so", async () => {
    const { facilitator, phones, tokens, ids, cardIds, workshop } = scene;
    const r = roots(facilitator.doc);
    const before = r.results.get(ids.vote) as { totals: Record<string, number>; voters: number };
    // The map is closed, so its cards are in the room's archive, not the live doc (perf #17).
    const res = await fetch(`${app().baseUrl}/api/workshops/${workshop.id}/activities/${ids.map}/archive`, {
      headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
    });
    const archived = ((await res.json()) as { cards?: Record<string, { authorId: string }> }).cards ?? {};
    const authorOf = (id: string) => (r.cards.get(id) ?? archived[id])?.authorId;
    // The first phone wrote the scene's first card, which is an option others voted for.
    const option = cardIds.find((id) => (before.totals[id] ?? 0) > 0 && authorOf(id) === tokens[0]?.participantId);
    expect(option).toBeDefined();
    await phones[0]?.command("me.withdraw", {});
    await facilitator.waitFor(() => (r.results.get(ids.vote) as { voters: number }).voters === 8, 10_000, "recount");
    const after = r.results.get(ids.vote) as { totals: Record<string, number> };
    const opts = voteOf(r.activities.get(ids.vote))?.config.options as {
      id: string;
      removed?: string;
      label: string;
    }[];
    expect(opts.find((o) => o.id === option)).toMatchObject({
      removed: "withdrawn",
      label: "Option withdrawn by its author",
    });
    expect(after.totals[option ?? ""]).toBeGreaterThan(0);
    await allFit("withdrawn", async (page) => {
      await page.getByTestId("options-removed").waitFor();
      await page.getByTestId("vote-options").getByText("Option withdrawn by its author").first().waitFor();
    });
    for (const list of errors) noErrors(list);
  });
});

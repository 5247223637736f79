/**
 * The evaluator's workspace in Chromium: after a short workshop, the session report
 * shows the agenda with timings, attendance, the map as a static SVG (hidden cards
 * left out but counted), vote results by group, feedback, balance of voice and the
 * timeline; exports download; it prints to a PDF; and it passes axe. Read-only:
 * there is no delete action.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { IDEA_KIND, labelled, mapConfig } from "../support/activities";
import { axeContext, noErrors } from "./console-support";
import {
  absolute,
  app,
  type CreatedWorkshop,
  collectPageErrors,
  formatViolations,
  newContext,
  pageOn,
  type RoomClient,
  runAxe,
  useBrowser,
} from "./support";

const MAP = mapConfig({ before: "Before", visit: "The visit" }, IDEA_KIND, {
  prompt: "Getting to the clinic",
  mode: "open",
});

describe("evaluator workspace", () => {
  const suite = useBrowser();
  let page: Page;
  let errors: string[];
  let workshop: CreatedWorkshop;

  beforeAll(async () => {
    const started = await suite.workshop({ title: "Evaluated workshop" });
    workshop = started.workshop;
    const { facilitator } = started;
    const person = (group: string, name: string) => suite.person(workshop, group, name);
    const [ann, abe, amy, sue, sam, sid] = [
      await person("community", "Ann"),
      await person("community", "Abe"),
      await person("community", "Amy"),
      await person("statutory", "Sue"),
      await person("statutory", "Sam"),
      await person("statutory", "Sid"),
    ];
    const mapId = await facilitator.addActivity("map", "Clinic journey", MAP);
    const voteId = await facilitator.addActivity("vote", "What first?", {
      method: "dots",
      dots: 3,
      maxPerOption: 3,
      options: labelled({ bus: "Better buses", desk: "Kinder reception" }),
    });
    const fbId = await facilitator.addActivity("feedback", "How was it?", {
      items: [{ id: "heard", type: "likert", label: "I was heard" }],
    });
    await facilitator.command("activity.open", { activityId: mapId });
    const add = (room: RoomClient, lane: string, text: string) =>
      room.command<{ cardId: string }>("card.add", { activityId: mapId, lane, kind: "idea", text });
    await add(ann, "before", "Bus stop too far");
    await add(sue, "visit", "Reception is rushed");
    const rude = await add(abe, "visit", "Something unkind");
    await facilitator.command("card.hide", { cardId: rude.cardId, reason: "Personal remark" });
    await facilitator.command("activity.open", { activityId: voteId });
    for (const room of [ann, abe, amy])
      await room.command("ballot.submit", { activityId: voteId, ballot: { allocations: { bus: 3 } } });
    for (const room of [sue, sam, sid])
      await room.command("ballot.submit", { activityId: voteId, ballot: { allocations: { desk: 3 } } });
    await facilitator.command("results.reveal", { activityId: voteId });
    await facilitator.command("activity.open", { activityId: fbId });
    for (const room of [ann, abe, amy, sue])
      await room.command("feedback.submit", { activityId: fbId, answers: { heard: 4 } });
    await facilitator.command("workshop.close", {});

    // Saved outputs reach D1 through the room's outbox: wait until the report has them.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await fetch(`${app().baseUrl}/api/workshops/${workshop.id}/report`, {
        headers: { authorization: `Bearer ${workshop.evaluatorToken}` },
      });
      const body = (await res.json()) as { activities?: { vote?: { result?: { voters?: number } } }[] };
      const saved = body.activities?.some((a) => a.vote?.result?.voters === 6);
      if (saved) break;
      if (Date.now() > deadline)
        throw new Error(`report never showed the ballots: ${JSON.stringify(body).slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 500));
    }

    ({ page, errors } = await pageOn(await axeContext(suite.browser), workshop.links.evaluator));
    await page.getByTestId("report").waitFor();
  });

  it("shows the session report", async () => {
    expect(page.url()).not.toContain("token");
    const report = page.getByTestId("report");
    await report.getByRole("heading", { name: "Session report: Evaluated workshop" }).waitFor();
    // Agenda with timings.
    const agenda = report.getByRole("table", { name: /Activities in agenda order/ });
    for (const title of ["Clinic journey", "What first?", "How was it?"]) await agenda.getByText(title).waitFor();
    // Attendance by group.
    await report.getByText("6 joined").waitFor();
    // The map as a static SVG: visible cards in, the hidden one out but counted.
    const map = report.getByTestId("report-map");
    expect(await map.locator("svg[role=img]").count()).toBe(1);
    const svg = (await map.innerHTML()) ?? "";
    expect(svg).toContain("Bus stop too far");
    expect(svg).toContain("Reception is rushed");
    expect(svg).not.toContain("Something unkind");
    await report.getByText("1 hidden", { exact: false }).first().waitFor();
    // Vote results overall and by group.
    const results = report.getByTestId("results");
    await results.getByText("6 voters", { exact: true }).waitFor();
    await results.getByRole("table", { name: "Results: What first?" }).getByText("Better buses").waitFor();
    // By group (each at least three people, so none is merged), with how far the groups agree.
    await results.getByRole("table", { name: "Community member / lived experience (3 voters)" }).waitFor();
    await results.getByRole("table", { name: /^Statutory partner .* \(3 voters\)$/ }).waitFor();
    await results.getByText("Cross-group agreement: -1.00").waitFor();
    // Feedback, balance of voice, timeline.
    await report.getByRole("table", { name: "I was heard (mean, 1–5)" }).waitFor();
    await report.getByTestId("voice").waitFor();
    await report
      .getByRole("table", { name: /Everything that happened/ })
      .getByText("voted", { exact: true })
      .first()
      .waitFor();
    // Read-only: nothing here deletes the workshop.
    expect(await page.getByRole("button", { name: /delete/i }).count()).toBe(0);
    noErrors(errors);
  });

  it("exports a table as CSV", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-cards-csv").click()]);
    expect(download.suggestedFilename()).toBe(`${workshop.id}-cards.csv`);
    const path = await download.path();
    const text = await import("node:fs/promises").then((fs) => fs.readFile(path, "utf8"));
    expect(text).toContain("Bus stop too far");
  });

  it("prints as a clean A4 document", async () => {
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "Print or save as PDF" }).isVisible()).toBe(false);
    expect(await page.getByTestId("export-cards-csv").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it("keeps to the app's Content-Security-Policy", async () => {
    const strict = await (await newContext(suite.browser)).newPage();
    const strictErrors = collectPageErrors(strict);
    await strict.goto(absolute(workshop.links.evaluator));
    await strict.getByTestId("report-map").locator("svg").waitFor();
    noErrors(strictErrors);
    await strict.context().close();
  });

  it("has no axe violations", async () => {
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});

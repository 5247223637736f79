/**
 * The evaluator's programme workspace (/programme/:id#token=…): the programme's
 * workshops side by side with their figures, each opening its full session report.
 * Needs the route `/programme/:programmeId` → routes/evaluator in web/app.tsx.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeContext, noErrors } from "./console-support";
import { app, createProgramme, formatViolations, join, launchBrowser, newWorkshop, pageOn, runAxe } from "./support";

describe("programme workspace", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists the programme's workshops with their figures and opens each report", async () => {
    const programme = await createProgramme(app().baseUrl, app().organiserToken, `Neighbourhood health ${Date.now()}`);
    const first = await newWorkshop({ title: "First session", programmeId: programme.id, scheduledFor: "2026-10-01" });
    await newWorkshop({ title: "Second session", programmeId: programme.id, scheduledFor: "2026-11-01" });
    await join(first.joinCode, { group: "community", name: "Ann" });
    await join(first.joinCode, { group: "statutory", name: "Sue" });

    const { page, errors } = await pageOn(await axeContext(browser), programme.links.evaluator);
    const table = page.getByTestId("programme-table");
    const firstRow = table.getByRole("row").filter({ has: page.getByRole("button", { name: "First session" }) });
    await expect.poll(() => firstRow.getByRole("cell").nth(1).textContent(), { timeout: 20_000 }).toBe("2");
    await table.getByRole("button", { name: "Second session" }).waitFor();
    expect(page.url()).not.toContain("token");

    await table.getByRole("button", { name: "First session" }).click();
    await page.getByRole("heading", { name: "Session report: First session" }).waitFor();
    await page.getByText("2 joined").waitFor();
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    noErrors(errors);
    await page.context().close();
  });
});

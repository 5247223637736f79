/**
 * The organiser's page in Chromium: the secret leaves the address bar, a workshop
 * is created from each template through the form, the four links and the
 * participant QR appear, the agenda in the room is the template's, and the page
 * passes axe (WCAG 2.2 AA).
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { tokenInLink } from "../support/links";
import { axeContext, decodeQr, noErrors, templateFiles } from "./console-support";
import {
  absolute,
  app,
  collectPageErrors,
  connect,
  formatViolations,
  newContext,
  pageOn,
  runAxe,
  useBrowser,
} from "./support";

describe("organise page", () => {
  const suite = useBrowser();
  const { clients } = suite;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    // axe is injected as a script, which the app's CSP blocks: this page bypasses CSP;
    // the last test opens the page in a normal context to show it keeps to the CSP.
    ({ page, errors } = await pageOn(
      await axeContext(suite.browser),
      `/organise#token=${encodeURIComponent(app().organiserToken)}`,
    ));
    await page.getByRole("heading", { name: "Create a workshop" }).waitFor();
  });

  it("moves the organiser secret out of the address bar", async () => {
    expect(page.url()).not.toContain("token");
    expect(page.url()).toMatch(/\/organise$/);
    const kept = await page.evaluate(() => sessionStorage.getItem("coproduce:token:organise"));
    expect(kept).toBe(app().organiserToken);
  });

  for (const template of templateFiles()) {
    it(`creates a workshop from the template "${template.id}" and shows its links`, async () => {
      const title = `From ${template.id} ${Date.now()}`;
      await page.getByLabel("Title", { exact: true }).fill(title);
      await page.getByLabel("Template").selectOption(template.id);
      await page.getByLabel("Date").fill("2026-12-03");
      await page.getByRole("button", { name: "Create workshop" }).click();

      const links = page.getByTestId("workshop-links");
      await links.getByRole("heading", { name: `Links for “${title}”` }).waitFor();
      const value = (testId: string) => page.getByTestId(testId).locator("input").inputValue();
      const joinCode = (await page.getByTestId("join-code").textContent()) ?? "";
      expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
      const participant = await value("link-participant");
      expect(participant).toBe(absolute(`/j/${joinCode}`));
      const facilitator = new URL(await value("link-facilitator"));
      expect(facilitator.pathname).toMatch(/^\/facilitate\/[\w-]+$/);
      expect(new URL(await value("link-screen")).pathname).toMatch(/^\/screen\/[\w-]+$/);
      expect(new URL(await value("link-evaluator")).pathname).toMatch(/^\/evaluate\/[\w-]+$/);
      expect(await decodeQr(page, "[data-testid=workshop-links] [data-testid=qr-code]")).toBe(participant);

      // The room holds the template's agenda, in order, and the template's extra groups.
      const token = tokenInLink(facilitator);
      const room = await connect(token);
      clients.push(room);
      const r = roots(room.doc);
      await room.waitFor(() => r.activities.size === template.activities.length, 15_000, "template agenda");
      const agenda = (r.workshop.get("agenda") as string[]).map((id) => r.activities.get(id)?.title);
      expect(agenda).toEqual(template.activities.map((a) => a.title));
      const groupIds = (r.workshop.get("groups") as { id: string }[]).map((g) => g.id);
      for (const g of template.stakeholderGroups ?? []) expect(groupIds).toContain(g.id);
      expect(r.workshop.get("title")).toBe(title);

      // …and it is listed.
      await page.getByTestId("workshop-list").getByRole("heading", { name: title }).waitFor();
    });
  }

  it("makes fresh links for a listed workshop, and deletes one after confirming", async () => {
    const title = `Listed ${Date.now()}`;
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByRole("button", { name: "Create workshop" }).click();
    const item = page.getByTestId("workshop-list").getByRole("listitem").filter({ hasText: title });
    await item.waitFor();
    // session (#19): new links replace the old ones, after confirming which.
    await item.getByRole("button", { name: "Make new links…" }).click();
    await item.getByRole("button", { name: "Replace the ticked links" }).click();
    await item.getByText("3 new links made.", { exact: false }).waitFor();
    const facilitator = await item.getByLabel("Facilitator link (private)").inputValue();
    const id = new URL(facilitator).pathname.split("/")[2] ?? "";
    expect(new URL(await item.getByLabel("Projector screen link (private)").inputValue()).pathname).toBe(
      `/screen/${id}`,
    );
    expect(new URL(await item.getByLabel("Evaluator link (private, read-only)").inputValue()).pathname).toBe(
      `/evaluate/${id}`,
    );
    // The fresh facilitator link works.
    const room = await connect(tokenInLink(facilitator));
    clients.push(room);
    expect(roots(room.doc).workshop.get("title")).toBe(title);

    page.once("dialog", (d) => void d.accept());
    await item.getByRole("button", { name: "Delete workshop" }).click();
    await expect.poll(() => item.count()).toBe(0);
    const listed = await fetch(`${app().baseUrl}/api/workshops`, {
      headers: { authorization: `Bearer ${app().organiserToken}` },
    }).then((r) => r.json() as Promise<{ workshops: { id: string }[] }>);
    expect(listed.workshops.map((w) => w.id)).not.toContain(id);
  });

  it("copies a link to the clipboard and says so", async () => {
    const context = await suite.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const other = await context.newPage();
    await other.goto(absolute(`/organise#token=${encodeURIComponent(app().organiserToken)}`));
    await other.getByLabel("Title", { exact: true }).fill(`Copy ${Date.now()}`);
    await other.getByRole("button", { name: "Create workshop" }).click();
    const participant = other.getByTestId("link-participant");
    await participant.getByRole("button", { name: "Copy" }).click();
    await participant.getByRole("status").getByText("Copied to the clipboard.").waitFor();
    const copied = await other.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await participant.locator("input").inputValue());
    await context.close();
  });

  it("has no axe violations with the links shown", async () => {
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    noErrors(errors);
  });

  it("asks for the secret when opened without one, and refuses a wrong one visibly", async () => {
    const other = await (await newContext(suite.browser)).newPage();
    const otherErrors = collectPageErrors(other);
    await other.goto(absolute("/organise"));
    await other.getByLabel("Organiser secret").fill("not-the-secret");
    await other.getByRole("button", { name: "Continue" }).click();
    await other.getByText("The list of workshops could not be loaded").waitFor();
    // The refused request itself is logged by Chromium; nothing else may be (no CSP violation, no crash).
    noErrors(otherErrors.filter((e) => !/401|Unauthorized/.test(e)));
  });
});

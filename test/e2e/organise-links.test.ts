/**
 * The organise page after round three of #19, in Chromium: a template's natural groups are
 * preselected and editable; each listed workshop keeps its links and opens its console; "Make
 * new links…" asks which links it replaces and never multiplies them (token counts); a handout
 * per role prints alone on one A4 page; programmes are created and filled; axe passes.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { tokenInLink } from "../support/links";
import { axeContext, decodeQr, noErrors } from "./console-support";
import { absolute, app, collectPageErrors, connect, formatViolations, runAxe, useBrowser } from "./support";

type TokenRow = { id: string; role: string; revoked: boolean };

async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${app().baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${app().organiserToken}`, "content-type": "application/json" },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return (await res.json()) as T;
}

const tokensOf = async (workshopId: string) =>
  (await api<{ tokens: TokenRow[] }>(`/api/workshops/${workshopId}/tokens`)).tokens;

/** How many pages Chromium prints the page on (A4). */
async function printedPages(page: Page): Promise<number> {
  // page.pdf prints with print CSS unless a media type is emulated: clear any emulation first.
  await page.emulateMedia({ media: null });
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  return (pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describe("organise page: links kept, renewed on purpose, handouts and programmes", () => {
  const suite = useBrowser();
  let page: Page;
  let errors: string[];
  let workshopId = "";
  let created: { facilitator: string; participant: string; screen: string; evaluator: string };
  const title = `Kept links ${Date.now()}`;
  const item = () => page.locator(`li.workshop-item[data-workshop-id="${workshopId}"]`);

  beforeAll(async () => {
    page = await (await axeContext(suite.browser)).newPage();
    errors = collectPageErrors(page);
    await page.goto(absolute(`/organise#token=${encodeURIComponent(app().organiserToken)}`));
    await page.getByRole("heading", { name: "Create a workshop" }).waitFor();
  });

  it("preselects the template's natural groups, editable, and the room gets them", async () => {
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Template", { exact: true }).selectOption("ebcd-journey");
    const groups = page.locator(".groups-editor input");
    await expect
      .poll(() => groups.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))
      .toContain("Family member or unpaid carer");
    const labels = await groups.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(labels).toContain("Frontline staff (nurses, care workers, reception)");
    // Another template, other groups.
    await page.getByLabel("Template", { exact: true }).selectOption("asset-map-dots");
    await expect
      .poll(() => groups.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))
      .toContain("Local business");
    await page.getByLabel("Template", { exact: true }).selectOption("ebcd-journey");
    await expect
      .poll(() => groups.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))
      .toContain("Family member or unpaid carer");
    // Editable: rename one.
    const carers = groups.nth(labels.indexOf("Family member or unpaid carer"));
    await carers.fill("Unpaid carers");
    await page.getByLabel("Date").fill("2027-01-20");
    await page.getByRole("button", { name: "Create workshop" }).click();
    const links = page.getByTestId("workshop-links");
    await links.waitFor();
    const value = (testId: string) => page.getByTestId(testId).locator("input").inputValue();
    created = {
      facilitator: await value("link-facilitator"),
      participant: await value("link-participant"),
      screen: await value("link-screen"),
      evaluator: await value("link-evaluator"),
    };
    workshopId = new URL(created.facilitator).pathname.split("/")[2] ?? "";
    const room = await connect(tokenInLink(created.facilitator));
    suite.clients.push(room);
    const groupLabels = (roots(room.doc).workshop.get("groups") as { label: string }[]).map((g) => g.label);
    expect(groupLabels).toContain("Unpaid carers");
    expect(groupLabels).toContain("Frontline staff (nurses, care workers, reception)");
  });

  it("keeps the workshop's links in the list, with Open the console", async () => {
    await item().waitFor();
    const open = item().getByRole("link", { name: /Open the console/ });
    await open.waitFor();
    expect(await open.getAttribute("href")).toBe(created.facilitator);
    expect(await open.getAttribute("target")).toBe("_blank");
    await item().getByRole("button", { name: "Links and handouts" }).click();
    const panel = item().getByTestId("links-panel");
    await panel.waitFor();
    const shown = async (testId: string) => panel.getByTestId(testId).locator("input").inputValue();
    expect(await shown("listed-participant")).toBe(created.participant);
    expect(await shown("listed-facilitator")).toBe(created.facilitator);
    expect(await shown("listed-screen")).toBe(created.screen);
    expect(await shown("listed-evaluator")).toBe(created.evaluator);
    // A reload (the same organiser, later) still shows them: nothing was only in this page's memory.
    await page.reload();
    await item()
      .getByRole("link", { name: /Open the console/ })
      .waitFor();
    expect(
      await item()
        .getByRole("link", { name: /Open the console/ })
        .getAttribute("href"),
    ).toBe(created.facilitator);
  });

  it("asks before making new links, says which it replaces, and never multiplies them", async () => {
    expect((await tokensOf(workshopId)).length).toBe(3);
    const renew = item().getByRole("button", { name: "Make new links…" });
    await renew.click();
    const panel = item().getByTestId("renew-panel");
    await panel.getByText("The ticked links stop working at once").waitFor();
    for (const name of ["Facilitator link (private)", "Projector screen link (private)"])
      expect(await panel.getByLabel(name).isChecked()).toBe(true);
    // Cancelling changes nothing.
    await panel.getByRole("button", { name: "Cancel" }).click();
    await panel.waitFor({ state: "detached" });
    expect((await tokensOf(workshopId)).filter((t) => t.revoked)).toHaveLength(0);

    await renew.click();
    await panel.getByLabel("Evaluator link (private, read-only)").uncheck();
    // Two quick clicks: one replacement.
    await panel.getByRole("button", { name: "Replace the ticked links" }).dblclick();
    await item().getByTestId("links-notice").getByText("2 new links made. The old ones no longer work.").waitFor();
    const tokens = await tokensOf(workshopId);
    expect(tokens).toHaveLength(5);
    expect(
      tokens
        .filter((t) => !t.revoked)
        .map((t) => t.role)
        .sort(),
    ).toEqual(["evaluator", "facilitator", "screen"]);

    const panelLinks = item().getByTestId("links-panel");
    const facilitator = await panelLinks.getByTestId("listed-facilitator").locator("input").inputValue();
    expect(facilitator).not.toBe(created.facilitator);
    expect(await panelLinks.getByTestId("listed-evaluator").locator("input").inputValue()).toBe(created.evaluator);
    expect(
      await item()
        .getByRole("link", { name: /Open the console/ })
        .getAttribute("href"),
    ).toBe(facilitator);
    const ticket = (token: string) =>
      fetch(`${app().baseUrl}/api/tickets`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: "{}",
      }).then((r) => r.status);
    expect(await ticket(tokenInLink(created.facilitator))).toBe(401);
    expect(await ticket(tokenInLink(facilitator))).toBe(200);
  });

  it("prints a one-page handout per role, alone", async () => {
    const panel = item().getByTestId("links-panel");
    await panel.getByRole("button", { name: "Handout: Participants" }).click();
    const dialog = page.getByRole("dialog", { name: "Handout preview" });
    const sheet = dialog.getByTestId("handout-sheet");
    await sheet.getByText("Participants").first().waitFor();
    const joinCode = new URL(created.participant).pathname.split("/").pop() ?? "";
    expect(await sheet.getByTestId("handout-code").textContent()).toBe(joinCode);
    expect(await sheet.getByTestId("handout-link").textContent()).toBe(created.participant);
    expect(await decodeQr(page, "[data-testid=handout-sheet] svg")).toBe(created.participant);
    await sheet.getByText(title).waitFor();
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);

    await page.emulateMedia({ media: "print" });
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.getByRole("heading", { name: "Create a workshop" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Print this handout" }).isVisible()).toBe(false);
    expect(await printedPages(page)).toBe(1);
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "detached" });

    for (const [role, heading] of [
      ["Facilitator", "Facilitator"],
      ["Projector screen", "Projector screen"],
      ["Evaluator", "Evaluator"],
    ] as const) {
      await panel.getByRole("button", { name: `Handout: ${role}` }).click();
      await dialog.getByTestId("handout-sheet").getByText(heading, { exact: true }).waitFor();
      const link = (await dialog.getByTestId("handout-link").textContent()) ?? "";
      expect(link).toBe(
        await panel
          .getByTestId(`listed-${role === "Projector screen" ? "screen" : role.toLowerCase()}`)
          .locator("input")
          .inputValue(),
      );
      await dialog.getByText("Keep this sheet private").waitFor();
      expect(await printedPages(page)).toBe(1);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
    }

    // A kiosk's and an interpreter's links, where the workshop has them, get their handouts too.
    const kiosk = await api<{ link: string }>(`/api/workshops/${workshopId}/tokens`, {
      method: "POST",
      body: { role: "kiosk" },
    });
    const interpreter = await api<{ link: string }>(`/api/workshops/${workshopId}/tokens`, {
      method: "POST",
      body: { role: "interpreter", language: "ur" },
    });
    await page.reload();
    await item().getByRole("button", { name: "Links and handouts" }).click();
    for (const [role, link, detail] of [
      ["Shared tablet (kiosk)", kiosk.link, "Kiosk"],
      ["Interpreter", interpreter.link, "Interpreter (ur)"],
    ] as const) {
      await item()
        .getByTestId("links-panel")
        .getByRole("button", { name: `Handout: ${role}` })
        .click();
      await dialog.getByTestId("handout-sheet").getByText(detail, { exact: false }).first().waitFor();
      expect(await dialog.getByTestId("handout-link").textContent()).toBe(link);
      expect(await decodeQr(page, "[data-testid=handout-sheet] svg")).toBe(link);
      expect(await printedPages(page)).toBe(1);
      await dialog.getByRole("button", { name: "Close" }).click();
      await dialog.waitFor({ state: "detached" });
    }
  });

  it("creates a programme, fills it, shows its evaluator link, and empties it", async () => {
    const programmeTitle = `Programme ${Date.now()}`;
    const section = page.getByTestId("programmes");
    await section.getByLabel("Title of a new programme").fill(programmeTitle);
    await section.getByRole("button", { name: "Create programme" }).click();
    const programme = section.locator("li.programme-item").filter({ hasText: programmeTitle });
    await programme.waitFor();
    await programme.getByLabel(`Add a workshop to “${programmeTitle}”`).selectOption(workshopId);
    await programme.getByRole("button", { name: "Add", exact: true }).click();
    await programme.getByTestId("programme-workshops").getByText(title).waitFor();
    const programmeId = (await programme.getAttribute("data-programme-id")) ?? "";
    const view = await api<{ workshops: { id: string }[] }>(`/api/programmes/${programmeId}`);
    expect(view.workshops.map((w) => w.id)).toEqual([workshopId]);

    const evaluator = programme.locator(".copy-link input").first();
    const link = await evaluator.inputValue();
    expect(new URL(link).pathname).toBe(`/programme/${programmeId}`);
    const report = await fetch(`${app().baseUrl}/api/workshops/${workshopId}/report`, {
      headers: { authorization: `Bearer ${tokenInLink(link)}` },
    });
    expect(report.status).toBe(200);
    await programme.getByRole("button", { name: "Make another programme evaluator link" }).click();
    await expect.poll(() => programme.locator(".copy-link input").count()).toBe(2);
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);

    await programme.getByRole("button", { name: `Remove “${title}” from the programme` }).click();
    await programme.getByText("No workshops in this programme yet.").waitFor();
    const after = await api<{ workshops: { id: string }[] }>(`/api/programmes/${programmeId}`);
    expect(after.workshops).toEqual([]);
    noErrors(errors);
  });
});

/**
 * The organiser page (issue #19): a template's agenda is previewed before creating,
 * the form is fresh after creating (a second click cannot duplicate the workshop),
 * and the new links offer "Open the console".
 */
import { describe, expect, it } from "vitest";
import { absolute, app, listWorkshops, newContext, useBrowser } from "./support";

describe("organiser page", () => {
  const suite = useBrowser();

  it("previews the agenda, resets the form after creating, and opens the console", async () => {
    const page = await (await newContext(suite.browser)).newPage();
    await page.goto(absolute(`/organise#token=${encodeURIComponent(app().organiserToken)}`));
    await page.getByRole("heading", { name: "Create a workshop" }).waitFor();
    await page.getByLabel("Template").selectOption("ebcd-journey");
    const agenda = page.getByTestId("template-agenda");
    await agenda.getByText("The journey through the service").waitFor();
    expect(await agenda.locator("li").count()).toBe(4);

    const title = `Organised ${Date.now()}`;
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByRole("button", { name: "Create workshop" }).click();
    await page.getByTestId("workshop-links").waitFor();
    // Fresh form: clicking again without typing a title creates nothing.
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe("");
    expect(await page.getByLabel("Template").inputValue()).toBe("");
    await page.getByRole("button", { name: "Create workshop" }).click();
    const all = await listWorkshops(app().baseUrl, app().organiserToken);
    expect(all.filter((w) => w.title === title)).toHaveLength(1);

    const open = page.getByTestId("workshop-links").getByRole("link", { name: "Open the console" });
    expect(await open.getAttribute("href")).toMatch(/\/facilitate\/.+#token=/);
    expect(await open.getAttribute("target")).toBe("_blank");
    await page.context().close();
  });
});

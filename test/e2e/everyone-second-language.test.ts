/**
 * Everyone counts in Chromium (#14), "the projector can show a second language": the
 * facilitator picks Urdu in the console, and the projector shows, under each original, the
 * Urdu of the activity's title and prompt, lanes, kinds, options and a translated card,
 * marked lang="ur" and right to left; choosing "None" takes it away again. axe-core
 * passes on the projector with both languages showing. And "a phone in that language shows
 * the translation with the original one tap away" for labels too: an Urdu phone shows an
 * option's Urdu label, right to left, and one button (reached and pressed by keyboard)
 * shows the original and back.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { noErrors } from "./console-support";
import { MAP_CONFIG, OPTIONS, openActivity, openPhone, signIn, tabTo, usePhones } from "./participant-kit";
import { absolute, collectPageErrors, formatViolations, join, runAxe } from "./support";

async function expectAxeClean(page: Page, what: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `${what}: ${formatViolations(violations)}`).toEqual([]);
}

const URDU = {
  title: "نگہداشت کرنے والے کہاں جاتے ہیں؟",
  prompt: "آج مدد کے لیے نگہداشت کرنے والے کہاں جاتے ہیں؟",
  lane: "آج",
  kind: "کمی",
  card: "مرکز چار بجے بند ہو جاتا ہے",
  option: "ہم مرتبہ سپورٹ گروپ",
};

describe("the projector's second language", () => {
  const suite = usePhones();

  it("shows Urdu under the original, right to left, once the facilitator chooses it, and passes axe", async () => {
    const { workshop, facilitator } = await suite.workshop();
    const mapId = await openActivity(facilitator, "map", "Where do carers go?", MAP_CONFIG);
    const author = await suite.person(workshop, "community");
    const original = "The centre closes at four";
    const cardId = await author.addCard(mapId, "today", "gap", original);
    const untranslated = await author.addCard(mapId, "wish", "idea", "A bus on Sundays");
    const translated = [
      [`activity.${mapId}.title`, URDU.title],
      [`activity.${mapId}.prompt`, URDU.prompt],
      [`lane.${mapId}.today`, URDU.lane],
      [`kind.${mapId}.gap`, URDU.kind],
      [`card.${cardId}`, URDU.card],
    ] as const;
    for (const [target, text] of translated)
      await facilitator.command("translation.set", { target, language: "ur", text });

    // bypassCSP only so axe-core can be injected; the pages' own scripts obey the CSP either way.
    const screenContext = await suite.browser.newContext({ viewport: { width: 1600, height: 900 }, bypassCSP: true });
    const screen = await screenContext.newPage();
    screen.setDefaultTimeout(15_000);
    const screenErrors = collectPageErrors(screen);
    suite.phones.push({ context: screenContext, page: screen, errors: screenErrors });
    await screen.goto(absolute(workshop.links.screen));
    await screen.getByTestId("board").getByText(original).waitFor();
    // Nothing in a second language until the facilitator asks for one.
    expect(await screen.locator("[data-second]").count()).toBe(0);

    const consoleContext = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const desk = await consoleContext.newPage();
    desk.setDefaultTimeout(15_000);
    const consoleErrors = collectPageErrors(desk);
    suite.phones.push({ context: consoleContext, page: desk, errors: consoleErrors });
    await desk.goto(absolute(workshop.links.facilitator));
    await desk.getByRole("heading", { name: "Agenda" }).waitFor();
    await desk.getByText("Everyone counts: paper, kiosks, interpreters").click();
    await desk.getByLabel("Projector's second language").selectOption("ur");

    const second = (target: string) => screen.locator(`[data-second="${target}"]`);
    for (const [target, text] of translated) {
      const el = second(target);
      await el.filter({ hasText: text }).waitFor();
      expect(await el.getAttribute("lang"), target).toBe("ur");
      expect(await el.getAttribute("dir"), target).toBe("rtl");
      expect(await el.evaluate((x) => getComputedStyle(x).direction), target).toBe("rtl");
    }
    // The originals stay, beside their translations; what nobody translated shows once, as written.
    await screen.getByRole("heading", { name: "Where do carers go?" }).waitFor();
    await screen.getByTestId("board").getByText(original).waitFor();
    await screen.getByTestId("screen-kinds").getByText("Gap").waitFor();
    expect(await second(`card.${untranslated}`).count()).toBe(0);
    expect(await second(`lane.${mapId}.wish`).count()).toBe(0);
    expect(roots(facilitator.doc).workshop.get("screenLanguage")).toBe("ur");
    await expectAxeClean(screen, "projector with a second language");

    // A vote: its options with their Urdu under them.
    const voteId = await openActivity(facilitator, "vote", "What first?", { method: "approve", options: OPTIONS });
    await facilitator.command("translation.set", {
      target: `option.${voteId}.peer`,
      language: "ur",
      text: URDU.option,
    });
    await screen.getByTestId("screen-options").getByText("Peer support group").waitFor();
    const option = second(`option.${voteId}.peer`);
    await option.filter({ hasText: URDU.option }).waitFor();
    expect(await option.getAttribute("dir")).toBe("rtl");
    await expectAxeClean(screen, "projector showing a vote's options in two languages");
    // Revealed results keep the option's Urdu under its bar.
    await author.command("ballot.submit", { activityId: voteId, ballot: { approved: ["peer"] } });
    await facilitator.command("results.reveal", { activityId: voteId });
    await screen
      .getByTestId("results")
      .locator(`[data-second="option.${voteId}.peer"]`)
      .filter({ hasText: URDU.option })
      .waitFor();

    // "None" takes the second language away.
    await desk.getByLabel("Projector's second language").selectOption("");
    await expect.poll(() => screen.locator("[data-second]").count()).toBe(0);
    await screen.getByTestId("results").getByText("Peer support group").waitFor();
    noErrors(screenErrors);
    noErrors(consoleErrors);
  });
});

describe("translated labels on an Urdu phone", () => {
  const suite = usePhones();

  it("shows an option's Urdu label right to left, with the original one keyboard press away, also after the close", async () => {
    const { workshop, facilitator } = await suite.workshop();
    const voteId = await openActivity(facilitator, "vote", "What first?", { method: "approve", options: OPTIONS });
    await facilitator.command("translation.set", {
      target: `option.${voteId}.peer`,
      language: "ur",
      text: URDU.option,
    });

    const reader = await join(workshop.joinCode, { group: "community" });
    const phone = await openPhone(suite.browser, { locale: "ur-PK", forAxe: true });
    suite.phones.push(phone);
    await signIn(phone, reader);
    const page = phone.page;
    // The option's checkbox is labelled in Urdu, right to left; its English is not shown.
    const urduBox = page.getByRole("checkbox", { name: URDU.option });
    await urduBox.waitFor();
    const label = page.getByText(URDU.option, { exact: true });
    expect(await label.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await page.getByText("Peer support group").count()).toBe(0);
    // Untranslated options show as written.
    await page.getByRole("checkbox", { name: "Respite breaks" }).waitFor();

    // One button for the activity's labels, described by the note that says what it is for.
    const toOriginal = page.getByRole("button", { name: "اصل متن دکھائیں" });
    expect(await toOriginal.count()).toBe(1);
    const describedBy = await toOriginal.getAttribute("aria-describedby");
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe("یہاں کچھ الفاظ ترجمہ شدہ ہیں۔");
    await expectAxeClean(page, "Urdu phone with a translated option");
    await tabTo(page, toOriginal);
    await page.keyboard.press("Enter");
    await page.getByRole("checkbox", { name: "Peer support group" }).waitFor();
    expect(await page.getByText(URDU.option).count()).toBe(0);
    // Focus stays on the button, which now offers the translation back.
    const toTranslation = page.getByRole("button", { name: "ترجمہ دکھائیں" });
    expect(await toTranslation.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await urduBox.waitFor();

    // After the close, what the workshop decided shows the same Urdu label, the original again a tap away.
    const voter = await suite.person(workshop, "statutory");
    await voter.command("ballot.submit", { activityId: voteId, ballot: { approved: ["peer", "hub"] } });
    await facilitator.command("results.reveal", { activityId: voteId });
    await facilitator.command("workshop.close", {});
    const decided = page.getByRole("region", { name: "ورکشاپ نے کیا فیصلہ کیا" });
    await decided.getByText(URDU.option, { exact: true }).first().waitFor();
    await decided.getByRole("button", { name: "اصل متن دکھائیں" }).click();
    await decided.getByText("Peer support group", { exact: true }).first().waitFor();
    expect(await decided.getByText(URDU.option, { exact: true }).count()).toBe(0);
    noErrors(phone.errors);
  });
});

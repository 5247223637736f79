/**
 * Everyone counts in Chromium (#14): a kiosk takes three people in turn without showing
 * one person's ballot to the next; an interpreter's Urdu translation of a card appears
 * on an Urdu phone, right to left, with the original one tap away; the paper pack prints
 * to PDF with a sheet per activity and a QR code that decodes to the join link; axe-core
 * passes on the kiosk, interpreter and print pages.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { feedbackItems } from "../support/activities";
import { decodeQr, noErrors } from "./console-support";
import { everyonePanel, laptop, MAP_CONFIG, OPTIONS, openActivity, paperForm, usePhones } from "./participant-kit";
import {
  absolute,
  app,
  type CreatedWorkshop,
  connect,
  formatViolations,
  join,
  MintedToken,
  request,
  runAxe,
} from "./support";

function mint(w: CreatedWorkshop, body: Record<string, unknown>): Promise<MintedToken> {
  return request(
    `mint ${String(body.role)} link`,
    `${app().baseUrl}/api/workshops/${encodeURIComponent(w.id)}/tokens`,
    MintedToken,
    { token: w.facilitatorToken, body, expect: [201] },
  );
}

async function expectAxeClean(page: Page, what: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `${what}: ${formatViolations(violations)}`).toEqual([]);
}

/** A new workshop with its facilitator connected and a dots vote (3 dots, 3 per option) open. */
async function openDotsVote(suite: ReturnType<typeof usePhones>) {
  const { workshop, facilitator } = await suite.workshop();
  const voteId = await openActivity(facilitator, "vote", "What first?", {
    method: "dots",
    options: OPTIONS,
    dots: 3,
    maxPerOption: 3,
  });
  return { workshop, facilitator, voteId };
}

describe("a kiosk taken by three people in turn", () => {
  const suite = usePhones();

  it("credits each to the group they chose and never shows the last person's ballot", async () => {
    const { workshop, facilitator, voteId } = await openDotsVote(suite);
    const kiosk = await mint(workshop, { role: "kiosk", label: "Table 3 tablet" });
    const tablet = await suite.phone({ forAxe: true });
    const page = tablet.page;
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(absolute(kiosk.link));
    await page.getByRole("heading", { name: "Who is adding this?" }).waitFor();
    expect(page.url()).not.toContain("token");
    await expectAxeClean(page, "kiosk: who is adding this");

    const people = [
      { group: "Community member / lived experience", option: "Respite breaks", dots: 3 },
      { group: "Community member / lived experience", option: "Peer support group", dots: 2 },
      { group: "Statutory partner (NHS, council, public health)", option: "One-stop advice hub", dots: 1 },
    ];
    for (const [i, person] of people.entries()) {
      await page.getByRole("button", { name: person.group }).click();
      await page.getByRole("heading", { name: "What first?" }).waitFor();
      // A fresh ballot: nothing saved, every dot still to place.
      expect(await page.getByTestId("vote-saved").count(), `person ${i + 1} sees a saved vote`).toBe(0);
      expect(await page.getByTestId("remaining").textContent()).toContain("3 dots left");
      for (const other of OPTIONS) expect(await page.getByText(other.label).count()).toBeGreaterThan(0);
      for (let d = 0; d < person.dots; d++)
        await page.getByRole("button", { name: `Add one to ${person.option}` }).click();
      if (i === 0) await expectAxeClean(page, "kiosk: a turn's vote");
      await page.getByRole("button", { name: "Save my vote" }).click();
      await page.getByTestId("vote-saved").waitFor();
      await page.getByRole("button", { name: "I have finished – next person" }).click();
      await page.getByText("Thank you. Please pass the tablet to the next person.").waitFor();
      await page.getByRole("heading", { name: "Who is adding this?" }).waitFor();
      // Nothing of the last person's ballot is left on the screen.
      expect(await page.getByTestId("vote-saved").count()).toBe(0);
      expect(await page.getByText(/dots? left/).count()).toBe(0);
    }
    // Each turn counted once, for the group chosen.
    await expect
      .poll(() => roots(facilitator.doc).activities.get(voteId)?.turnout, { timeout: 10_000 })
      .toEqual({ voters: 3, byGroup: { community: 2, statutory: 1 } });
    const atKiosk = [...roots(facilitator.doc).participants.values()].filter((p) => p.source === "kiosk");
    expect(atKiosk.map((p) => [p.group, p.name])).toEqual([
      ["community", ""],
      ["community", ""],
      ["statutory", ""],
    ]);
    noErrors(tablet.errors);
  });
});

describe("an interpreter translating a card into Urdu", () => {
  const suite = usePhones();

  it("shows the translation on an Urdu phone, right to left, with the original a tap away", async () => {
    const { workshop, facilitator } = await suite.workshop();
    const mapId = await openActivity(facilitator, "map", "Where do carers go?", MAP_CONFIG);
    const authorClient = await suite.person(workshop, "community", "Amina");
    const original = "The carers' centre closes at four";
    const cardId = await authorClient.addCard(mapId, "today", "gap", original);

    const interpreterLink = await mint(workshop, { role: "interpreter", language: "ur" });
    const desk = await laptop(suite);
    suite.phones.push(desk);
    await desk.page.goto(absolute(interpreterLink.link));
    await desk.page.getByRole("heading", { name: /Translate into اردو/ }).waitFor();
    const row = desk.page.locator(`[data-target="card.${cardId}"]`);
    await row.waitFor();
    const urdu = "نگہداشت کرنے والوں کا مرکز چار بجے بند ہو جاتا ہے";
    await row.locator("textarea").fill(urdu);
    await row.getByRole("button", { name: "Save" }).click();
    await row.getByText("Saved").waitFor();
    // The translation names no author.
    const entry = roots(facilitator.doc).translations.get(`ur:card.${cardId}`);
    await expect.poll(() => roots(facilitator.doc).translations.get(`ur:card.${cardId}`)?.text).toBe(urdu);
    expect(JSON.stringify(entry ?? roots(facilitator.doc).translations.toJSON())).not.toMatch(/Amina|community/);
    await expectAxeClean(desk.page, "interpreter desk");

    const reader = await join(workshop.joinCode, { group: "statutory" });
    const phone = await suite.phone({ locale: "ur-PK", forAxe: true, joined: reader });
    const translated = phone.page.locator("[data-translated]", { hasText: urdu });
    await translated.waitFor();
    expect(await translated.getAttribute("dir")).toBe("rtl");
    expect(await translated.getAttribute("lang")).toBe("ur");
    expect(await phone.page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await translated.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    expect(await phone.page.getByText(original).count()).toBe(0);
    // The original, one tap away ("Show original" in Urdu), and back.
    await phone.page.getByRole("button", { name: "اصل متن دکھائیں" }).click();
    await phone.page.getByText(original).waitFor();
    await phone.page.getByRole("button", { name: "ترجمہ دکھائیں" }).click();
    await translated.waitFor();
    await expectAxeClean(phone.page, "Urdu phone with a translated card");
    noErrors(desk.errors);
  });
});

describe("the organiser's words in every language", () => {
  const suite = usePhones();

  it("an Urdu phone joining sees the consent text and purpose in Urdu", async () => {
    const { workshop, facilitator } = await suite.workshop({
      purpose: "Plan carers' services together",
      consentText: "I agree to take part",
    });
    await facilitator.command("translation.set", {
      target: "workshop.consent",
      language: "ur",
      text: "میں حصہ لینے پر راضی ہوں",
    });
    await facilitator.command("translation.set", {
      target: "workshop.purpose",
      language: "ur",
      text: "مل کر خدمات کی منصوبہ بندی",
    });
    // The join page reads them from D1, where the room's outbox writes them.
    await expect
      .poll(async () => {
        const res = await fetch(`${app().baseUrl}/api/join/${workshop.joinCode}`);
        return ((await res.json()) as { translations?: Record<string, Record<string, string>> }).translations?.ur
          ?.consent;
      })
      .toBe("میں حصہ لینے پر راضی ہوں");
    const phone = await suite.phone({ locale: "ur-PK" });
    await phone.page.goto(`${app().baseUrl}/j/${workshop.joinCode}`);
    await phone.page.locator("#consent-text", { hasText: "میں حصہ لینے پر راضی ہوں" }).waitFor();
    await phone.page.getByText("مل کر خدمات کی منصوبہ بندی").waitFor();
    expect(await phone.page.getByText("I agree to take part").count()).toBe(0);
  });
});

describe("the facilitator's everyone-counts panel", () => {
  const suite = usePhones();

  it("records a head count, hands out a kiosk link and opens the paper pack, and passes axe", async () => {
    const { workshop, facilitator } = await suite.workshop();
    const consolePage = await everyonePanel(suite, workshop);
    const page = consolePage.page;
    await page.getByLabel("Community member / lived experience").fill("4");
    await page
      .locator("form", { has: page.getByLabel("Community member / lived experience") })
      .getByRole("button", { name: "Save" })
      .click();
    await expect.poll(() => roots(facilitator.doc).attendance.get("community")?.count).toBe(4);
    await page.getByRole("button", { name: "New kiosk link" }).click();
    const kioskLink = page.getByLabel("Kiosk link (a tablet used in turn)");
    await kioskLink.waitFor();
    expect(await kioskLink.inputValue()).toMatch(new RegExp(`/kiosk/${workshop.id}#token=`));
    expect(await page.getByRole("link", { name: "Open the paper pack to print" }).getAttribute("href")).toContain(
      `/print/${workshop.id}#token=`,
    );
    await expectAxeClean(page, "facilitator console with the everyone-counts panel open");
    noErrors(consolePage.errors);
  });
});

describe("the paper pack", () => {
  const suite = usePhones();

  it("prints to PDF with a sheet per activity and a QR code that decodes to the join link", async () => {
    const { workshop, facilitator } = await suite.workshop();
    const activities = [
      ["map", "Where do carers go?", MAP_CONFIG],
      ["vote", "What first?", { method: "rank", options: OPTIONS, topK: 2 }],
      [
        "feedback",
        "How was today?",
        {
          items: feedbackItems({ heard: ["likert", "I felt listened to"], else: ["text", "Anything else?"] }),
        },
      ],
    ] as const;
    for (const [kind, title, config] of activities)
      await facilitator.command("activity.add", { kind, title, config: config as Record<string, unknown> });

    const pack = await laptop(suite);
    suite.phones.push(pack);
    await pack.page.goto(
      `${app().baseUrl}/print/${workshop.id}#token=${encodeURIComponent(workshop.facilitatorToken)}`,
    );
    const sheets = pack.page.locator("section.sheet");
    await expect.poll(() => sheets.count(), { timeout: 15_000 }).toBe(3);
    expect(pack.page.url()).not.toContain("token");
    const codes = await sheets.evaluateAll((els) => els.map((el) => el.getAttribute("data-sheet")));
    expect(codes).toEqual([1, 2, 3].map((n) => `${workshop.joinCode}-${n}`));
    await pack.page.getByText("Number your top 2: 1 for the most important.").waitFor();
    await pack.page.getByRole("columnheader", { name: "Gap" }).waitFor();
    await pack.page.getByRole("rowheader", { name: "What we wish for" }).waitFor();
    expect(await decodeQr(pack.page, "section.sheet >> nth=0 >> [data-testid=qr-code]")).toBe(
      absolute(`/j/${workshop.joinCode}`),
    );
    // The take-home slip names the public follow-up page (co-delivery), by the join code.
    await pack.page.locator(".slip").first().getByText("What happens next").waitFor();
    expect(await decodeQr(pack.page, ".slip >> nth=0 >> [data-testid=qr-code]")).toBe(
      absolute(`/f/${workshop.joinCode}`),
    );
    await expectAxeClean(pack.page, "print pack");

    const pdf = await pack.page.pdf({ format: "A4", printBackground: true });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF")).toBe(true);
    const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages, "one or more A4 pages per activity").toBeGreaterThanOrEqual(activities.length);
    noErrors(pack.errors);
  });

  it("prints in the workshop's language, with the organiser's translations", async () => {
    const { workshop, facilitator } = await suite.workshop({ language: "ur" });
    const activityId = await facilitator.addActivity("vote", "Priorities", { method: "approve", options: OPTIONS });
    await facilitator.command("translation.set", {
      target: `option.${activityId}.peer`,
      language: "ur",
      text: "ہم مرتبہ سپورٹ گروپ",
    });
    const pack = await laptop(suite);
    suite.phones.push(pack);
    await pack.page.goto(
      `${app().baseUrl}/print/${workshop.id}#token=${encodeURIComponent(workshop.facilitatorToken)}`,
    );
    await pack.page.getByText("ہم مرتبہ سپورٹ گروپ").waitFor();
    await pack.page.getByText("ہر اس آپشن پر نشان لگائیں جس کی آپ حمایت کرتے ہیں۔").waitFor();
    expect(await pack.page.locator(".sheets").getAttribute("dir")).toBe("rtl");
  });
});

describe("typing in a paper ballot from the facilitator's console", () => {
  const suite = usePhones();

  it("counts a paper dots ballot for community (sources.paper = 1), takes it back, and passes axe", async () => {
    const { workshop, facilitator, voteId } = await openDotsVote(suite);
    // Two community phones vote too, so community reaches the small-group threshold and is shown.
    for (const allocations of [{ peer: 3 }, { hub: 3 }]) {
      const joined = await join(workshop.joinCode, { group: "community" });
      const phone = await connect(joined.token);
      suite.clients.push(phone);
      await phone.command("ballot.submit", { activityId: voteId, ballot: { allocations } });
    }
    const consolePage = await everyonePanel(suite, workshop);
    const page = consolePage.page;
    await page.getByRole("heading", { name: "Type in a paper ballot or feedback form" }).waitFor();
    const form = await paperForm(page);
    await form.getByLabel("Respite breaks").fill("2");
    await form.getByLabel("Peer support group").fill("1");
    await expectAxeClean(page, "facilitator console with the paper entry form open");
    await page.getByRole("button", { name: "Enter paper ballot" }).click();
    await page.getByText("1 paper ballot entered").waitFor();
    await page.getByRole("status").filter({ hasText: "Paper entry saved for" }).waitFor();
    // The form is blank again for the next sheet.
    expect(await form.getByLabel("Respite breaks").inputValue()).toBe("");

    await facilitator.command("results.reveal", { activityId: voteId, keepOpen: true });
    type Result = {
      voters: number;
      totals: Record<string, number>;
      sources: Record<string, number>;
      byGroup: Record<string, { voters: number; totals: Record<string, number> }>;
    };
    const results = () => roots(facilitator.doc).results.get(voteId) as Result | undefined;
    await expect.poll(() => results()?.sources?.paper).toBe(1);
    expect(results()?.sources).toEqual({ phone: 2, paper: 1, kiosk: 0 });
    expect(results()?.totals).toMatchObject({ respite: 2, peer: 4, hub: 3 });
    expect(results()?.byGroup.community).toMatchObject({ voters: 3, totals: { respite: 2, peer: 4, hub: 3 } });

    await page.getByRole("button", { name: "Remove paper entry 1" }).click();
    await page.getByText("0 paper ballots entered").waitFor();
    // While a vote stays open its public figures move in steps (safety #12); revealing again
    // closes it and publishes the exact count without the paper ballot.
    await facilitator.command("results.reveal", { activityId: voteId });
    await expect.poll(() => results()?.sources?.paper).toBe(0);
    expect(results()?.totals).toMatchObject({ respite: 0, peer: 3, hub: 3 });
    expect(results()?.voters).toBe(2);
    await expectAxeClean(page, "facilitator console after removing a paper entry");
    noErrors(consolePage.errors);
  });
});

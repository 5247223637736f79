/**
 * Languages on the phone: Urdu from the browser's preference renders right to left with
 * translated text through join and the room; the picker switches language on any page
 * and the choice is remembered on the device.
 */
import { describe, expect, it } from "vitest";
import { expectNoPageErrors, MAP_CONFIG, openActivity, usePhones } from "./participant-kit";
import { app } from "./support";

describe("participant languages", () => {
  const suite = usePhones();

  it("shows Urdu right to left, translated, from the browser's language", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Urdu" });
    const phone = await suite.phone({ locale: "ur-PK" });
    const { page } = phone;
    await page.goto(`${app().baseUrl}/`);
    await page.getByRole("heading", { name: "ورکشاپ میں شامل ہوں" }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      "ur",
      "rtl",
    ]);
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe("rtl");

    await page.getByLabel("ورکشاپ کوڈ").fill(workshop.joinCode);
    await page.getByRole("button", { name: "آگے بڑھیں" }).click();
    await page.getByLabel("کمیونٹی کا فرد / ذاتی تجربہ").check();
    await page.getByLabel("میں سمجھتا/سمجھتی ہوں اور حصہ لینے پر راضی ہوں").check();
    await page.getByRole("button", { name: "ورکشاپ میں شامل ہوں" }).click();
    await page.getByRole("heading", { name: "سہولت کار کا انتظار ہے" }).waitFor();
    await openActivity(facilitator, "map", "Map", MAP_CONFIG);
    await page.getByRole("heading", { name: "کارڈ شامل کریں" }).waitFor();
    await page.getByLabel("آپ کا کارڈ", { exact: true }).fill("ایک اچھا خیال");
    await page.getByRole("button", { name: "کارڈ شامل کریں" }).click();
    await page.getByText("محفوظ ہو گیا").first().waitFor();
    // No English left on the participant's screen (workshop content aside).
    const text = (await page.locator("main").textContent()) ?? "";
    for (const english of ["Add a card", "Your card", "Waiting", "Connected", "Saved", "Language"]) {
      expect(text).not.toContain(english);
    }
    expectNoPageErrors(phone);
  });

  it("switches language with the picker and remembers it", async () => {
    const phone = await suite.phone();
    const { page } = phone;
    await page.goto(`${app().baseUrl}/`);
    await page.getByRole("heading", { name: "Join a workshop" }).waitFor();
    await page.getByLabel("Language").selectOption("pl");
    await page.getByRole("heading", { name: "Dołącz do warsztatu" }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      "pl",
      "ltr",
    ]);
    await page.reload();
    await page.getByRole("heading", { name: "Dołącz do warsztatu" }).waitFor();
    await page.getByLabel("Język").selectOption("ur");
    await page.getByRole("heading", { name: "ورکشاپ میں شامل ہوں" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await page.getByLabel("زبان").selectOption("en");
    await page.getByRole("heading", { name: "Join a workshop" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("ltr");
    expectNoPageErrors(phone);
  });
});

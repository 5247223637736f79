/** Language choice, placeholders and plurals in the participant i18n helper. */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { chooseLanguage, format, languageInfo, showLanguage, supported, t, tn } from "../../web/lib/i18n";

describe("choosing a language", () => {
  it("prefers what the person picked on this device", () => {
    expect(chooseLanguage("pl", "ur", ["bn-BD"])).toBe("pl");
  });

  it("uses the workshop's language when the facilitator chose one other than English", () => {
    expect(chooseLanguage(null, "ur", ["en-GB", "en"])).toBe("ur");
  });

  it("otherwise follows the browser's first supported preference", () => {
    expect(chooseLanguage(null, "en", ["de-DE", "so-SO", "en"])).toBe("so");
    expect(chooseLanguage(null, null, ["bn-BD"])).toBe("bn");
  });

  it("falls back to English", () => {
    expect(chooseLanguage(null, null, ["de", "fr"])).toBe("en");
    expect(chooseLanguage("xx", "yy", [])).toBe("en");
  });

  it("knows Urdu is written right to left", () => {
    expect(languageInfo("ur").dir).toBe("rtl");
    expect(languageInfo("pl").dir).toBe("ltr");
    expect(supported("PL-pl")).toBe("pl");
    expect(supported("de")).toBeNull();
  });
});

describe("messages", () => {
  // Every catalogue, English too, is loaded on demand (main.tsx waits for it before rendering).
  beforeAll(() => showLanguage("en"));

  it("shows each key itself until a catalogue has loaded, never crashing", async () => {
    vi.resetModules();
    const fresh = await import("../../web/lib/i18n");
    expect(fresh.t("join.heading", { title: "Carers" })).toBe("join.heading");
  });
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("Join “{title}” {x}", { title: "Carers" })).toBe("Join “Carers” {x}");
  });

  it("translates with parameters and plurals in English", () => {
    expect(t("join.heading", { title: "Carers" })).toBe("Join “Carers”");
    expect(tn("map.laneCount", 1)).toBe("1 card");
    expect(tn("map.laneCount", 3)).toBe("3 cards");
  });
});

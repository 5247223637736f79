/**
 * Every participant catalogue carries every English key, in the same shape (a plain
 * string, or a plural with every form the language's plural rules use), with the same
 * placeholders, and actually translated (not English left in place).
 */
import { describe, expect, it } from "vitest";
import { bn } from "../../web/i18n/bn";
import { en as appEnglish, type Message } from "../../web/i18n/en";
import { followupEn } from "../../web/i18n/followup-en";
import { pl } from "../../web/i18n/pl";
import { so } from "../../web/i18n/so";
import { ur } from "../../web/i18n/ur";
import { LANGUAGES } from "../../web/lib/i18n";

const catalogues: Record<string, Record<string, Message>> = { ur, bn, pl, so };
/** English: the app's catalogue and the follow-up page's words, which English keeps apart (#15). */
const en: Record<string, Message> = { ...appEnglish, ...followupEn };

function placeholders(message: Message): string[] {
  const texts = typeof message === "string" ? [message] : Object.values(message).filter((m): m is string => !!m);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();
}

/** Keys whose text may legitimately equal the English (names, symbols, numbers). */
const SAME_AS_ENGLISH = new Set(["app.name", "map.byName", "vote.dividedItem"]);

describe("participant message catalogues", () => {
  it("has a catalogue for every language offered in the picker", () => {
    expect(LANGUAGES.map((l) => l.code).sort()).toEqual(["bn", "en", "pl", "so", "ur"]);
  });

  for (const [code, catalogue] of Object.entries(catalogues)) {
    describe(code, () => {
      it("has exactly the English keys", () => {
        expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      });

      it("uses plurals where English does, with every form the language needs", () => {
        const forms = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
        for (const [key, english] of Object.entries(en) as [string, Message][]) {
          const message = catalogue[key]!;
          expect(typeof message, key).toBe(typeof english);
          if (typeof message === "object") {
            for (const form of forms) {
              // "other" always; the rest where the language's rules select them.
              expect(
                message[form as keyof typeof message] ?? (form === "other" ? undefined : message.other),
                `${key}.${form}`,
              ).toBeTruthy();
            }
          }
        }
      });

      it("keeps every placeholder", () => {
        for (const [key, english] of Object.entries(en) as [string, Message][]) {
          expect(placeholders(catalogue[key]!), key).toEqual(placeholders(english));
        }
      });

      it("is translated, not English left in place", () => {
        const untranslated = Object.entries(en)
          .filter(([key, english]) => !SAME_AS_ENGLISH.has(key) && typeof english === "string")
          .filter(([key, english]) => catalogue[key] === english)
          .map(([key]) => key);
        expect(untranslated).toEqual([]);
      });
    });
  }

  it("gives Polish its few and many forms", () => {
    const laneCount = pl["map.laneCount"];
    expect(typeof laneCount === "object" && laneCount.few).toBe("{count} karty");
    expect(typeof laneCount === "object" && laneCount.many).toBe("{count} kart");
  });
});

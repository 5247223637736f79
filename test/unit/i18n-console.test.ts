/**
 * The console catalogue: English is the source of keys; every other language has
 * every key with the same placeholders; every key the console's code asks for exists;
 * plurals come in complete pairs.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { consoleCatalogues, format, translate } from "../../web/i18n/console";
import { en } from "../../web/i18n/console/en";

const ROOT = path.resolve(import.meta.dirname, "../..");
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const CONSOLE_FILES = [
  ...sources(path.join(ROOT, "web/components/console")),
  // everyone counts (#14): the interpreter's desk and the paper pack are console pages too
  ...["organise", "facilitator", "screen", "evaluator", "host", "interpret", "print", "partner"].map((r) =>
    path.join(ROOT, `web/routes/${r}.tsx`),
  ),
];

describe("console catalogue", () => {
  it("has English and no empty messages", () => {
    expect(consoleCatalogues.en).toBe(en);
    for (const [key, message] of Object.entries(en)) expect(message.trim(), key).not.toBe("");
  });

  for (const [code, catalogue] of Object.entries(consoleCatalogues)) {
    it(`${code}: carries exactly the English keys with the same placeholders`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      for (const [key, message] of Object.entries(en)) {
        const translated = (catalogue as Record<string, string>)[key] ?? "";
        expect(placeholders(translated), `${code} ${key}`).toEqual(placeholders(message));
      }
    });
  }

  it("has every key the console's code asks for by name", () => {
    const missing: string[] = [];
    for (const file of CONSOLE_FILES) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\("([\w.]+)"/g))
        if (!(m[1]! in en)) missing.push(`${path.relative(ROOT, file)}: ${m[1]}`);
      for (const m of text.matchAll(/\btn\("([\w.]+)"/g)) {
        for (const form of ["one", "other"]) if (!(`${m[1]}_${form}` in en)) missing.push(`${m[1]}_${form}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("uses every key it has (keys built at runtime are named by their prefix)", () => {
    const computed = [
      /^status\./,
      /^activityStatus\./,
      /^kind\./,
      /^method\./,
      /^chart\.value\./,
      /^closeReason\./,
      /^connection\./,
      /^report\.table\./,
      // session (#19): the report's timeline in plain words, by command name and role
      /^event\./,
      /^role\./,
      // session (#19): a handout's role name and its words, by role (web/components/console/organise/Handout.tsx)
      /^handout\.(role|what|step1|step2)\./,
    ];
    const code = CONSOLE_FILES.map((file) => readFileSync(file, "utf8")).join("\n");
    const unused = Object.keys(en).filter((key) => {
      if (computed.some((re) => re.test(key))) return false;
      const base = key.replace(/_(one|other)$/, "");
      return !code.includes(`"${key}"`) && !code.includes(`"${base}"`);
    });
    expect(unused).toEqual([]);
  });

  it("has both plural forms wherever it has one", () => {
    const keys = Object.keys(en);
    for (const key of keys.filter((k) => k.endsWith("_one")))
      expect(keys, key).toContain(key.replace(/_one$/, "_other"));
    for (const key of keys.filter((k) => k.endsWith("_other")))
      expect(keys, key).toContain(key.replace(/_other$/, "_one"));
  });

  it("fills placeholders and falls back to English for a language it lacks", () => {
    expect(format("{a} and {b}", { a: 1, b: "two" })).toBe("1 and two");
    expect(format("{missing}", {})).toBe("{missing}");
    expect(translate("xx", "run.lock")).toBe(en["run.lock"]);
    expect(translate("en-GB", "people.summary", { online: 2, total: 5 })).toBe("2 of 5 online now");
    expect(translate("en", "status.archived" as "status.live")).toBe("status.archived");
  });
});

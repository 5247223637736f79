/**
 * The web build's short catalogue keys (scripts/lib/i18n-keys.ts): the catalogues and the code
 * must agree, keys the code builds at run time must keep their names, and protocol strings that
 * look like keys must be left alone.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_NAMES } from "../../party/model/commands";
import { computedPrefixes, keyIds, participantKeys, repositoryKeyIds, shortenKeys } from "../../scripts/lib/i18n-keys";
import { bn } from "../../web/i18n/bn";
import { en } from "../../web/i18n/en";
import { followupEn } from "../../web/i18n/followup-en";
import { pl } from "../../web/i18n/pl";
import { so } from "../../web/i18n/so";
import { ur } from "../../web/i18n/ur";

const WEB = path.resolve(import.meta.dirname, "../../web");
const read = (file: string) => readFileSync(path.join(WEB, file), "utf8");

/** A catalogue module's source, shortened as the build does and read back as data. */
function shortened(file: string, ids: Map<string, string>): Record<string, unknown> {
  const source = shortenKeys(read(file), ids);
  const entries: Record<string, unknown> = {};
  for (const m of source.matchAll(/^\s*"([^"]+)":/gm)) entries[m[1] as string] = true;
  return entries;
}

describe("short catalogue keys in the web build", () => {
  const ids = repositoryKeyIds();

  it("renames most participant keys, each to its own id", () => {
    const keys = Object.keys({ ...en, ...followupEn });
    expect(ids.size).toBeGreaterThan(keys.length / 2);
    expect(new Set(ids.values()).size).toBe(ids.size);
    for (const [key, id] of ids) {
      expect(keys).toContain(key);
      expect(id.length).toBeLessThan(key.length);
    }
  });

  it("keeps the names of keys the code completes at run time", () => {
    for (const key of Object.keys(en)) {
      if (/^(errorCode|group)\.|^feedback\.scale\d$/.test(key)) expect(ids.has(key), key).toBe(false);
    }
  });

  it("leaves command names alone even where a key has the same name", () => {
    for (const name of COMMAND_NAMES) expect(ids.has(name), name).toBe(false);
    expect(shortenKeys(`send("me.update", {})`, ids)).toBe(`send("me.update", {})`);
  });

  it("leaves a key alone that another catalogue defines too, or pluralises with a suffix", () => {
    // The console's tn("vote.turnout") reads "vote.turnout_one" / "_other" in its own catalogue.
    expect(ids.has("vote.turnout")).toBe(false);
    expect(ids.has("common.loading")).toBe(false);
    const small = keyIds(
      participantKeys([`  "a.b": "x",\n  "c.d": "y",\n  "e.f": "z",`]),
      [],
      [],
      [`  "a.b_one": "one",\n  "c.d": "same",`],
    );
    expect([...small.keys()]).toEqual(["e.f"]);
  });

  it("gives easy-read wording the id of its key plus .plain, as lookup() builds it", () => {
    const plain = Object.keys(en).filter((k) => k.endsWith(".plain"));
    expect(plain.length).toBeGreaterThan(0);
    for (const key of plain) {
      const base = ids.get(key.slice(0, -".plain".length));
      expect(ids.get(key)).toBe(base === undefined ? undefined : `${base}.plain`);
    }
  });

  it("renames every key in every language's catalogue file the same way", () => {
    const languages = { "en.ts": en, "bn.ts": bn, "pl.ts": pl, "so.ts": so, "ur.ts": ur };
    for (const [file, catalogue] of Object.entries(languages)) {
      const keys = shortened(`i18n/${file}`, ids);
      for (const key of Object.keys(catalogue)) {
        // English spreads the follow-up page's words from their own file.
        if (file === "en.ts" && key in followupEn) continue;
        expect(keys, `${file}: ${key}`).toHaveProperty([ids.get(key) ?? key]);
      }
    }
    const followup = shortened("i18n/followup-en.ts", ids);
    for (const key of Object.keys(followupEn)) expect(followup).toHaveProperty([ids.get(key) ?? key]);
  });

  it("renames a key in code wherever it is a whole string, and nothing else", () => {
    const small = keyIds(
      participantKeys([`  "a.b": "x",\n  "a.b.plain": "y",\n  "c.d": "z",\n  "e.f": "w",`]),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the scanner
      ["t(`c.${x}`)"],
      [`"e.f"`],
    );
    expect([...small]).toEqual([
      ["a.b", "0"],
      ["a.b.plain", "0.plain"],
    ]);
    expect(shortenKeys(`t("a.b"); <p title='a.b'>{t(\`a.b\`)}</p> "a.bc" "xa.b" "c.d" "e.f"`, small)).toBe(
      `t("0"); <p title='0'>{t(\`0\`)}</p> "a.bc" "xa.b" "c.d" "e.f"`,
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the scanner
    expect(computedPrefixes('t(`status.${s}`); t("kind." + k); `${a}.b`')).toEqual(["status.", "kind."]);
  });
});

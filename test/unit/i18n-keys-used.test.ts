/**
 * Every English participant key is used by the web app (a key nobody shows is a
 * translation nobody needs), except keys looked up by a computed name.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en as appEnglish } from "../../web/i18n/en";
import { followupEn } from "../../web/i18n/followup-en";

/** English: the app's catalogue and the follow-up page's words (#15). */
const en = { ...appEnglish, ...followupEn };

const WEB = path.resolve(import.meta.dirname, "../../web");
/** Prefixes looked up as `${prefix}${value}` (error codes, group ids, Likert points) and easy-read variants. */
const COMPUTED = [/^errorCode\./, /^group\./, /^feedback\.scale\d$/, /\.plain$/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "i18n" ? [] : sources(full);
    return /\.(ts|tsx)$/.test(name) ? [readFileSync(full, "utf8")] : [];
  });
}

describe("participant catalogue keys", () => {
  it("are all used somewhere in the web app", () => {
    const code = sources(WEB).join("\n");
    const unused = Object.keys(en).filter((key) => !COMPUTED.some((re) => re.test(key)) && !code.includes(`"${key}"`));
    expect(unused).toEqual([]);
  });

  it("have an English original for every easy-read variant", () => {
    const orphans = Object.keys(en).filter((key) => key.endsWith(".plain") && !(key.slice(0, -".plain".length) in en));
    expect(orphans).toEqual([]);
  });
});

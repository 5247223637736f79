/** package.json, the lockfile npm installs from and LICENSE name the same licence. */
import { readFileSync } from "node:fs";
import path from "node:path";
import * as v from "valibot";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

describe("the licence", () => {
  it("is MIT in package.json, in the lockfile's root entry and in LICENSE", () => {
    const pkg = v.parse(v.looseObject({ license: v.string() }), JSON.parse(read("package.json")));
    const lock = v.parse(
      v.looseObject({ packages: v.looseObject({ "": v.looseObject({ license: v.string() }) }) }),
      JSON.parse(read("package-lock.json")),
    );
    expect(pkg.license).toBe("MIT");
    expect(lock.packages[""].license).toBe(pkg.license);
    expect(read("LICENSE").split("\n")[0]).toBe("MIT License");
  });
});

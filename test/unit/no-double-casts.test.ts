/**
 * Types follow the data: party/, worker/ and web/ hold no `as unknown as` double cast (a
 * shape that needs one wants a schema or a union instead, see docs/architecture.md).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe("the code", () => {
  it("has no `as unknown as` in party/, worker/ or web/", () => {
    const files = ["party", "worker", "web"].flatMap(sources);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((file) => /\bas unknown as\b/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});

/**
 * Solid is one module shared by the phone and the console, so a Solid feature any page uses
 * ships to every phone (issue #17: the whole journey within 60 KB gzip). These are the parts the
 * web app has stopped using, each with what it uses instead (docs/performance.md, "The phone's bytes").
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const WEB = path.resolve(import.meta.dirname, "../../web");

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) ? [{ file: path.relative(WEB, full), text: readFileSync(full, "utf8") }] : [];
  });
}

describe("Solid parts the web app does without", () => {
  const files = sources(WEB);

  it("loads on demand with web/lib/async.ts, not Solid's lazy, createResource or Suspense", () => {
    const offenders = files.filter(({ text }) =>
      (text.match(/import\s*\{[^}]*\}\s*from\s*"solid-js"/g) ?? []).some((line) =>
        /\b(lazy|createResource|Suspense|SuspenseList)\b/.test(line),
      ),
    );
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  it("writes a component's props out instead of spreading them (a spread compiles to mergeProps)", () => {
    const offenders = files.filter(
      ({ file, text }) => file.endsWith(".tsx") && /<[A-Za-z][\w.]*[^>]*\{\.\.\./.test(text),
    );
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  it("does not use <Dynamic>, <Portal>, mergeProps or splitProps", () => {
    const offenders = files.filter(({ text }) =>
      (text.match(/import\s*\{[^}]*\}\s*from\s*"solid-js(\/web)?"/g) ?? []).some((line) =>
        /\b(Dynamic|Portal|mergeProps|splitProps)\b/.test(line),
      ),
    );
    expect(offenders.map((f) => f.file)).toEqual([]);
  });
});

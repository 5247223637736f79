/**
 * The phone budget covers the whole participant journey (issue #17): the bundle check
 * (scripts/bundle-size.mjs) counts what the participant pages load on demand (map, vote,
 * feedback), the follow-up page when the build has one, and one language, and never
 * console code. Checked on a manifest shaped like Vite's and on a real build.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { consoleFiles, journey, type ManifestChunk } from "../../scripts/lib/journey.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");

const manifest: Record<string, ManifestChunk> = {
  "index.html": {
    file: "assets/index.js",
    isEntry: true,
    css: ["assets/index.css"],
    dynamicImports: [
      "i18n/ur.ts",
      "i18n/bn.ts",
      "routes/landing.tsx",
      "routes/join.tsx",
      "routes/participant.tsx",
      "routes/followup.tsx",
      "routes/facilitator.tsx",
    ],
  },
  "i18n/ur.ts": { file: "assets/ur.js", src: "i18n/ur.ts", isDynamicEntry: true },
  "i18n/bn.ts": { file: "assets/bn.js", src: "i18n/bn.ts", isDynamicEntry: true },
  "_room.js": { file: "assets/room.js", imports: ["index.html"] },
  "_shared.js": { file: "assets/shared.js", imports: ["index.html"] },
  "routes/landing.tsx": { file: "assets/landing.js", src: "routes/landing.tsx", imports: ["index.html"] },
  "routes/join.tsx": { file: "assets/join.js", src: "routes/join.tsx", imports: ["index.html", "_shared.js"] },
  "routes/participant.tsx": {
    file: "assets/participant.js",
    src: "routes/participant.tsx",
    imports: ["index.html", "_room.js"],
    css: ["assets/participant.css"],
    dynamicImports: ["components/participant/map/MapActivity.tsx", "components/participant/vote/VoteActivity.tsx"],
  },
  "components/participant/map/MapActivity.tsx": {
    file: "assets/MapActivity.js",
    src: "components/participant/map/MapActivity.tsx",
    imports: ["index.html", "routes/participant.tsx"],
  },
  "components/participant/vote/VoteActivity.tsx": {
    file: "assets/VoteActivity.js",
    src: "components/participant/vote/VoteActivity.tsx",
    imports: ["index.html", "_shared.js"],
    dynamicImports: ["components/participant/vote/Results.tsx"],
  },
  "components/participant/vote/Results.tsx": { file: "assets/Results.js", imports: ["index.html"] },
  "routes/followup.tsx": { file: "assets/followup.js", src: "routes/followup.tsx", imports: ["index.html"] },
  "routes/facilitator.tsx": {
    file: "assets/facilitator.js",
    src: "routes/facilitator.tsx",
    imports: ["index.html", "_room.js", "_console.js"],
  },
  "_console.js": { file: "assets/ConsoleShell.js", imports: ["index.html"] },
};

describe("the participant journey in a Vite manifest", () => {
  it("counts the first load (code box to room), every chunk those pages load later, and the follow-up page", () => {
    const found = journey(manifest);
    expect(found.firstLoad.sort()).toEqual(
      [
        "assets/index.js",
        "assets/index.css",
        "assets/landing.js",
        "assets/join.js",
        "assets/shared.js",
        "assets/participant.js",
        "assets/participant.css",
        "assets/room.js",
      ].sort(),
    );
    expect(found.files).toEqual(
      expect.arrayContaining([
        "assets/MapActivity.js",
        "assets/VoteActivity.js",
        "assets/Results.js",
        "assets/followup.js",
      ]),
    );
    expect(found.files).toHaveLength(12);
    expect(new Set(found.files).size).toBe(found.files.length);
  });

  it("never follows the entry's own lazy routes into console code", () => {
    const found = journey(manifest);
    expect(found.files).not.toContain("assets/facilitator.js");
    expect(found.files).not.toContain("assets/ConsoleShell.js");
    expect(consoleFiles(found.files)).toEqual([]);
  });

  it("keeps language catalogues apart, to count one per phone", () => {
    const found = journey(manifest);
    expect(found.catalogues.sort()).toEqual(["i18n/bn.ts", "i18n/ur.ts"]);
    expect(found.files).not.toContain("assets/ur.js");
  });

  it("finds pages that live in grouped files through the build's modules list", () => {
    // As scripts/lib/phone-chunks.ts splits them: the pages are in `_phone.js`, not manifest keys of their own.
    const grouped: Record<string, ManifestChunk> = {
      "index.html": {
        file: "assets/index.js",
        isEntry: true,
        dynamicImports: ["i18n/bn.ts", "_landing.js", "_phone.js", "routes/facilitator.tsx"],
      },
      "i18n/bn.ts": { file: "assets/bn.js", src: "i18n/bn.ts", isDynamicEntry: true },
      "_landing.js": { file: "assets/landing.js", imports: ["index.html"] },
      "_phone.js": {
        file: "assets/phone.js",
        imports: ["index.html", "_landing.js"],
        dynamicImports: ["_phone.js", "_phone-later.js"],
      },
      "_phone-later.js": { file: "assets/phone-later.js", imports: ["index.html", "_phone.js"] },
      "routes/facilitator.tsx": {
        file: "assets/facilitator.js",
        src: "routes/facilitator.tsx",
        imports: ["_phone.js"],
      },
    };
    const modules = {
      "assets/index.js": ["main.tsx", "app.tsx"],
      "assets/landing.js": ["routes/landing.tsx", "components/participant/TopBar.tsx"],
      "assets/phone.js": ["routes/join.tsx", "routes/participant.tsx", "lib/room.ts"],
      "assets/phone-later.js": ["components/participant/map/MapActivity.tsx"],
      "assets/facilitator.js": ["routes/facilitator.tsx"],
    };
    const found = journey(grouped, modules);
    expect(found.pages).toEqual(["routes/join.tsx", "routes/landing.tsx", "routes/participant.tsx"]);
    expect(found.firstLoad.sort()).toEqual(["assets/index.js", "assets/landing.js", "assets/phone.js"]);
    expect(found.files).toContain("assets/phone-later.js");
    expect(found.files).not.toContain("assets/facilitator.js");
    expect(found.catalogues).toEqual(["i18n/bn.ts"]);
    expect(() => journey(grouped)).toThrow(/no landing route/);
  });

  it("follows what the entry loads on demand when the phone's pages live in it, but not the console's routes", () => {
    // Since issue #17's last round the phone's pages to the room are in the entry's own file.
    const inEntry: Record<string, ManifestChunk> = {
      "index.html": {
        file: "assets/index.js",
        isEntry: true,
        css: ["assets/index.css"],
        dynamicImports: [
          "i18n/bn.ts",
          "index.html",
          "_phone-later.js",
          "routes/facilitator.tsx",
          "routes/followup.tsx",
        ],
      },
      "i18n/bn.ts": { file: "assets/bn.js", src: "i18n/bn.ts", isDynamicEntry: true },
      "_phone-later.js": { file: "assets/phone-later.js", imports: ["index.html"] },
      "routes/followup.tsx": { file: "assets/followup.js", src: "routes/followup.tsx", imports: ["index.html"] },
      "routes/facilitator.tsx": {
        file: "assets/facilitator.js",
        src: "routes/facilitator.tsx",
        imports: ["index.html", "_console.js"],
        dynamicImports: ["_console-later.js"],
      },
      "_console.js": { file: "assets/console.js" },
      "_console-later.js": { file: "assets/console-later.js" },
    };
    const modules = {
      "assets/index.js": ["main.tsx", "app.tsx", "routes/landing.tsx", "routes/join.tsx", "routes/participant.tsx"],
      "assets/phone-later.js": ["components/participant/map/MapActivity.tsx"],
    };
    const found = journey(inEntry, modules);
    expect(found.firstLoad.sort()).toEqual(["assets/index.css", "assets/index.js"]);
    expect(found.files.sort()).toEqual([
      "assets/followup.js",
      "assets/index.css",
      "assets/index.js",
      "assets/phone-later.js",
    ]);
    expect(found.catalogues).toEqual(["i18n/bn.ts"]);
  });

  it("refuses a manifest without the join or room pages instead of measuring too little", () => {
    const { "routes/join.tsx": _join, ...withoutJoin } = manifest;
    expect(() => journey(withoutJoin)).toThrow(/no join route/);
  });
});

describe("the bundle check on a real build", () => {
  it("lists the map, vote and feedback chunks and prints the whole journey against the budget", {
    timeout: 180_000,
  }, () => {
    let output: string;
    try {
      output = execFileSync(process.execPath, ["scripts/bundle-size.mjs", "--json"], {
        cwd: ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (err) {
      // Over budget exits non-zero; the figures are still on stdout.
      output = String((err as { stdout?: string }).stdout ?? "");
    }
    const json = output.split("\n").find((line) => line.startsWith("{"));
    expect(json, output).toBeDefined();
    const figures = JSON.parse(json!) as {
      firstLoad: number;
      whole: number;
      budget: number;
      files: { file: string }[];
      sources: string[];
    };
    const files = figures.files.map((f) => f.file).join(" ");
    // The files are grouped by when the phone needs them (scripts/lib/phone-chunks.ts): the
    // journey is checked by the sources they hold.
    for (const page of [
      "components/participant/map/MapActivity.tsx",
      "components/participant/vote/VoteActivity.tsx",
      "components/participant/FeedbackActivity.tsx",
      "routes/landing.tsx",
      "routes/join.tsx",
      "routes/participant.tsx",
      "routes/followup.tsx",
      "lib/room/cache.ts",
    ]) {
      expect(figures.sources).toContain(page);
    }
    expect(files).not.toMatch(/facilitator|screen|evaluator|organise|ConsoleShell/);
    expect(figures.sources.join(" ")).not.toMatch(
      /routes\/(facilitator|screen|evaluator|organise)|components\/console/,
    );
    expect(figures.whole).toBeGreaterThan(figures.firstLoad);
    expect(figures.budget).toBe(60 * 1024);
    expect(output).toMatch(/Whole journey \(\+ map, vote, feedback.*\): [\d.]+ KB gzip, budget 60\.0 KB/);
  });
});

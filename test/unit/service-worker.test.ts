/** The offline shell's cache is versioned per build, so old builds' assets are deleted (scripts/lib/service-worker.ts). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildVersion, SW_TEMPLATE, serviceWorkerSource } from "../../scripts/lib/service-worker";

const template = readFileSync(SW_TEMPLATE, "utf8");

describe("the service worker a build writes", () => {
  it("names its cache after the build, so a new deploy gets a new cache", () => {
    const first = serviceWorkerSource(template, ["assets/index-aaaa.js", "assets/index-bbbb.css"]);
    const same = serviceWorkerSource(template, ["assets/index-bbbb.css", "assets/index-aaaa.js"]);
    const next = serviceWorkerSource(template, ["assets/index-cccc.js", "assets/index-bbbb.css"]);
    expect(first).toBe(same);
    expect(next).not.toBe(first);
    expect(first).toContain(`coproduce-shell-\${"${buildVersion(["assets/index-aaaa.js", "assets/index-bbbb.css"])}"}`);
    expect(first).not.toContain("__BUILD_VERSION__");
  });

  it("deletes every other cache when it activates", () => {
    const activate = template.slice(template.indexOf('addEventListener("activate"'));
    expect(activate).toMatch(/names\.filter\(\(name\) => name !== CACHE\)\.map\(\(name\) => caches\.delete\(name\)\)/);
  });
});

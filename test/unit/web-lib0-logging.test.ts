import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import * as standIn from "../../web/lib/lib0-logging";

// The web build replaces lib0/logging with web/lib/lib0-logging.ts (vite.config.ts) to keep
// the phone bundle small; an upgrade of Yjs that logs through something else must fail here.
const modules = path.resolve(import.meta.dirname, "../../node_modules");

describe("the lib0/logging stand-in of the web build", () => {
  it("exports everything Yjs and y-protocols use from lib0/logging", () => {
    const sources = ["yjs/dist/yjs.mjs", "y-protocols/sync.js", "y-protocols/awareness.js"].map((f) =>
      path.join(modules, f),
    );
    const used = new Set<string>();
    for (const file of sources) {
      for (const m of readFileSync(file, "utf8").matchAll(/\blogging\.([A-Za-z]+)/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(0);
    for (const name of used) expect(standIn, `lib0/logging.${name}`).toHaveProperty(name);
  });

  it("prints the words and drops lib0's colour markers", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    standIn.warn(standIn.ORANGE, standIn.BOLD, "Yjs was already imported.", standIn.UNBOLD);
    expect(warn).toHaveBeenCalledWith("Yjs was already imported.");
    warn.mockRestore();
  });
});

describe("the lib0/environment stand-in of the web build", () => {
  it("answers everything Yjs and lib0's base64 ask of lib0/environment, as a browser", async () => {
    const env = await import("../../web/lib/lib0-environment");
    const used = new Set<string>();
    for (const file of ["yjs/dist/yjs.mjs", "lib0/buffer.js"]) {
      for (const m of readFileSync(path.join(modules, file), "utf8").matchAll(/\benv\.([A-Za-z]+)/g)) used.add(m[1]!);
    }
    expect(used).toContain("isBrowser");
    for (const name of used) expect(env, `lib0/environment.${name}`).toHaveProperty(name);
    expect(env.isBrowser).toBe(true);
    expect(env.isNode).toBe(false);
    expect(env.getVariable("node_env")).toBeNull();
  });
});

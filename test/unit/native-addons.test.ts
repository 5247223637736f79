/**
 * A fresh `npm ci` builds no native add-on: nothing compiles C/C++ at install time, so
 * installing needs no compiler, no Python and no node-gyp, on any machine.
 *
 * What counts as a native add-on here: a package with a `binding.gyp` at its root or
 * `"gypfile": true`, an install script that builds or fetches one (node-gyp,
 * node-gyp-build, prebuild-install, cmake-js), or compiled `.node` files shipped inside
 * an ordinary package (leveldown's prebuilds were the last, through @y/websocket-server,
 * which the benchmark now installs on demand: test/bench/reference.ts).
 *
 * What does not: platform packages, the esbuild pattern. workerd (the runtime itself),
 * rolldown and lightningcss (Vite's bundler and CSS minifier) and sharp (miniflare's image
 * binding) ship one prebuilt binary per OS and CPU as optional packages that declare `os`
 * and `cpu`; npm installs only the one for this machine and runs nothing to build it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import * as v from "valibot";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BUILD_SCRIPT = /node-gyp|prebuild-install|cmake-js/;

const PackageJson = v.looseObject({
  name: v.optional(v.string(), ""),
  gypfile: v.optional(v.boolean()),
  os: v.optional(v.array(v.string())),
  cpu: v.optional(v.array(v.string())),
  scripts: v.optional(v.record(v.string(), v.string()), {}),
});

/** Every installed package directory (scoped and nested ones too). */
function packages(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith(".")) continue;
    const full = path.join(dir, entry);
    if (entry.startsWith("@")) found.push(...packages(full));
    else if (existsSync(path.join(full, "package.json")))
      found.push(full, ...packages(path.join(full, "node_modules")));
  }
  return found;
}

/** Compiled add-ons (`*.node`) anywhere in a package, not looking into its own node_modules. */
function nodeBinaries(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (entry === "node_modules") continue;
    const stat = statSync(full, { throwIfNoEntry: false });
    if (stat?.isDirectory()) found.push(...nodeBinaries(full));
    else if (entry.endsWith(".node")) found.push(path.relative(ROOT, full));
  }
  return found;
}

describe("the default install", () => {
  it("builds no native add-on; prebuilt platform binaries are the only compiled code", () => {
    const addOns: string[] = [];
    const platformBinaries: string[] = [];
    for (const dir of packages(path.join(ROOT, "node_modules"))) {
      const pkg = v.parse(PackageJson, JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")));
      const where = path.relative(ROOT, dir);
      const isPlatformPackage = pkg.os !== undefined && pkg.cpu !== undefined;
      if (pkg.gypfile) addOns.push(`${where}: "gypfile": true`);
      if (existsSync(path.join(dir, "binding.gyp"))) addOns.push(`${where}: binding.gyp`);
      for (const hook of ["preinstall", "install", "postinstall"]) {
        const script = pkg.scripts[hook];
        if (script && BUILD_SCRIPT.test(script)) addOns.push(`${where}: ${hook} runs "${script}"`);
      }
      const binaries = nodeBinaries(dir);
      if (binaries.length === 0) continue;
      if (isPlatformPackage) platformBinaries.push(pkg.name);
      else addOns.push(...binaries.map((b) => `${b}: compiled add-on in a package for every platform`));
    }
    expect(addOns).toEqual([]);
    // The walk did find the platform binaries it exempts (a walk that sees nothing proves nothing).
    expect(platformBinaries.length).toBeGreaterThan(0);
  });

  it("keeps the benchmark's reference server (and its leveldown) out of the dependencies", () => {
    const pkg = v.parse(
      v.object({ dependencies: v.record(v.string(), v.string()), devDependencies: v.record(v.string(), v.string()) }),
      JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")),
    );
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(Object.keys(all)).not.toContain("@y/websocket-server");
    expect(Object.keys(all)).not.toContain("partysocket");
    expect(existsSync(path.join(ROOT, "node_modules/leveldown"))).toBe(false);
  });
});

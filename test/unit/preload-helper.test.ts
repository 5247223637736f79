/**
 * scripts/lib/preload-helper.ts: the web build's helper for dynamic imports' CSS and preloads,
 * run against a small DOM stand-in.
 */
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { PRELOAD_HELPER } from "../../scripts/lib/preload-helper";

interface FakeLink {
  rel: string;
  href: string;
  onload?: () => void;
  onerror?: () => void;
  remove(): void;
}

function page(existing: { rel: string; href: string }[] = []) {
  const links: FakeLink[] = [];
  const add = (link: FakeLink) => links.push(link);
  const remove = (link: FakeLink) => links.splice(links.indexOf(link), 1);
  for (const l of existing) add({ ...l, remove() {} });
  const document = {
    getElementsByTagName: () => [...links],
    createElement: () => {
      const link: FakeLink = { rel: "", href: "", remove: () => remove(link) };
      return link;
    },
    head: { appendChild: add },
  };
  const context = vm.createContext({
    document,
    location: { href: "https://coproduce.test/w/abc" },
    URL,
    Promise,
    Error,
  });
  vm.runInContext(PRELOAD_HELPER.replace("export const __vitePreload", "globalThis.__vitePreload"), context);
  const preload = context.__vitePreload as (load: () => Promise<string>, deps?: string[]) => Promise<string>;
  return { links, preload };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the web build's preload helper", () => {
  it("adds a chunk's CSS and waits for it before the module runs, and preloads its JS without waiting", async () => {
    const { links, preload } = page();
    let ran = false;
    const done = preload(async () => {
      ran = true;
      return "module";
    }, ["assets/console.css", "assets/shared.js"]);
    await tick();
    expect(links.map((l) => [l.rel, l.href])).toEqual([
      ["stylesheet", "https://coproduce.test/assets/console.css"],
      ["modulepreload", "https://coproduce.test/assets/shared.js"],
    ]);
    expect(ran).toBe(false);
    links[0]?.onload?.();
    await expect(done).resolves.toBe("module");
    expect(ran).toBe(true);
  });

  it("adds each dependency once, and none the page already links", async () => {
    const { links, preload } = page([{ rel: "stylesheet", href: "https://coproduce.test/assets/index.css" }]);
    const first = preload(async () => "a", ["assets/index.css", "assets/later.js"]);
    const second = preload(async () => "b", ["assets/index.css", "assets/later.js"]);
    await expect(first).resolves.toBe("a");
    await expect(second).resolves.toBe("b");
    expect(links.map((l) => l.href)).toEqual([
      "https://coproduce.test/assets/index.css",
      "https://coproduce.test/assets/later.js",
    ]);
  });

  it("fails the import when its CSS cannot load, and tries again next time", async () => {
    const { links, preload } = page();
    const failed = preload(async () => "never", ["assets/console.css"]);
    links[0]?.onerror?.();
    await expect(failed).rejects.toThrow(/Unable to preload CSS for https:\/\/coproduce.test\/assets\/console.css/);
    expect(links).toHaveLength(0);
    const again = preload(async () => "module", ["assets/console.css"]);
    expect(links).toHaveLength(1);
    links[0]?.onload?.();
    await expect(again).resolves.toBe("module");
  });

  it("runs the module at once when there is nothing to load", async () => {
    const { links, preload } = page();
    await expect(preload(async () => "module")).resolves.toBe("module");
    expect(links).toHaveLength(0);
  });
});

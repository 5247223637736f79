/**
 * A tiny router: the address bar is a signal, links are plain <a href> (clicks on
 * same-origin links are taken over in app.tsx), and navigate() is for code.
 */
import { createSignal } from "solid-js";

const [path, setPath] = createSignal(typeof location === "undefined" ? "/" : location.pathname);

if (typeof window !== "undefined") {
  window.addEventListener("popstate", () => setPath(location.pathname));
}

export { path };

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  setPath(new URL(to, location.href).pathname);
  window.scrollTo(0, 0);
}

export type Params = Record<string, string>;

/** Matches "/w/:id" style patterns; returns the decoded params or null. */
export function match(pattern: string, pathname: string): Params | null {
  const want = pattern.split("/").filter(Boolean);
  const got = pathname.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(":")) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

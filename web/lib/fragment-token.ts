/**
 * Secrets in URL fragments, for the console's pages, the kiosk and the partner page. Kept out of
 * storage.ts, which every phone loads with the app's entry (issue #17: a phone's bytes are counted).
 */
import { KEY_PREFIX, type KeyValueStore, session } from "./storage";

/**
 * Takes `#token=…` out of the address bar (so it is not bookmarked, shared or
 * shown on a projector) and keeps it for this tab in sessionStorage under `scope`
 * (e.g. "facilitate:<workshopId>"). Returns the token from the fragment, or the one
 * kept earlier, or null.
 */
export function takeFragmentToken(scope: string, store: KeyValueStore = session): string | null {
  const key = `${KEY_PREFIX}token:${scope}`;
  const hash = globalThis.location?.hash ?? "";
  const fromHash = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  if (fromHash) {
    store.setItem(key, fromHash);
    const { pathname, search } = globalThis.location;
    globalThis.history?.replaceState(globalThis.history.state, "", `${pathname}${search}`);
    return fromHash;
  }
  return store.getItem(key);
}

/**
 * Registers the offline shell (web/public/sw.js) for participant pages, so a phone that
 * reloads with no signal still opens the room and its waiting commands. Consoles do not
 * need it and shared laptops should keep no copies, so only participant routes call this.
 */
export function registerOfflineShell(): void {
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  navigator.serviceWorker
    .register("/sw.js", { scope: "/" })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // Scripts and styles loaded before the worker took over: ask it to keep them.
      const urls = performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => new URL(name).pathname.startsWith("/assets/"));
      registration.active?.postMessage({ type: "cache-assets", urls });
    })
    .catch(() => {
      // Not available (private mode, an old browser, or blocked): the app works online as before.
    });
}

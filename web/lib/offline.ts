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
      const isAsset = (name: string): boolean => new URL(name).pathname.startsWith("/assets/");
      const keep = (urls: string[]): void => {
        if (urls.length > 0) registration.active?.postMessage({ type: "cache-assets", urls });
      };
      keep(
        performance
          .getEntriesByType("resource")
          .map((entry) => entry.name)
          .filter(isAsset),
      );
      // A file still on its way then (a lazy page's code fetched while the worker was taking
      // over) is in neither that list nor the worker's fetches: keep those too as they land.
      if (typeof PerformanceObserver === "undefined") return;
      const late = new PerformanceObserver((list) =>
        keep(
          list
            .getEntries()
            .map((e) => e.name)
            .filter(isAsset),
        ),
      );
      late.observe({ type: "resource" });
      setTimeout(() => late.disconnect(), 10_000);
    })
    .catch(() => {
      // Not available (private mode, an old browser, or blocked): the app works online as before.
    });
}

/**
 * Offline shell for phones on dropping connections: a reload while offline still opens
 * the app, which then shows the cached map and the commands waiting to be sent.
 *
 * - Navigations: network first (a new deploy is picked up at once), the cached page
 *   when the network is down.
 * - /assets/*: file names carry a content hash, so cache first and keep them.
 * - Nothing else is touched: /api and /parties always go to the network, and no
 *   response with a token or personal data is ever cached.
 *
 * The build writes this file with its own version (scripts/lib/service-worker.ts), so each
 * deploy's worker is new to the browser, installs, and deletes the caches of earlier
 * versions with the assets only they used: a phone keeps one build's files, not every build's.
 */
const CACHE = `coproduce-shell-${"__BUILD_VERSION__"}`;
/** Every page of the app is the same HTML shell (the router runs in the page). */
const SHELL = "/";

/**
 * A copy without the "redirected" flag: the assets server may redirect /index.html to /,
 * and browsers refuse a redirected response as the answer to a navigation.
 */
async function plain(response) {
  return new Response(await response.blob(), { status: response.status, headers: response.headers });
}

async function keepShell(response) {
  const cache = await caches.open(CACHE);
  await cache.put(SHELL, await plain(response));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    fetch(SHELL, { cache: "reload" })
      .then((response) => (response.ok ? keepShell(response) : undefined))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** The page lists the hashed assets it loaded before this worker took control; keep them too. */
self.addEventListener("message", (event) => {
  const data = event.data;
  if (data?.type !== "cache-assets" || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter(
    (u) => typeof u === "string" && new URL(u, self.location.origin).pathname.startsWith("/assets/"),
  );
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(urls))
      .catch(() => {}),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/parties/")) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          // Only the app's own page is kept (never a download or an error page).
          if (response.ok && (response.headers.get("content-type") ?? "").includes("text/html")) {
            void keepShell(response.clone());
          }
          return response;
        })
        .catch(() => caches.match(SHELL).then((cached) => cached ?? Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ??
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});

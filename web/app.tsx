/**
 * The app shell: picks the route for the address and lazy-loads it, so the
 * facilitator, screen, evaluator and organiser code never reaches a phone.
 */
import { type Component, createMemo, ErrorBoundary, onCleanup, onMount, Show } from "solid-js";
import { lazy } from "./lib/async";
import { t } from "./lib/i18n";
import { match, navigate, type Params, path } from "./lib/router";

export interface RouteProps {
  params: Params;
}

interface Route {
  pattern: string;
  component: Component<RouteProps> & { preload: () => Promise<unknown> };
}

/** A page whose code is fetched when it is first shown; "Loading…" meanwhile. */
const page = (load: () => Promise<{ default: Component<RouteProps> }>) => lazy(load, () => <Loading />);

const routes: Route[] = [
  { pattern: "/", component: page(() => import("./routes/landing")) },
  { pattern: "/j/:joinCode", component: page(() => import("./routes/join")) },
  { pattern: "/w/:workshopId", component: page(() => import("./routes/participant")) },
  { pattern: "/organise", component: page(() => import("./routes/organise")) },
  { pattern: "/facilitate/:id", component: page(() => import("./routes/facilitator")) },
  { pattern: "/screen/:id", component: page(() => import("./routes/screen")) },
  { pattern: "/evaluate/:id", component: page(() => import("./routes/evaluator")) },
  // tables (#13): a table host's console
  { pattern: "/host/:id", component: page(() => import("./routes/host")) },
  { pattern: "/programme/:programmeId", component: page(() => import("./routes/evaluator")) },
  // everyone counts (#14): a shared tablet, an interpreter's desk, the paper pack
  { pattern: "/kiosk/:id", component: page(() => import("./routes/kiosk")) },
  { pattern: "/interpret/:id", component: page(() => import("./routes/interpret")) },
  { pattern: "/print/:id", component: page(() => import("./routes/print")) },
  // Co-delivery (#15): the public follow-up (participant journey) and the partner's page (console).
  { pattern: "/f/:code", component: page(() => import("./routes/followup")) },
  { pattern: "/partner", component: page(() => import("./routes/partner")) },
];

/**
 * Starts fetching the page for an address; main.tsx calls it while the language loads, so
 * the two downloads run side by side instead of one after the other.
 */
export function preloadRoute(pathname: string): void {
  for (const route of routes) {
    if (match(route.pattern, pathname)) {
      void route.component.preload();
      return;
    }
  }
}

const NotFound: Component = () => (
  <main class="page" id="main">
    <h1>{t("notFound.title")}</h1>
    <p>{t("notFound.body")}</p>
    <p>
      <a class="button" href="/">
        {t("notFound.home")}
      </a>
    </p>
  </main>
);

const Loading: Component = () => (
  <p class="loading" role="status">
    {t("common.loading")}
  </p>
);

/** Plain same-origin <a href="/…"> links navigate without reloading the page. */
function takeOverLinks(): () => void {
  const onClick = (event: MouseEvent): void => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const anchor = (event.target as Element | null)?.closest?.("a");
    if (!anchor || anchor.target || anchor.hasAttribute("download")) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  };
  document.addEventListener("click", onClick);
  return () => document.removeEventListener("click", onClick);
}

export const App: Component = () => {
  onMount(() => onCleanup(takeOverLinks()));
  const current = createMemo(() => {
    for (const route of routes) {
      const params = match(route.pattern, path());
      if (params) return { route, params };
    }
    return null;
  });
  return (
    <ErrorBoundary
      fallback={(error: unknown) => (
        <main class="page" id="main">
          <h1>{t("error.title")}</h1>
          <p>{t("error.body")}</p>
          <p class="muted">{error instanceof Error ? error.message : String(error)}</p>
          <button type="button" class="button" onClick={() => location.reload()}>
            {t("error.reload")}
          </button>
        </main>
      )}
    >
      <Show when={current()} keyed fallback={<NotFound />}>
        {(found) => {
          // Not <Dynamic>: it brings Solid's attribute-spreading code for HTML tags (~1.5 KB gzip).
          const Page = found.route.component;
          return <Page params={found.params} />;
        }}
      </Show>
    </ErrorBoundary>
  );
};

/**
 * Entry point: preferences, then the language (so an Urdu phone never flashes English
 * or the wrong text direction), then the app.
 */
import { render } from "solid-js/web";
import { App, preloadRoute } from "./app";
import { initLanguage } from "./lib/i18n";
import { initPreferences } from "./lib/preferences";
import "./styles/base.css";

initPreferences();
// The page's code downloads while the language does (every catalogue is its own file).
preloadRoute(location.pathname);
void initLanguage().finally(() => {
  const root = document.getElementById("app");
  if (root) render(() => <App />, root);
});

/**
 * Entry point: preferences, then the language (so an Urdu phone never flashes English
 * or the wrong text direction), then the app.
 */
import { render } from "solid-js/web";
import { App } from "./app";
import { initLanguage } from "./lib/i18n";
import { initPreferences } from "./lib/preferences";
import "./styles/base.css";

initPreferences();
void initLanguage().finally(() => {
  const root = document.getElementById("app");
  if (root) render(() => <App />, root);
});

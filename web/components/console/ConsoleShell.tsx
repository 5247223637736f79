/**
 * The frame of every console page: a skip link, a header with the page's title,
 * and one <main> landmark. Styles load with the page (code-split per role).
 */
import type { Component, JSX } from "solid-js";
import "./console.css";
import { consoleLanguage, t } from "./i18n";

interface Props {
  title: string;
  subtitle?: string;
  actions?: JSX.Element;
  children: JSX.Element;
  class?: string;
}

export const ConsoleShell: Component<Props> = (props) => (
  <div class={`console ${props.class ?? ""}`} lang={consoleLanguage()}>
    <a class="skip-link" href="#console-main">
      {t("common.skip")}
    </a>
    <header class="console__header">
      <div>
        <h1>{props.title}</h1>
        {props.subtitle ? <p class="console__subtitle">{props.subtitle}</p> : null}
      </div>
      {props.actions}
    </header>
    <main id="console-main" tabindex={-1}>
      {props.children}
    </main>
  </div>
);

/** Shown when a console link was opened without its `#token=…` (or in a new tab of a closed session). */
import type { Component } from "solid-js";
import { ConsoleShell } from "./ConsoleShell";
import { t } from "./i18n";

export const NoAccess: Component<{ title: string }> = (props) => (
  <ConsoleShell title={props.title}>
    <p role="alert">{t("access.noToken")}</p>
  </ConsoleShell>
);

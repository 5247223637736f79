/** A commitment's dated history, oldest first, as the console and the report list it. */
import { type Component, For, Show } from "solid-js";
import type { UpdateView } from "../../../../party/model/followup";
import { t } from "../i18n";
import { byLabel, day, statusLabel } from "./labels";

export const History: Component<{ history: readonly UpdateView[]; showProgress?: boolean }> = (props) => (
  <ol>
    <For each={props.history}>
      {(u) => (
        <li>
          {day(u.at)} · {u.kind === "created" ? t("commitments.created.event") : statusLabel(u.status)} ·{" "}
          <Show when={props.showProgress}>{t("commitments.progress", { progress: u.progress })} · </Show>
          {byLabel(u)}
          <Show when={u.note}>
            : <span dir="auto">{u.note}</span>
          </Show>
        </li>
      )}
    </For>
  </ol>
);

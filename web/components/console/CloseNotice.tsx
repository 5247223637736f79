/** Why the room closed this connection for good (bad link, removed, workshop deleted), in words. */
import { type Component, Show } from "solid-js";
import type { CloseReason } from "../../lib/room";
import { t } from "./i18n";

export const CloseNotice: Component<{ reason: CloseReason | null }> = (props) => (
  <Show when={props.reason && props.reason !== "stopped"}>
    <p class="error" role="alert">
      {t(`closeReason.${props.reason ?? "stopped"}`)}
    </p>
  </Show>
);

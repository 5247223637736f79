/** Connection state in words (not colour alone), announced politely when it changes. */
import type { Component } from "solid-js";
import type { ConnectionState } from "../../lib/room";
import { t } from "./i18n";

export const ConnectionBadge: Component<{ state: ConnectionState; pending: number }> = (props) => (
  <p class={`connection connection--${props.state}`} role="status" data-testid="connection" data-state={props.state}>
    {t(`connection.${props.state}`)}
    {props.pending > 0 ? ` · ${t("connection.pending", { count: props.pending })}` : ""}
  </p>
);

/** Always-visible connection state, and how many changes wait to be sent. */
import { type Component, Show } from "solid-js";
import { t, tn } from "../../lib/i18n";
import { useRoom } from "./context";

export const ConnectionBadge: Component = () => {
  const { room } = useRoom();
  const label = () => {
    switch (room.connection()) {
      case "online":
        return t("connection.online");
      case "offline":
        return t("connection.offline");
      case "closed":
        return t("connection.closed");
      default:
        return t("connection.connecting");
    }
  };
  return (
    <div class={`connection connection-${room.connection()}`} role="status" data-testid="connection">
      <span class="dot" aria-hidden="true" />
      <span>{label()}</span>
      <Show when={room.pending().length > 0}>
        <span class="pending-count">{tn("connection.pending", room.pending().length)}</span>
      </Show>
    </div>
  );
};

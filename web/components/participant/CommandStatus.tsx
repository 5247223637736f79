/** What happened to something I sent: sending, waiting (offline), saved, or not saved and why. */
import { type Component, Match, Switch } from "solid-js";
import { type TextKey, t } from "../../lib/i18n";
import { useRoom } from "./context";

export function refusalReason(error: { code: string; message: string }): string {
  const key = `errorCode.${error.code}` as TextKey;
  const text = t(key);
  // An unknown code (a newer room): the room's own words are better than nothing.
  return text === key ? error.message : text;
}

export const CommandStatus: Component<{ id: string | null | undefined }> = (props) => {
  const { room } = useRoom();
  const status = () => (props.id ? room.status(props.id) : undefined);
  return (
    <span class="command-status" role="status">
      <Switch>
        <Match when={status()?.state === "pending"}>
          <span class="chip pending">
            {room.connection() === "online" ? t("status.pending") : t("status.pendingOffline")}
          </span>
        </Match>
        <Match when={status()?.state === "saved"}>
          <span class="chip ok">{t("status.saved")}</span>
        </Match>
        <Match
          when={(() => {
            const s = status();
            return s?.state === "refused" ? s : null;
          })()}
        >
          {(refused) => <span class="chip bad">{t("status.refused", { reason: refusalReason(refused().error) })}</span>}
        </Match>
      </Switch>
    </span>
  );
};

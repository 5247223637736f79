/**
 * The facilitator's countdown, on the room's clock (hello's serverTime), so every
 * phone shows the same time whatever its own clock says.
 */
import { type Component, createSignal, onCleanup, Show } from "solid-js";
import { t } from "../../lib/i18n";
import { useRoom } from "./context";

export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.ceil(total));
  const minutes = Math.floor(s / 60);
  const seconds = s % 60;
  return `${minutes}:${seconds.toString().padStart(2, "0")}`;
}

export const Timer: Component = () => {
  const { room, workshop } = useRoom();
  const [now, setNow] = createSignal(room.serverNow());
  const tick = setInterval(() => setNow(room.serverNow()), 500);
  onCleanup(() => clearInterval(tick));
  const left = () => {
    const timer = workshop()?.timer;
    return timer ? (timer.endsAt - now()) / 1000 : null;
  };
  return (
    <Show when={left() !== null}>
      <div class="timer" classList={{ ended: (left() ?? 0) <= 0 }}>
        <span class="visually-hidden">{t("timer.label")}</span>
        <span role="timer" aria-live="off" data-testid="timer">
          {(left() ?? 1) <= 0 ? t("timer.ended") : formatSeconds(left() ?? 0)}
        </span>
        {/* Announced once, not every second. */}
        <span class="visually-hidden" aria-live="polite">
          {(left() ?? 1) <= 0 ? t("timer.ended") : ""}
        </span>
      </div>
    </Show>
  );
};

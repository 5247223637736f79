/**
 * The shared countdown. Remaining time is computed from the room's clock
 * (room.serverNow), so every laptop, phone and projector shows the same figure
 * whatever their own clocks say. The screen reader announcement is throttled to
 * once a minute and at the end, not every second.
 */
import { type Component, createSignal, onCleanup, Show } from "solid-js";
import type { Timer } from "../../../party/model/doc";
import { t } from "./i18n";

export function remainingSeconds(timer: Timer | null | undefined, now: number): number {
  if (!timer) return 0;
  return Math.max(0, Math.ceil((timer.endsAt - now) / 1000));
}

export function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = String(m).padStart(h ? 2 : 1, "0");
  return `${h ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

/** A signal of "now" on the room's clock, ticking every quarter second while mounted. */
export function createClock(serverNow: () => number): () => number {
  const [now, setNow] = createSignal(serverNow());
  const id = setInterval(() => setNow(serverNow()), 250);
  onCleanup(() => clearInterval(id));
  return now;
}

interface Props {
  timer: Timer | null | undefined;
  serverNow: () => number;
  large?: boolean;
}

export const TimerDisplay: Component<Props> = (props) => {
  const now = createClock(props.serverNow);
  const left = () => remainingSeconds(props.timer, now());
  const announcement = () => {
    const s = left();
    if (!props.timer) return "";
    if (s === 0) return t("timer.finished");
    return t("timer.minutesLeft", { minutes: Math.ceil(s / 60) });
  };
  return (
    <div
      class="timer"
      classList={{ "timer--large": props.large, "timer--done": Boolean(props.timer) && left() === 0 }}
      data-testid="timer"
    >
      <Show when={props.timer} fallback={<span class="timer__idle">{t("timer.none")}</span>}>
        <span class="timer__clock" aria-hidden="true">
          {left() === 0 ? t("timer.finished") : formatClock(left())}
        </span>
        <span class="visually-hidden" role="timer" aria-live="polite" aria-atomic="true">
          {announcement()}
        </span>
      </Show>
    </div>
  );
};

/**
 * Running the room: the shared countdown (start with minutes, stop), locking all
 * input, and closing the workshop (after a confirmation: it cannot be undone).
 */
import { type Component, createEffect, createSignal, on, Show } from "solid-js";
import type { Activity, WorkshopInfo } from "../../../../party/model/doc";
import type { Commander } from "../commander";
import { t } from "../i18n";
import { TimerDisplay } from "../Timer";

interface Props {
  workshop: WorkshopInfo;
  /** the open activity: its planned minutes are the timer's default */
  current: Activity | null;
  serverNow: () => number;
  commander: Commander;
}

export const RunControls: Component<Props> = (props) => {
  const [minutes, setMinutes] = createSignal(props.current?.plannedMinutes ?? 5);
  createEffect(
    on(
      () => props.current?.plannedMinutes,
      (planned) => planned && setMinutes(planned),
      { defer: true },
    ),
  );
  const run = props.commander.run;
  const closed = () => props.workshop.status === "closed";
  const startTimer = (e: SubmitEvent) => {
    e.preventDefault();
    const seconds = Math.round(minutes() * 60);
    if (seconds >= 1) void run("timer.start", { seconds });
  };
  const closeWorkshop = () => {
    if (window.confirm(t("run.closeConfirm"))) void run("workshop.close", {});
  };
  return (
    <section class="run-controls" aria-labelledby="run-title">
      <h2 id="run-title" class="visually-hidden">
        {t("run.heading")}
      </h2>
      <div class="run-controls__timer">
        <TimerDisplay timer={props.workshop.timer} serverNow={props.serverNow} />
        <form class="inline-form" onSubmit={startTimer}>
          <label for="timer-minutes">{t("run.minutes")}</label>
          <input
            id="timer-minutes"
            type="number"
            min={0.5}
            max={240}
            step={0.5}
            value={minutes()}
            onInput={(e) => setMinutes(e.currentTarget.valueAsNumber || 0)}
          />
          <button type="submit" disabled={closed()}>
            {t("run.startTimer")}
          </button>
          <Show when={props.workshop.timer}>
            <button type="button" onClick={() => void run("timer.stop", {})}>
              {t("run.stopTimer")}
            </button>
          </Show>
        </form>
      </div>
      <div class="button-row">
        <button
          type="button"
          aria-pressed={props.workshop.locked}
          disabled={closed()}
          onClick={() => void run("room.lock", { locked: !props.workshop.locked })}
        >
          {props.workshop.locked ? t("run.unlock") : t("run.lock")}
        </button>
        <button type="button" class="danger" disabled={closed()} onClick={closeWorkshop}>
          {closed() ? t("run.closed") : t("run.closeWorkshop")}
        </button>
      </div>
    </section>
  );
};

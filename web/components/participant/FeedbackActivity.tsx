/** Feedback: Likert 1–5 statements and free-text questions; answers can be changed while open. */

import { type Component, createMemo, createSignal, For, Index, Match, Show, Switch } from "solid-js";
import * as v from "valibot";
import { FeedbackAnswers, type FeedbackConfig } from "../../../party/model/commands";
import type { Activity } from "../../../party/model/doc";
import { type TextKey, t } from "../../lib/i18n";
import { CommandStatus } from "./CommandStatus";
import { useRoom } from "./context";
import { Translated } from "./Translated";
import { createDraft } from "./vote/draft";

const LIKERT = [1, 2, 3, 4, 5] as const;

export const FeedbackActivity: Component<{ activity: Activity; config: FeedbackConfig }> = (props) => {
  const { room, workshop } = useRoom();
  const [lastId, setLastId] = createSignal<string | null>(null);
  const [empty, setEmpty] = createSignal(false);
  const saved = createMemo(() => {
    const parsed = v.safeParse(FeedbackAnswers, room.feedback()[props.activity.id]);
    return parsed.success ? parsed.output : null;
  });
  const [draft, edit, settle] = createDraft<Record<string, number | string>>(() => ({ ...(saved() ?? {}) }));
  const disabled = () => props.activity.status !== "open" || !!workshop()?.locked;
  const set = (id: string, value: number | string): void => {
    setEmpty(false);
    edit({ ...draft(), [id]: value });
  };
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const answers = Object.fromEntries(
      Object.entries(draft())
        .map(([id, value]) => [id, typeof value === "string" ? value.trim() : value] as const)
        .filter(([, value]) => value !== ""),
    );
    if (Object.keys(answers).length === 0) {
      setEmpty(true);
      return;
    }
    setLastId(room.send("feedback.submit", { activityId: props.activity.id, answers }).id);
    settle();
  };

  return (
    <form class="stack feedback-activity" onSubmit={submit}>
      <Show when={props.config.prompt} fallback={<p>{t("feedback.intro")}</p>}>
        <Translated target={`activity.${props.activity.id}.prompt`} original={props.config.prompt} class="prompt" />
      </Show>
      <For each={props.config.items}>
        {(item) => (
          <Switch>
            <Match when={item.type === "likert"}>
              <fieldset class="likert">
                <legend>{item.label}</legend>
                <Index each={LIKERT}>
                  {(value) => (
                    <label class="choice">
                      <input
                        type="radio"
                        name={`likert-${item.id}`}
                        value={value()}
                        checked={draft()[item.id] === value()}
                        disabled={disabled()}
                        onChange={() => set(item.id, value())}
                      />
                      <span>
                        {value()} · {t(`feedback.scale${value()}` as TextKey)}
                      </span>
                    </label>
                  )}
                </Index>
              </fieldset>
            </Match>
            <Match when={item.type === "text"}>
              <div class="field">
                <label for={`text-${item.id}`}>{item.label}</label>
                <textarea
                  id={`text-${item.id}`}
                  rows={3}
                  maxlength={1000}
                  disabled={disabled()}
                  value={typeof draft()[item.id] === "string" ? String(draft()[item.id]) : ""}
                  onInput={(event) => set(item.id, event.currentTarget.value)}
                />
              </div>
            </Match>
          </Switch>
        )}
      </For>
      <Show when={empty()}>
        <p class="field-error" role="alert">
          {t("feedback.empty")}
        </p>
      </Show>
      <div class="row">
        <button type="submit" class="primary" disabled={disabled()}>
          {saved() ? t("feedback.update") : t("feedback.submit")}
        </button>
        <CommandStatus id={lastId()} />
      </div>
      <Show when={saved()}>
        <p class="notice ok" role="status" data-testid="feedback-saved">
          {t("feedback.saved")}
        </p>
      </Show>
    </form>
  );
};

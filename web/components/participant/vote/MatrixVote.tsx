/** Impact × effort: for each option, two 1–5 scales as radio groups. */
import { type Component, For, Index, Show } from "solid-js";
import { t } from "../../../lib/i18n";
import { createDraft } from "./draft";
import { optionText } from "./options";
import type { MethodProps } from "./VoteActivity";

type Rating = { impact?: number; effort?: number };
const SCALE = [1, 2, 3, 4, 5] as const;

export const MatrixVote: Component<MethodProps> = (props) => {
  const [draft, edit, settle] = createDraft<Record<string, Rating>>(() => {
    const saved = props.saved;
    return saved && "ratings" in saved ? structuredClone(saved.ratings) : {};
  });
  const incomplete = () => Object.values(draft()).some((r) => (r.impact === undefined) !== (r.effort === undefined));
  const rate = (id: string, axis: "impact" | "effort", value: number): void =>
    edit({ ...draft(), [id]: { ...draft()[id], [axis]: value } });
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (incomplete()) return;
    const ratings: Record<string, { impact: number; effort: number }> = {};
    for (const [id, r] of Object.entries(draft())) {
      if (r.impact !== undefined && r.effort !== undefined) ratings[id] = { impact: r.impact, effort: r.effort };
    }
    props.onSubmit({ ratings });
    settle();
  };
  const Scale: Component<{ optionId: string; axis: "impact" | "effort"; legend: string }> = (scale) => (
    <fieldset class="scale">
      <legend>{scale.legend}</legend>
      <div class="scale-choices">
        <Index each={SCALE}>
          {(value) => (
            <label class="scale-choice">
              <input
                type="radio"
                name={`${scale.axis}-${scale.optionId}`}
                value={value()}
                checked={draft()[scale.optionId]?.[scale.axis] === value()}
                disabled={props.disabled}
                onChange={() => rate(scale.optionId, scale.axis, value())}
              />
              <span>{value()}</span>
            </label>
          )}
        </Index>
      </div>
    </fieldset>
  );
  return (
    <form class="stack" onSubmit={submit}>
      <p>{t("vote.matrixIntro")}</p>
      <p class="muted">
        {t("vote.scaleLow")} · {t("vote.scaleHigh")}
      </p>
      <For each={props.config.options}>
        {(option) => (
          <fieldset class="matrix-option">
            <legend class="option-label" dir="auto">
              {optionText(option)}
            </legend>
            <Scale optionId={option.id} axis="impact" legend={t("vote.impact")} />
            <Scale optionId={option.id} axis="effort" legend={t("vote.effort")} />
          </fieldset>
        )}
      </For>
      <Show when={incomplete()}>
        <p class="field-error" role="alert">
          {t("vote.matrixIncomplete")}
        </p>
      </Show>
      <button type="submit" class="primary full" disabled={props.disabled || incomplete()}>
        {props.submitLabel}
      </button>
    </form>
  );
};

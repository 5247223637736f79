/**
 * Dots and budget votes: spread a fixed amount over the options with − / + buttons
 * (and, for a budget, a number field). The remaining amount is always shown;
 * overspending is shown as an error and cannot be saved.
 */
import { type Component, For, Show } from "solid-js";
import { amountFormat } from "../../../lib/format";
import { language, t, tn } from "../../../lib/i18n";
import { useRoom } from "../context";
import { createDraft } from "./draft";
import { optionText } from "./options";
import type { MethodProps } from "./VoteActivity";

export const AllocateVote: Component<MethodProps> = (props) => {
  const dots = () => props.config.method === "dots";
  const total = () => (dots() ? props.config.dots : props.config.budget);
  const perOption = () => (dots() ? props.config.maxPerOption : props.config.budget);
  const step = () => (dots() ? 1 : Math.max(1, Math.round(props.config.budget / 20)));
  const [draft, edit, settle] = createDraft<Record<string, number>>(() => {
    const saved = props.saved;
    return saved && "allocations" in saved ? { ...saved.allocations } : {};
  });
  const spent = () => Object.values(draft()).reduce((sum, n) => sum + n, 0);
  const left = () => total() - spent();
  const set = (id: string, value: number): void => {
    const clean = Math.max(0, Math.min(perOption(), Math.round(Number.isFinite(value) ? value : 0)));
    edit({ ...draft(), [id]: clean });
  };
  const { workshop } = useRoom();
  const format = (n: number) =>
    amountFormat(language(), { money: props.config.currency === "money", currency: workshop()?.currency })(n);
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (left() < 0) return;
    const allocations = Object.fromEntries(Object.entries(draft()).filter(([, n]) => n > 0));
    props.onSubmit({ allocations });
    settle();
  };

  return (
    <form class="stack" onSubmit={submit}>
      <p>
        {dots()
          ? t("vote.dotsIntro", { total: total(), max: perOption() })
          : t("vote.budgetIntro", { total: format(total()) })}
      </p>
      <p class="remaining" classList={{ "field-error": left() < 0 }} role="status" data-testid="remaining">
        {dots()
          ? tn("vote.dotsLeft", Math.max(0, left()))
          : left() >= 0
            ? t("vote.budgetLeft", { amount: format(left()) })
            : t("vote.budgetOver", { amount: format(-left()) })}
      </p>
      <ul class="option-list">
        <For each={props.config.options}>
          {(option) => {
            const value = () => draft()[option.id] ?? 0;
            const fieldId = `alloc-${option.id}`;
            return (
              <li class="option allocate">
                <span class="option-label" id={`${fieldId}-label`}>
                  <span dir="auto">{optionText(option)}</span>
                </span>
                <fieldset class="stepper" aria-labelledby={`${fieldId}-label`}>
                  <button
                    type="button"
                    aria-label={t("vote.less", { option: optionText(option) })}
                    disabled={props.disabled || value() <= 0}
                    onClick={() => set(option.id, value() - step())}
                  >
                    −
                  </button>
                  <Show
                    when={!dots()}
                    fallback={
                      <output class="amount" aria-live="polite">
                        {tn("vote.dotsFor", value())}
                      </output>
                    }
                  >
                    <input
                      id={fieldId}
                      class="amount"
                      type="number"
                      inputmode="numeric"
                      min="0"
                      max={perOption()}
                      value={value()}
                      disabled={props.disabled}
                      aria-label={t("vote.budgetAmount", { option: optionText(option) })}
                      onInput={(event) => set(option.id, event.currentTarget.valueAsNumber)}
                    />
                  </Show>
                  <button
                    type="button"
                    aria-label={t("vote.more", { option: optionText(option) })}
                    disabled={props.disabled || value() >= perOption() || (dots() && left() <= 0)}
                    onClick={() => set(option.id, value() + step())}
                  >
                    +
                  </button>
                </fieldset>
              </li>
            );
          }}
        </For>
      </ul>
      <button type="submit" class="primary full" disabled={props.disabled || left() < 0}>
        {props.submitLabel}
      </button>
    </form>
  );
};

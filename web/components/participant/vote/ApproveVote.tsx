/** Approval vote: tick every option you support. */
import { type Component, For } from "solid-js";
import { t } from "../../../lib/i18n";
import { createDraft } from "./draft";
import { optionText } from "./options";
import type { MethodProps } from "./VoteActivity";

export const ApproveVote: Component<MethodProps> = (props) => {
  const [draft, edit, settle] = createDraft<string[]>(() => {
    const saved = props.saved;
    return saved && "approved" in saved ? [...saved.approved] : [];
  });
  const toggle = (id: string, on: boolean): void => {
    const rest = draft().filter((x) => x !== id);
    edit(on ? [...rest, id] : rest);
  };
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    // In the vote's own option order, whatever order they were ticked in.
    const order = props.config.options.map((o) => o.id);
    props.onSubmit({ approved: order.filter((id) => draft().includes(id)) });
    settle();
  };
  return (
    <form class="stack" onSubmit={submit}>
      <fieldset>
        <legend>{t("vote.approveIntro")}</legend>
        <For each={props.config.options}>
          {(option) => (
            <label class="choice">
              <input
                type="checkbox"
                checked={draft().includes(option.id)}
                disabled={props.disabled}
                onChange={(event) => toggle(option.id, event.currentTarget.checked)}
              />
              <span dir="auto">{optionText(option)}</span>
            </label>
          )}
        </For>
      </fieldset>
      <button type="submit" class="primary full" disabled={props.disabled}>
        {props.submitLabel}
      </button>
    </form>
  );
};

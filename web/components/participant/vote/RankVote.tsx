/**
 * Rank vote: build a top-k list with buttons (add, up, down, remove) rather than
 * drag and drop, so it works by keyboard, switch and screen reader alike. Focus
 * follows the moved option so a keyboard user can keep moving it.
 */
import { type Component, createMemo, For, Show } from "solid-js";
import { t } from "../../../lib/i18n";
import { createDraft } from "./draft";
import { optionText } from "./options";
import type { MethodProps } from "./VoteActivity";

export const RankVote: Component<MethodProps> = (props) => {
  const [order, edit, settle] = createDraft<string[]>(() => {
    const saved = props.saved;
    return saved && "order" in saved ? [...saved.order] : [];
  });
  const label = (id: string) => {
    const option = props.config.options.find((o) => o.id === id);
    return option ? optionText(option) : id;
  };
  const others = createMemo(() => props.config.options.filter((o) => !order().includes(o.id)));
  const full = () => order().length >= props.config.topK;
  let form: HTMLFormElement | undefined;

  // Moving re-inserts the row, which drops focus; put it back on the same button
  // (kept focusable with aria-disabled at the ends, so focus never jumps elsewhere).
  const refocus = (id: string, action: string): void => {
    queueMicrotask(() => {
      form
        ?.querySelector<HTMLButtonElement>(`button[data-option="${CSS.escape(id)}"][data-action="${action}"]`)
        ?.focus();
    });
  };
  const move = (index: number, by: -1 | 1): void => {
    if (props.disabled || index + by < 0 || index + by >= order().length) return;
    const next = [...order()];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + by, 0, item);
    edit(next);
    refocus(item, by < 0 ? "up" : "down");
  };
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    props.onSubmit({ order: order() });
    settle();
  };

  return (
    <form class="stack" onSubmit={submit} ref={form}>
      <p>{t("vote.rankIntro", { k: props.config.topK })}</p>
      <h3 id="rank-mine">{t("vote.rankMine")}</h3>
      <ol class="option-list rank-list" aria-labelledby="rank-mine">
        <For each={order()}>
          {(id, index) => (
            <li class="option ranked" data-option={id}>
              <span class="rank-position" aria-hidden="true">
                {index() + 1}
              </span>
              <span class="option-label">
                <span class="visually-hidden">{t("vote.rankPosition", { position: index() + 1 })}: </span>
                {label(id)}
              </span>
              <span class="row">
                <button
                  type="button"
                  data-option={id}
                  data-action="up"
                  aria-label={t("vote.rankUp", { option: label(id) })}
                  aria-disabled={props.disabled || index() === 0}
                  onClick={() => move(index(), -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  data-option={id}
                  data-action="down"
                  aria-label={t("vote.rankDown", { option: label(id) })}
                  aria-disabled={props.disabled || index() === order().length - 1}
                  onClick={() => move(index(), 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={t("vote.rankRemove", { option: label(id) })}
                  disabled={props.disabled}
                  onClick={() => {
                    edit(order().filter((x) => x !== id));
                    refocus(id, "add");
                  }}
                >
                  ✕
                </button>
              </span>
            </li>
          )}
        </For>
      </ol>
      <Show when={full()}>
        <p class="muted">{t("vote.rankFull")}</p>
      </Show>
      <h3 id="rank-others">{t("vote.rankOthers")}</h3>
      <ul class="option-list" aria-labelledby="rank-others">
        <For each={others()}>
          {(option) => (
            <li class="option">
              <span class="option-label" dir="auto">
                {optionText(option)}
              </span>
              <button
                type="button"
                data-option={option.id}
                data-action="add"
                aria-label={t("vote.rankAdd", { option: optionText(option) })}
                disabled={props.disabled || full()}
                onClick={() => {
                  edit([...order(), option.id]);
                  refocus(option.id, "up");
                }}
              >
                +
              </button>
            </li>
          )}
        </For>
      </ul>
      <button type="submit" class="primary full" disabled={props.disabled}>
        {props.submitLabel}
      </button>
    </form>
  );
};

/** Linking two selected cards with a label ("leads to", "refers to", or one typed in), and the list of links. */
import { type Component, createSignal, For, Show } from "solid-js";
import type { Card, Link } from "../../../../party/model/doc";
import type { Commander } from "../commander";
import { t } from "../i18n";

/** Links run from the first card ticked to the second; "Swap" turns the arrow round. */
export const LinkForm: Component<{
  cards: readonly Card[];
  commander: Commander;
  onDone: () => void;
  onSwap: () => void;
}> = (props) => {
  const [label, setLabel] = createSignal(t("links.leadsTo"));
  return (
    <Show when={props.cards.length === 2}>
      <form
        class="inline-form link-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const [from, to] = props.cards;
          if (!from || !to) return;
          const outcome = await props.commander.run("link.add", { from: from.id, to: to.id, label: label().trim() });
          if (outcome.ok) props.onDone();
        }}
      >
        <span>
          {t("links.between", {
            from: props.cards[0]?.text.slice(0, 40) ?? "",
            to: props.cards[1]?.text.slice(0, 40) ?? "",
          })}
        </span>
        <label for="link-label">{t("links.label")}</label>
        <input
          id="link-label"
          list="link-labels"
          type="text"
          maxLength={200}
          value={label()}
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
        <datalist id="link-labels">
          <option value={t("links.leadsTo")} />
          <option value={t("links.refersTo")} />
        </datalist>
        <button type="button" onClick={props.onSwap}>
          {t("links.swap")}
        </button>
        <button type="submit">{t("links.add")}</button>
      </form>
    </Show>
  );
};

export const LinkList: Component<{ links: readonly Link[]; cards: readonly Card[]; commander: Commander }> = (
  props,
) => {
  const text = (id: string) => props.cards.find((c) => c.id === id)?.text.slice(0, 60) ?? id;
  return (
    <Show when={props.links.length > 0}>
      <section aria-labelledby="links-heading">
        <h3 id="links-heading">{t("links.heading")}</h3>
        <ul class="link-list">
          <For each={props.links}>
            {(link) => (
              <li>
                {t("links.describe", { from: text(link.from), label: link.label || "→", to: text(link.to) })}{" "}
                <button type="button" onClick={() => void props.commander.run("link.remove", { linkId: link.id })}>
                  {t("links.remove")}
                  <span class="visually-hidden"> {text(link.from)}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
};

/**
 * Every table of a map at tables side by side, with live counts: the console's
 * overview (follow a table, pick cards to harvest) and the projector's grid.
 */
import { type Component, For, Show } from "solid-js";
import type { Card } from "../../../../party/model/doc";
import { t, tn } from "../i18n";
import type { TableCount } from "./readers";

interface Props {
  counts: readonly TableCount[];
  /** the map's visible cards */
  cards: readonly Card[];
  kinds: readonly { id: string; label: string; color: string }[];
  large?: boolean;
  /** console: cards picked for the harvest */
  picked?: ReadonlySet<string>;
  onPick?: (cardId: string, on: boolean) => void;
  /** console: follow one table */
  onFollow?: (table: string) => void;
}

export const TablesGrid: Component<Props> = (props) => {
  const kindOf = (id: string) => props.kinds.find((k) => k.id === id);
  return (
    <div class="tables-grid" classList={{ "tables-grid--large": props.large }} data-testid="tables-grid">
      <For each={props.counts}>
        {(count) => {
          const here = () => props.cards.filter((c) => c.table === count.table.id);
          const headingId = `table-heading-${count.table.id}`;
          return (
            <section class="tables-grid__table" aria-labelledby={headingId} data-table={count.table.id}>
              <h3 id={headingId} class="tables-grid__title" dir="auto">
                {count.table.label}
              </h3>
              <p class="tables-grid__counts" data-testid={`table-counts-${count.table.id}`}>
                {tn("tables.people", count.people)} · {tn("tables.cards", count.cards)}
              </p>
              <Show when={props.onFollow}>
                {(follow) => (
                  <button type="button" onClick={() => follow()(count.table.id)}>
                    {t("tables.follow")}
                    <span class="visually-hidden"> {count.table.label}</span>
                  </button>
                )}
              </Show>
              <Show when={here().length > 0} fallback={<p class="muted">{t("tables.noCards")}</p>}>
                <ul class="tables-grid__cards">
                  <For each={here()}>
                    {(card) => (
                      <li style={{ "border-left-color": kindOf(card.kind)?.color ?? "#666" }} data-card-id={card.id}>
                        <Show
                          when={props.onPick}
                          fallback={
                            <span dir="auto">
                              {card.text}
                              <Show when={card.supports.length > 0}>
                                <span class="muted"> · {tn("tables.supports", card.supports.length)}</span>
                              </Show>
                            </span>
                          }
                        >
                          {(pick) => (
                            <label class="choice">
                              <input
                                type="checkbox"
                                checked={props.picked?.has(card.id) ?? false}
                                onChange={(e) => pick()(card.id, e.currentTarget.checked)}
                              />
                              <span dir="auto">
                                {card.text}
                                <span class="muted"> · {tn("tables.supports", card.supports.length)}</span>
                              </span>
                            </label>
                          )}
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          );
        }}
      </For>
    </div>
  );
};

/**
 * The map as a table: the keyboard and screen-reader equivalent of the board, with
 * every moderation action — move to lane, hide with a reason, restore, merge
 * duplicates (select cards, pick the one to keep), link two cards with a label.
 */
import { type Component, createMemo, createSignal, For, Show } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import type { Card, Comment, Link } from "../../../../party/model/doc";
import { CommentList } from "../CommentList";
import type { Commander } from "../commander";
import { IdOptions } from "../fields";
import { groupLabel } from "../groups";
import { t } from "../i18n";
import { Table } from "../Table";
import { LinkForm, LinkList } from "./Links";

interface Props {
  cards: readonly Card[];
  links: readonly Link[];
  comments: readonly Comment[];
  lanes: ReadonlyArray<{ id: string; label: string }>;
  kinds: ReadonlyArray<{ id: string; label: string }>;
  groups: readonly StakeholderGroup[];
  commander: Commander;
}

export const CardTable: Component<Props> = (props) => {
  // In the order they were ticked: a link runs from the first card chosen to the second.
  const [selected, setSelected] = createSignal<readonly string[]>([]);
  const [hiding, setHiding] = createSignal<string | null>(null);
  const commentsOf = createMemo(() => {
    const byCard = new Map<string, Comment[]>();
    for (const c of props.comments) byCard.set(c.cardId, [...(byCard.get(c.cardId) ?? []), c]);
    return byCard;
  });
  const laneLabel = createMemo(() => new Map(props.lanes.map((l) => [l.id, l.label])));
  const kindLabel = createMemo(() => new Map(props.kinds.map((k) => [k.id, k.label])));
  const byId = createMemo(() => new Map(props.cards.map((c) => [c.id, c])));
  const selectedCards = () =>
    selected().flatMap((id) => {
      const card = byId().get(id);
      return card && !card.hidden ? [card] : [];
    });
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s.filter((x) => x !== id), id] : s.filter((x) => x !== id)));
  const clear = () => setSelected([]);
  const swap = () => setSelected((s) => [...s].reverse());
  /** The card a merged card went into, for "Merged into …". */
  const mergedInto = (id: string) => props.cards.find((c) => c.mergedFrom?.includes(id));

  return (
    <div class="card-table stack" data-testid="card-table">
      {/* Kept beside the checkboxes as you scroll: what to do with the cards you ticked. */}
      <div class="selection-bar" data-testid="selection-bar">
        <p class="selection-bar__count" role="status">
          {selected().length === 0 ? t("cards.selectHint") : t("cards.selectedCount", { count: selected().length })}
        </p>
        <MergeBar cards={selectedCards()} commander={props.commander} onDone={clear} />
        <LinkForm cards={selectedCards()} commander={props.commander} onDone={clear} onSwap={swap} />
        <Show when={selected().length > 0}>
          <button type="button" onClick={clear}>
            {t("cards.clearSelection")}
          </button>
        </Show>
      </div>
      <Table
        class="data-table--cards"
        caption={t("cards.caption", { count: props.cards.length })}
        headings={[
          t("cards.select"),
          t("cards.text"),
          t("cards.group"),
          t("cards.lane"),
          t("cards.supports"),
          t("cards.actions"),
        ]}
      >
        <For each={props.cards}>
          {(card) => (
            <tr classList={{ "is-hidden-card": card.hidden }} data-card-id={card.id}>
              <td>
                <Show when={selected().indexOf(card.id) >= 0}>
                  <span class="selection-order" aria-hidden="true">
                    {selected().indexOf(card.id) + 1}
                  </span>
                </Show>
                <input
                  type="checkbox"
                  checked={selected().includes(card.id)}
                  disabled={card.hidden}
                  onChange={(e) => toggle(card.id, e.currentTarget.checked)}
                  aria-label={t("cards.selectCard", { text: card.text })}
                />
              </td>
              <th scope="row" class="card-table__text">
                <span class="card-table__kind">{kindLabel().get(card.kind) ?? card.kind}</span>{" "}
                <span dir="auto">{card.text}</span>
                <Show when={card.hidden}>
                  <span class="card-table__hidden">
                    {card.hiddenReason === "merged"
                      ? mergedInto(card.id)
                        ? t("cards.mergedInto", { text: mergedInto(card.id)?.text.slice(0, 80) ?? "" })
                        : t("cards.mergedNote")
                      : t("cards.hiddenBecause", { reason: card.hiddenReason ?? "" })}
                  </span>
                </Show>
                <Show when={card.awaitingReview && !card.hidden}>
                  <span class="card-table__held">
                    {t("cards.awaitingReview")}{" "}
                    <button
                      type="button"
                      onClick={() => void props.commander.run("cards.approve", { cardIds: [card.id] })}
                    >
                      {t("cards.approve")}
                      <span class="visually-hidden"> {card.text}</span>
                    </button>
                  </span>
                </Show>
                <Show when={card.transcribed}>
                  <span class="hint"> {t("cards.transcribed")}</span>
                </Show>
                <Show when={commentsOf().get(card.id)}>
                  {(comments) => (
                    <CommentList
                      class="card-table__comments"
                      label={t("cards.comments")}
                      comments={comments()}
                      groups={props.groups}
                    />
                  )}
                </Show>
              </th>
              <td>{groupLabel(props.groups, card.group)}</td>
              <td>
                <label class="visually-hidden" for={`lane-${card.id}`}>
                  {t("cards.moveTo", { text: card.text })}
                </label>
                <select
                  id={`lane-${card.id}`}
                  value={card.lane}
                  disabled={card.hidden}
                  onChange={(e) =>
                    void props.commander.run("card.move", { cardId: card.id, lane: e.currentTarget.value })
                  }
                >
                  <IdOptions items={props.lanes} selected={card.lane} />
                  <Show when={!laneLabel().has(card.lane)}>
                    <option value={card.lane} selected>
                      {t("board.otherLane")}
                    </option>
                  </Show>
                </select>
              </td>
              <td>{card.supports.length}</td>
              <td>
                <Show
                  when={card.hidden}
                  fallback={
                    <Show
                      when={hiding() === card.id}
                      fallback={
                        <button type="button" onClick={() => setHiding(card.id)}>
                          {t("cards.hide")}
                          <span class="visually-hidden"> {card.text}</span>
                        </button>
                      }
                    >
                      <HideForm card={card} commander={props.commander} onDone={() => setHiding(null)} />
                    </Show>
                  }
                >
                  <button type="button" onClick={() => void props.commander.run("card.restore", { cardId: card.id })}>
                    {t("cards.restore")}
                    <span class="visually-hidden"> {card.text}</span>
                  </button>
                </Show>
              </td>
            </tr>
          )}
        </For>
      </Table>
      <LinkList links={props.links} cards={props.cards} commander={props.commander} />
    </div>
  );
};

const HideForm: Component<{ card: Card; commander: Commander; onDone: () => void }> = (props) => {
  const [reason, setReason] = createSignal("");
  const id = `hide-${props.card.id}`;
  return (
    <form
      class="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!reason().trim()) return;
        const outcome = await props.commander.run("card.hide", { cardId: props.card.id, reason: reason().trim() });
        if (outcome.ok) props.onDone();
      }}
    >
      <label for={id}>{t("cards.hideReason")}</label>
      <input
        id={id}
        type="text"
        required
        maxLength={300}
        value={reason()}
        onInput={(e) => setReason(e.currentTarget.value)}
      />
      <button type="submit">{t("cards.hideConfirm")}</button>
      <button type="button" onClick={props.onDone}>
        {t("common.cancel")}
      </button>
    </form>
  );
};

/** Merge duplicates: the selected cards become one, kept as the card chosen here. */
const MergeBar: Component<{ cards: readonly Card[]; commander: Commander; onDone: () => void }> = (props) => {
  const [into, setInto] = createSignal("");
  const target = () => (props.cards.some((c) => c.id === into()) ? into() : (props.cards[0]?.id ?? ""));
  return (
    <Show when={props.cards.length >= 2}>
      <form
        class="inline-form merge-bar"
        onSubmit={async (e) => {
          e.preventDefault();
          const keep = target();
          const others = props.cards.map((c) => c.id).filter((id) => id !== keep);
          const outcome = await props.commander.run("card.merge", { cardIds: others, into: keep });
          if (outcome.ok) props.onDone();
        }}
      >
        <label for="merge-into">{t("cards.mergeInto", { count: props.cards.length })}</label>
        <select id="merge-into" value={target()} onChange={(e) => setInto(e.currentTarget.value)}>
          <For each={props.cards}>{(c) => <option value={c.id}>{c.text.slice(0, 60)}</option>}</For>
        </select>
        <button type="submit">{t("cards.merge")}</button>
      </form>
    </Show>
  );
};

/**
 * Theme suggestions (`cards.suggest`, party/model/themes.ts): the facilitator asks,
 * the room answers with groups of cards that say much the same thing, and each can
 * be merged into its first card (the existing `card.merge`) or dismissed. Nothing
 * merges without the facilitator's click.
 */
import { type Component, createMemo, createSignal, For, Show } from "solid-js";
import * as v from "valibot";
import { Id } from "../../../../party/model/commands";
import type { Card } from "../../../../party/model/doc";
import type { Commander } from "../commander";
import { t, tn } from "../i18n";

const Suggestions = v.object({ groups: v.array(v.array(Id)) });

interface Props {
  activityId: string;
  /** the cards the facilitator can see on this map (a silent round's included) */
  cards: readonly Card[];
  commander: Commander;
}

export const ThemeSuggestions: Component<Props> = (props) => {
  const [groups, setGroups] = createSignal<string[][] | null>(null);
  const [dismissed, setDismissed] = createSignal<ReadonlySet<string>>(new Set());
  const [asking, setAsking] = createSignal(false);
  const byId = createMemo(() => new Map(props.cards.filter((c) => !c.hidden).map((c) => [c.id, c])));
  /** Suggestions still worth showing: not dismissed, and with two or more cards still on the map. */
  const shown = createMemo(() =>
    (groups() ?? [])
      .map((g) => g.filter((id) => byId().has(id)))
      .filter((g) => g.length >= 2 && !dismissed().has(g.join(" "))),
  );
  const ask = async () => {
    setAsking(true);
    try {
      const outcome = await props.commander.run("cards.suggest", { activityId: props.activityId });
      const parsed = outcome.ok ? v.safeParse(Suggestions, outcome.result) : null;
      if (parsed?.success) {
        setDismissed(new Set<string>());
        setGroups(parsed.output.groups);
      }
    } finally {
      setAsking(false);
    }
  };
  const dismiss = (group: string[]) => setDismissed(new Set([...dismissed(), group.join(" ")]));
  const merge = (group: string[]) => {
    const [into, ...rest] = group;
    if (into) void props.commander.run("card.merge", { cardIds: rest, into });
  };
  return (
    <section class="themes stack" aria-labelledby={`themes-${props.activityId}`} data-testid="themes">
      <h3 id={`themes-${props.activityId}`}>{t("themes.heading")}</h3>
      <p class="hint">{t("themes.hint")}</p>
      <div class="button-row">
        <button type="button" disabled={asking()} onClick={() => void ask()}>
          {t("themes.suggest")}
        </button>
      </div>
      <Show when={groups() !== null}>
        <p role="status">{shown().length === 0 ? t("themes.none") : tn("themes.count", shown().length)}</p>
      </Show>
      <ol class="themes__list">
        <For each={shown()}>
          {(group) => (
            <li class="themes__item" data-testid="theme">
              <ul>
                <For each={group}>{(id) => <li dir="auto">{byId().get(id)?.text}</li>}</For>
              </ul>
              <div class="button-row">
                <button type="button" class="primary" onClick={() => merge(group)}>
                  {t("themes.merge", {
                    card:
                      byId()
                        .get(group[0] ?? "")
                        ?.text.slice(0, 40) ?? "",
                  })}
                </button>
                <button type="button" onClick={() => dismiss(group)}>
                  {t("themes.dismiss")}
                </button>
              </div>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
};

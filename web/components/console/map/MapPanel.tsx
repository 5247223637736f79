/**
 * Moderating a live map: the board (pointer) or the table (keyboard) with the
 * same actions, the mode's stage controls (reveal a silent round, open a
 * community-first round to everyone) and transcription of paper cards.
 */
import { type Component, createMemo, createSignal, Show } from "solid-js";
import type { MapConfig, StakeholderGroup } from "../../../../party/model/commands";
import type { Activity, Card, Comment, Link } from "../../../../party/model/doc";
import { Board } from "../board/Board";
import type { Commander } from "../commander";
import { OpenToAll } from "../facilitator/OpenToAll";
import { t, tn } from "../i18n";
import { useTables } from "../tables/context";
import { MapAtTables } from "../tables/MapAtTables";
import { CardTable } from "./CardTable";
import { ThemeSuggestions } from "./ThemeSuggestions";
import { TranscribeForm } from "./TranscribeForm";

interface Props {
  activity: Activity;
  config: MapConfig;
  cards: readonly Card[];
  /** silent round: cards only facilitators see until the reveal (listed in the table, so they can be moderated) */
  waiting: readonly Card[];
  links: readonly Link[];
  comments: readonly Comment[];
  groups: readonly StakeholderGroup[];
  commander: Commander;
}

export const MapPanel: Component<Props> = (props) => {
  const [view, setView] = createSignal<"board" | "table">("board");
  // tables (#13): on a map at tables the facilitator may follow one table; the board then shows only its cards.
  const tables = useTables();
  const atTables = () => props.config.at === "tables" && tables !== null;
  const [following, setFollowing] = createSignal<string | null>(null);
  const shownCards = createMemo(() => {
    const table = following();
    return atTables() && table ? props.cards.filter((c) => c.table === table) : props.cards;
  });
  const visibleCards = createMemo(() => shownCards().filter((c) => !c.hidden));
  const cardIds = createMemo(() => new Set(visibleCards().map((c) => c.id)));
  const visibleLinks = createMemo(() => props.links.filter((l) => cardIds().has(l.from) && cardIds().has(l.to)));
  const hiddenCount = () => shownCards().length - visibleCards().length;
  const heldIds = createMemo(() => visibleCards().flatMap((c) => (c.awaitingReview ? [c.id] : [])));
  const silentRound = () => props.config.mode === "silent" && !props.activity.cardsRevealed;
  const tableCards = createMemo(() => (silentRound() ? [...shownCards(), ...props.waiting] : shownCards()));
  const run = props.commander.run;
  return (
    <section class="map-panel stack" aria-labelledby="map-panel-title">
      <h2 id="map-panel-title">{props.activity.title}</h2>
      <Show when={props.config.prompt}>
        <p class="prompt">{props.config.prompt}</p>
      </Show>
      <p>
        {tn("map.cardCount", visibleCards().length)}
        <Show when={hiddenCount() > 0}> · {tn("map.hiddenCount", hiddenCount())}</Show>
      </p>
      <Show when={heldIds().length > 0}>
        <div class="notice warn button-row" data-testid="held-cards">
          <span>{tn("map.heldCount", heldIds().length)}</span>
          <button type="button" onClick={() => void run("cards.approve", { cardIds: heldIds().slice(0, 200) })}>
            {t("map.approveAll")}
          </button>
        </div>
      </Show>
      <Show when={silentRound()}>
        <p role="status" data-testid="silent-waiting">
          {tn("map.waitingCount", props.waiting.length)}
        </p>
      </Show>
      <div class="button-row">
        <Show when={props.config.mode === "silent"}>
          <button
            type="button"
            disabled={props.activity.cardsRevealed}
            onClick={() => void run("cards.reveal", { activityId: props.activity.id })}
          >
            {props.activity.cardsRevealed ? t("map.cardsRevealed") : t("map.revealCards")}
          </button>
        </Show>
        <Show when={props.config.mode === "community-first"}>
          <OpenToAll activity={props.activity} commander={props.commander} />
        </Show>
      </div>
      <Show when={atTables() && tables}>
        {(info) => (
          <MapAtTables
            activity={props.activity}
            config={props.config}
            cards={props.cards}
            info={info()}
            following={following()}
            onFollow={setFollowing}
            commander={props.commander}
          />
        )}
      </Show>
      <fieldset class="segmented">
        <legend class="visually-hidden">{t("map.view")}</legend>
        <button type="button" aria-pressed={view() === "board"} onClick={() => setView("board")}>
          {t("map.viewBoard")}
        </button>
        <button type="button" aria-pressed={view() === "table"} onClick={() => setView("table")}>
          {t("map.viewTable")}
        </button>
      </fieldset>
      <Show
        when={view() === "board"}
        fallback={
          <CardTable
            cards={tableCards()}
            links={props.links}
            comments={props.comments}
            lanes={props.config.lanes}
            kinds={props.config.kinds}
            groups={props.groups}
            commander={props.commander}
          />
        }
      >
        <Board
          title={t("map.boardLabel", { title: props.activity.title })}
          lanes={props.config.lanes}
          kinds={props.config.kinds}
          groups={props.groups}
          cards={visibleCards()}
          links={visibleLinks()}
          comments={props.comments}
          onMove={(cardId, to) => void run("card.move", { cardId, ...to })}
        />
      </Show>
      <ThemeSuggestions activityId={props.activity.id} cards={tableCards()} commander={props.commander} />
      <TranscribeForm
        tables={atTables() ? (tables?.tables() ?? []) : undefined}
        table={following()}
        activityId={props.activity.id}
        config={props.config}
        groups={props.groups}
        commander={props.commander}
      />
    </section>
  );
};

/**
 * A service-map activity on a phone: the prompt, a form to add a card, and the cards
 * lane by lane. Lanes are stacked sections with a jump list, which works with screen
 * readers, zoom and keyboards without a custom tab widget.
 *
 * A long map draws only a window of each lane (my own cards first, then the newest) with
 * "show more", and can be narrowed to one lane or to cards with some words: an 800-card
 * map stays a few hundred elements on a phone instead of 16,000 (issue #17).
 */

import { type Component, createMemo, createSignal, For, Show } from "solid-js";
import type { MapConfig } from "../../../../party/model/commands";
import type { Activity } from "../../../../party/model/doc";
import { t, tn } from "../../../lib/i18n";
import { archivedEntries } from "../../../lib/room/archives";
import { rememberWhileActive } from "../AfterClose";
import { useRoom } from "../context";
import { Translated } from "../Translated";
import { CardForm } from "./CardForm";
import { CardItem } from "./CardItem";
import { commentsByCard } from "./Comments";
import { cardsToShow, windowCards } from "./cards";

/** Cards drawn at first across all lanes (each lane gets its share, at least LANE_MIN). */
const FIRST_WINDOW = 48;
const LANE_MIN = 8;
/** "Show more" draws this many more in that lane. */
const MORE = 24;
/** Maps with fewer cards than this need no search or lane filter. */
const FIND_FROM = 12;

export const MapActivity: Component<{ activity: Activity; config: MapConfig }> = (props) => {
  const { room, participantId, me, workshop } = useRoom();
  // perf (#17): a closed map's cards left the live doc; this phone fetches them to show them.
  const archived = archivedEntries(room, () => props.activity.id);
  // Co-delivery (#15): this phone remembers, for itself only, what it raised, supported or voted for.
  rememberWhileActive(useRoom());
  const allCards = createMemo(() =>
    cardsToShow({
      activityId: props.activity.id,
      me: participantId,
      mine: room.own(participantId).cards,
      myGroup: me()?.group ?? "",
      // perf (#17): copied only when a closed map's cards are merged in.
      publicCards: archived()?.cards ? { ...archived()?.cards, ...room.cards() } : room.cards(),
      privateCards: room.privateCards()[props.activity.id],
      pending: room.pending(),
      refused: room.refused(),
    }),
  );
  // tables (#13): on a map at tables a phone shows its own table's cards (and its own cards on their way).
  const atTables = () => props.config.at === "tables";
  const myTable = () => room.myTable();
  const tableLabel = () => workshop()?.tables?.find((tb) => tb.id === myTable())?.label ?? myTable() ?? "";
  const cards = createMemo(() => {
    const all = allCards();
    if (!atTables()) return all;
    const seat = myTable();
    const mine = room.own(participantId).cards;
    return all.filter((c) =>
      c.table === undefined ? c.authorId === participantId || mine.has(c.id) : c.table === seat,
    );
  });
  const comments = createMemo(() => commentsByCard({ ...archived()?.comments, ...room.comments() }));
  const silent = () => props.config.mode === "silent" && !props.activity.cardsRevealed;
  const waitingForCommunity = () =>
    props.config.mode === "community-first" &&
    props.activity.stage === "first" &&
    !props.config.firstGroups.includes(me()?.group ?? "");
  const myTurnFirst = () =>
    props.config.mode === "community-first" && props.activity.stage === "first" && !waitingForCommunity();
  const open = () => props.activity.status === "open" && !workshop()?.locked;
  const canAdd = () => open() && !waitingForCommunity() && (!atTables() || myTable() !== null);
  const [laneFilter, setLaneFilter] = createSignal("");
  const [query, setQuery] = createSignal("");
  const [extra, setExtra] = createSignal<Record<string, number>>({});
  const lanesShown = () => props.config.lanes.filter((lane) => !laneFilter() || lane.id === laneFilter());
  const firstWindow = () => Math.max(LANE_MIN, Math.ceil(FIRST_WINDOW / Math.max(1, lanesShown().length)));
  const laneTotals = createMemo(() => {
    const totals = new Map<string, number>();
    for (const card of cards()) totals.set(card.lane, (totals.get(card.lane) ?? 0) + 1);
    return totals;
  });
  /** Every matching card in the order a lane draws them, sorted once per change rather than once per lane. */
  const ordered = createMemo(
    () =>
      windowCards(cards(), {
        me: participantId,
        mine: room.own(participantId).cards,
        lane: "",
        query: query(),
        limit: Number.POSITIVE_INFINITY,
      }).shown,
  );
  const found = createMemo(() =>
    query().trim() ? ordered().filter((card) => !laneFilter() || card.lane === laneFilter()).length : null,
  );

  return (
    <div class="stack map-activity">
      <Show when={props.config.prompt}>
        <Translated target={`activity.${props.activity.id}.prompt`} original={props.config.prompt} class="prompt" />
      </Show>
      <Show when={atTables()}>
        <Show when={myTable()} fallback={<p class="notice warn">{t("map.noTable")}</p>}>
          <p class="notice" data-testid="my-table">
            {t("map.yourTable", { table: tableLabel() })}
          </p>
        </Show>
      </Show>
      <Show when={silent()}>
        <p class="notice">{t("map.silent")}</p>
      </Show>
      <Show when={waitingForCommunity()}>
        <p class="notice warn">{t("map.communityFirst")}</p>
      </Show>
      <Show when={myTurnFirst()}>
        <p class="notice ok">{t("map.communityFirstMine")}</p>
      </Show>
      <Show when={canAdd()}>
        <CardForm activityId={props.activity.id} config={props.config} />
      </Show>
      <Show when={props.config.lanes.length > 1}>
        <nav aria-label={t("map.lanesNav")} class="lane-nav">
          <ul>
            <For each={props.config.lanes}>
              {(lane) => (
                <li>
                  <a href={`#lane-${lane.id}`}>
                    {lane.label} <span class="muted">({laneTotals().get(lane.id) ?? 0})</span>
                  </a>
                </li>
              )}
            </For>
          </ul>
        </nav>
      </Show>
      <Show when={cards().length >= FIND_FROM}>
        <search class="map-find row" aria-label={t("map.findHeading")}>
          <div class="field">
            <label for="map-query">{t("map.find")}</label>
            <input
              id="map-query"
              type="search"
              value={query()}
              onInput={(event) => setQuery(event.currentTarget.value)}
              aria-describedby="map-found"
            />
          </div>
          <Show when={props.config.lanes.length > 1}>
            <div class="field">
              <label for="map-lane-filter">{t("map.laneFilter")}</label>
              <select
                id="map-lane-filter"
                value={laneFilter()}
                onChange={(event) => setLaneFilter(event.currentTarget.value)}
              >
                <option value="">{t("map.allLanes")}</option>
                <For each={props.config.lanes}>{(l) => <option value={l.id}>{l.label}</option>}</For>
              </select>
            </div>
          </Show>
          <p id="map-found" class="hint" aria-live="polite">
            {found() === null ? "" : tn("map.found", found() ?? 0)}
          </p>
        </search>
      </Show>
      <For each={lanesShown()}>
        {(lane) => {
          const limit = () => firstWindow() + (extra()[lane.id] ?? 0);
          const window = createMemo(() => {
            const inLane = ordered().filter((card) => card.lane === lane.id);
            return { shown: inLane.slice(0, limit()), total: inLane.length };
          });
          const total = () => laneTotals().get(lane.id) ?? 0;
          return (
            <section class="lane" id={`lane-${lane.id}`} aria-labelledby={`lane-heading-${lane.id}`} tabindex="-1">
              <h2 id={`lane-heading-${lane.id}`} class="lane-heading">
                {lane.label} <span class="muted lane-count">{tn("map.laneCount", total())}</span>
              </h2>
              <Show
                when={window().shown.length > 0}
                fallback={<p class="muted">{total() > 0 ? t("map.noMatch") : t("map.empty")}</p>}
              >
                <ul class="card-list">
                  <For each={window().shown}>
                    {(card) => (
                      <CardItem
                        card={card}
                        config={props.config}
                        open={open()}
                        comments={comments().get(card.id) ?? []}
                      />
                    )}
                  </For>
                </ul>
              </Show>
              <Show when={window().total > window().shown.length}>
                <p class="muted">{t("map.showing", { shown: window().shown.length, total: window().total })}</p>
                <button
                  type="button"
                  class="show-more"
                  onClick={() => setExtra((all) => ({ ...all, [lane.id]: (all[lane.id] ?? 0) + MORE }))}
                >
                  {t("map.showMore")}
                </button>
              </Show>
            </section>
          );
        }}
      </For>
    </div>
  );
};

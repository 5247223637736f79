/**
 * The live map on the projector, read from the back of the room: one column per
 * lane, whole lane titles, card text at 24 px or more. What does not fit is
 * counted ("+4 more"), newest first, so the page never scrolls. Cards a map holds
 * for review stay off until a facilitator approves them.
 */
import { type Component, createMemo, For, Show } from "solid-js";
import type { MapConfig, StakeholderGroup } from "../../../../party/model/commands";
import type { Card } from "../../../../party/model/doc";
import { groupBadge, groupColour, groupLabel } from "../groups";
import { t, tn } from "../i18n";
import { createFit } from "./fit";
import { Second, useSecondLanguage } from "./SecondLanguage";

type Lane = MapConfig["lanes"][number];
type CardKind = MapConfig["kinds"][number];

interface Props {
  title: string;
  /** the map's activity, for its lanes', kinds' and cards' translations */
  activityId: string;
  lanes: readonly Lane[];
  kinds: readonly CardKind[];
  groups: readonly StakeholderGroup[];
  /** the map's visible cards (not hidden, not held) */
  cards: readonly Card[];
  held: number;
}

const ScreenLane: Component<{
  activityId: string;
  lane: Lane;
  cards: readonly Card[];
  kinds: Props["kinds"];
  groups: Props["groups"];
}> = (props) => {
  const second = useSecondLanguage();
  // A translation arriving makes a card taller: it re-fits the lane like a new card does.
  const fit = createFit(() => props.cards.map((c) => c.id + c.text + (second()?.text(`card.${c.id}`) ?? "")).join());
  return (
    <section class="screen-lane" aria-label={props.lane.label}>
      <h3 class="screen-lane__title" dir="auto">
        {props.lane.label}
        <Second target={`lane.${props.activityId}.${props.lane.id}`} />
      </h3>
      <ul class="screen-lane__cards" ref={fit.ref}>
        <For each={props.cards}>
          {(card) => {
            const kind = () => props.kinds.find((k) => k.id === card.kind);
            return (
              <li
                class="screen-card"
                data-card-id={card.id}
                style={{ "border-left-color": kind()?.color ?? "#888888" }}
              >
                <span class="visually-hidden">{kind()?.label ?? card.kind}: </span>
                <p class="screen-card__text" dir="auto">
                  {card.text}
                </p>
                <Second target={`card.${card.id}`} class="screen-card__text" />
                <p class="screen-card__meta">
                  <span
                    class="group-badge"
                    style={{ background: groupColour(props.groups, card.group) }}
                    title={groupLabel(props.groups, card.group)}
                  >
                    {groupBadge(props.groups, card.group)}
                  </span>
                  <Show when={card.supports.length > 0}>
                    <span>{tn("board.supports", card.supports.length)}</span>
                  </Show>
                </p>
              </li>
            );
          }}
        </For>
      </ul>
      <p class="screen-lane__more" data-testid="lane-more">
        {fit.hidden() > 0 ? tn("screen.moreCards", fit.hidden()) : ""}
      </p>
    </section>
  );
};

export const ScreenMap: Component<Props> = (props) => {
  const second = useSecondLanguage();
  const byLane = createMemo(() => {
    const lanes = new Map<string, Card[]>(props.lanes.map((l) => [l.id, []]));
    for (const card of props.cards) lanes.get(card.lane)?.push(card);
    // Newest first: a card someone has just added is the one they look for.
    for (const cards of lanes.values()) cards.sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
    return lanes;
  });
  return (
    <div class="screen-map-wrap">
      <section
        class="screen-map"
        aria-label={props.title}
        data-testid="board"
        data-card-count={props.cards.length}
        style={{ "--lanes": String(Math.max(1, props.lanes.length)) }}
      >
        <For each={props.lanes}>
          {(lane) => (
            <ScreenLane
              activityId={props.activityId}
              lane={lane}
              cards={byLane().get(lane.id) ?? []}
              kinds={props.kinds}
              groups={props.groups}
            />
          )}
        </For>
      </section>
      <Show when={second()}>
        {/* With a second language the kinds of card get a key, so their translations can be read too. */}
        <ul class="screen-kinds" aria-label={t("screen.kindsHeading")} data-testid="screen-kinds">
          <For each={props.kinds}>
            {(kind) => (
              <li class="screen-kind" style={{ "border-left-color": kind.color ?? "#888888" }}>
                <span dir="auto">{kind.label}</span>
                <Second target={`kind.${props.activityId}.${kind.id}`} />
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.held > 0}>
        <p class="screen-held" data-testid="screen-held">
          {tn("screen.heldCards", props.held)}
        </p>
      </Show>
    </div>
  );
};

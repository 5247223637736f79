/**
 * A service-map activity on a phone: the prompt, a form to add a card, and the cards
 * lane by lane. Lanes are stacked sections with a jump list, which works with screen
 * readers, zoom and keyboards without a custom tab widget.
 */
import { type Component, createMemo, For, Show } from "solid-js";
import type { MapConfig } from "../../../../party/model/commands";
import type { Activity } from "../../../../party/model/doc";
import { t, tn } from "../../../lib/i18n";
import { useRoom } from "../context";
import { CardForm } from "./CardForm";
import { CardItem } from "./CardItem";
import { commentsByCard } from "./Comments";
import { cardsToShow } from "./cards";

export const MapActivity: Component<{ activity: Activity; config: MapConfig }> = (props) => {
  const { room, participantId, me, workshop } = useRoom();
  const cards = createMemo(() =>
    cardsToShow({
      activityId: props.activity.id,
      me: participantId,
      myGroup: me()?.group ?? "",
      publicCards: room.cards(),
      privateCards: room.privateCards()[props.activity.id],
      pending: room.pending(),
      refused: room.refused(),
    }),
  );
  const comments = createMemo(() => commentsByCard(room.comments()));
  const silent = () => props.config.mode === "silent" && !props.activity.cardsRevealed;
  const waitingForCommunity = () =>
    props.config.mode === "community-first" &&
    props.activity.stage === "first" &&
    !props.config.firstGroups.includes(me()?.group ?? "");
  const myTurnFirst = () =>
    props.config.mode === "community-first" && props.activity.stage === "first" && !waitingForCommunity();
  const open = () => props.activity.status === "open" && !workshop()?.locked;
  const canAdd = () => open() && !waitingForCommunity();

  return (
    <div class="stack map-activity">
      <Show when={props.config.prompt}>
        <p class="prompt">{props.config.prompt}</p>
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
                    {lane.label} <span class="muted">({cards().filter((c) => c.lane === lane.id).length})</span>
                  </a>
                </li>
              )}
            </For>
          </ul>
        </nav>
      </Show>
      <For each={props.config.lanes}>
        {(lane) => {
          const inLane = () => cards().filter((card) => card.lane === lane.id);
          return (
            <section class="lane" id={`lane-${lane.id}`} aria-labelledby={`lane-heading-${lane.id}`} tabindex="-1">
              <h2 id={`lane-heading-${lane.id}`} class="lane-heading">
                {lane.label} <span class="muted lane-count">{tn("map.laneCount", inLane().length)}</span>
              </h2>
              <Show when={inLane().length > 0} fallback={<p class="muted">{t("map.empty")}</p>}>
                <ul class="card-list">
                  <For each={inLane()}>
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
            </section>
          );
        }}
      </For>
    </div>
  );
};

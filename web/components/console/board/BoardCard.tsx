/** One card on the board: its text, kind (colour bar and, for screen readers, words), group badge and counts. */
import { type Component, Show } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import type { Card } from "../../../../party/model/doc";
import { groupBadge, groupColour, groupLabel } from "../groups";
import { tn } from "../i18n";

interface Props {
  card: Card;
  kind: { label: string; color: string } | undefined;
  groups: readonly StakeholderGroup[];
  comments: number;
  transform: string;
  fresh: boolean;
  dragging: boolean;
  movable: boolean;
}

export const BoardCard: Component<Props> = (props) => (
  <li
    class="board-card"
    classList={{
      "board-card--new": props.fresh,
      "board-card--dragging": props.dragging,
      "board-card--movable": props.movable,
    }}
    style={{ transform: props.transform, "border-left-color": props.kind?.color ?? "#888888" }}
    data-card-id={props.card.id}
  >
    <span class="visually-hidden">{props.kind?.label ?? props.card.kind}: </span>
    <p class="board-card__text">{props.card.text}</p>
    <span class="board-card__meta">
      <span class="group-badge" style={{ background: groupColour(props.groups, props.card.group) }} aria-hidden="true">
        {groupBadge(props.groups, props.card.group)}
      </span>
      <span class="visually-hidden">{groupLabel(props.groups, props.card.group)}</span>
      <span class="board-card__counts">
        <Show when={props.card.supports.length > 0}>
          <span>{tn("board.supports", props.card.supports.length)}</span>
        </Show>
        <Show when={props.comments > 0}>
          <span>{tn("board.comments", props.comments)}</span>
        </Show>
      </span>
    </span>
  </li>
);

/** A card's comments, each with its writer's group (never a name), as the console and the report list them. */
import { type Component, For } from "solid-js";
import type { StakeholderGroup } from "../../../party/model/commands";
import { groupLabel } from "./groups";

export const CommentList: Component<{
  comments: readonly { text: string; group: string }[];
  groups: readonly StakeholderGroup[];
  class: string;
  label?: string;
}> = (props) => (
  <ul class={props.class} aria-label={props.label}>
    <For each={props.comments}>
      {(comment) => (
        <li>
          <span dir="auto">{comment.text}</span> <span class="hint">({groupLabel(props.groups, comment.group)})</span>
        </li>
      )}
    </For>
  </ul>
);

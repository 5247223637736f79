/** Comments on a card, folded away until opened so a long map stays scannable. */
import { type Component, createSignal, For, Show } from "solid-js";
import type { Comment } from "../../../../party/model/doc";
import { groupLabel } from "../../../lib/groups";
import { t, tn } from "../../../lib/i18n";
import { CommandStatus } from "../CommandStatus";
import { useRoom } from "../context";

/** Comments grouped by card once per change, not filtered again by every card. */
export function commentsByCard(all: Record<string, Comment>): Map<string, Comment[]> {
  const byCard = new Map<string, Comment[]>();
  for (const comment of Object.values(all)) {
    const list = byCard.get(comment.cardId) ?? [];
    list.push(comment);
    byCard.set(comment.cardId, list);
  }
  for (const list of byCard.values()) list.sort((a, b) => a.createdAt - b.createdAt);
  return byCard;
}

export const Comments: Component<{ cardId: string; comments: Comment[]; open: boolean }> = (props) => {
  const { room, participantId, workshop } = useRoom();
  const [text, setText] = createSignal("");
  const [lastId, setLastId] = createSignal<string | null>(null);
  // perf (#17): the thread and its form are drawn when the person opens them, not for every card
  // of a long map (they were most of what a card arriving cost a slow phone).
  const [unfolded, setUnfolded] = createSignal(false);
  const comments = () => props.comments;
  const inputId = () => `comment-${props.cardId}`;
  const send = (event: SubmitEvent): void => {
    event.preventDefault();
    const body = text().trim();
    if (!body) return;
    setLastId(room.send("comment.add", { cardId: props.cardId, text: body }).id);
    setText("");
  };
  return (
    <Show when={props.open || comments().length > 0}>
      <details class="comments" onToggle={(event) => setUnfolded(event.currentTarget.open)}>
        <summary>{tn("map.comments", comments().length)}</summary>
        <Show when={unfolded()}>
          <ul class="comment-list" aria-label={t("map.commentsHeading")}>
            <For each={comments()}>
              {(comment) => (
                <li>
                  <span class="muted">
                    {room.own(participantId).comments.has(comment.id)
                      ? t("map.myComment")
                      : workshop()?.showNames
                        ? t("map.byName", {
                            name: comment.authorName,
                            group: groupLabel(comment.group, workshop()?.groups),
                          })
                        : groupLabel(comment.group, workshop()?.groups)}
                    :
                  </span>{" "}
                  <span dir="auto">{comment.text}</span>
                </li>
              )}
            </For>
          </ul>
          <Show when={props.open}>
            <form class="stack" onSubmit={send}>
              <label for={inputId()}>{t("map.commentLabel")}</label>
              <textarea
                id={inputId()}
                rows={2}
                value={text()}
                onInput={(event) => setText(event.currentTarget.value)}
              />
              <div class="row">
                <button type="submit">{t("map.commentSend")}</button>
                <CommandStatus id={lastId()} />
              </div>
            </form>
          </Show>
        </Show>
      </details>
    </Show>
  );
};

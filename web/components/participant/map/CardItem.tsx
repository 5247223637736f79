/**
 * One card: its type, text and who it is from (group always; name only where the
 * workshop shows names). My own cards can be edited or deleted while the activity is
 * open; others' cards can be supported and commented on.
 */
import { type Component, createSignal, Show } from "solid-js";
import type { MapConfig } from "../../../../party/model/commands";
import type { Comment } from "../../../../party/model/doc";
import { groupLabel } from "../../../lib/groups";
import { t, tn } from "../../../lib/i18n";
import { CommandStatus } from "../CommandStatus";
import { useRoom } from "../context";
import { Translated } from "../Translated";
import { Comments } from "./Comments";
import { kindOf, type ShownCard } from "./cards";

export const CardItem: Component<{ card: ShownCard; config: MapConfig; open: boolean; comments: Comment[] }> = (
  props,
) => {
  const { room, participantId, workshop } = useRoom();
  const [editing, setEditing] = createSignal(false);
  const [lastId, setLastId] = createSignal<string | null>(props.card.pendingId ?? props.card.refusedId ?? null);
  const unsaved = () => !!(props.card.pendingId || props.card.refusedId);
  // privacy (#12): the shared doc names nobody; what is mine comes privately (room.own).
  const own = () => room.own(participantId);
  const mine = () => own().cards.has(props.card.id) || props.card.authorId === participantId;
  const kind = () => kindOf(props.config.kinds, props.card.kind);
  const supported = () => own().supports.has(props.card.id);
  const author = () => {
    const group = groupLabel(props.card.group, workshop()?.groups);
    if (mine()) return t("map.mine");
    return workshop()?.showNames && props.card.authorName
      ? t("map.byName", { name: props.card.authorName, group })
      : t("map.byGroup", { group });
  };
  const headingId = () => `card-${props.card.id}`;

  const remove = (): void => {
    if (!confirm(t("map.deleteConfirm"))) return;
    setLastId(room.send("card.delete", { cardId: props.card.id }).id);
  };

  return (
    <li
      class="card"
      classList={{ mine: mine(), pending: !!props.card.pendingId, refused: !!props.card.refusedId }}
      aria-labelledby={headingId()}
    >
      <div class="card-meta">
        <span class="kind-badge">
          <span class="swatch" aria-hidden="true" style={{ "background-color": kind()?.color ?? "#888888" }} />
          {kind()?.label ?? props.card.kind}
        </span>
        <span class="author">{author()}</span>
      </div>
      <Show
        when={editing()}
        fallback={
          <Translated target={`card.${props.card.id}`} original={props.card.text} class="card-text" id={headingId()} />
        }
      >
        <EditCard
          card={props.card}
          maxLength={props.config.maxLength}
          onDone={(id) => {
            if (id) setLastId(id);
            setEditing(false);
          }}
        />
      </Show>
      <Show when={props.card.hidden}>
        <p class="notice warn">{t("map.hidden", { reason: props.card.hiddenReason ?? "" })}</p>
      </Show>
      <Show when={props.card.transcribed}>
        <p class="muted">{t("map.transcribed")}</p>
      </Show>
      <Show when={!unsaved()}>
        <div class="card-actions row">
          <Show
            when={mine()}
            fallback={
              <button
                type="button"
                class="support"
                aria-pressed={supported()}
                disabled={!props.open}
                onClick={() => setLastId(room.send("card.support", { cardId: props.card.id, on: !supported() }).id)}
              >
                <span aria-hidden="true">+1</span>
                {supported() ? t("map.supported") : t("map.support")}
                <span class="muted">({props.card.supports.length})</span>
              </button>
            }
          >
            <Show when={props.open && !editing()}>
              <button type="button" onClick={() => setEditing(true)}>
                {t("map.edit")}
              </button>
              <button type="button" class="danger" onClick={remove}>
                {t("map.delete")}
              </button>
            </Show>
            <Show when={props.card.supports.length > 0}>
              <span class="muted">{tn("map.supports", props.card.supports.length)}</span>
            </Show>
          </Show>
        </div>
      </Show>
      <CommandStatus id={lastId()} />
      <Show when={props.card.refusedId}>
        {(id) => (
          <div class="row">
            <span class="hint">{t("map.refusedHelp")}</span>
            <button type="button" onClick={() => room.dismiss(id())}>
              {t("map.dismiss")}
            </button>
          </div>
        )}
      </Show>
      <Show when={!unsaved()}>
        <Comments cardId={props.card.id} comments={props.comments} open={props.open} />
      </Show>
    </li>
  );
};

const EditCard: Component<{ card: ShownCard; maxLength: number; onDone: (id: string | null) => void }> = (props) => {
  const { room } = useRoom();
  const [text, setText] = createSignal(props.card.text);
  const left = () => props.maxLength - text().trim().length;
  const inputId = () => `edit-${props.card.id}`;
  const save = (event: SubmitEvent): void => {
    event.preventDefault();
    const body = text().trim();
    if (!body || left() < 0) return;
    props.onDone(body === props.card.text ? null : room.send("card.edit", { cardId: props.card.id, text: body }).id);
  };
  return (
    <form class="stack edit-card" onSubmit={save}>
      <label for={inputId()}>{t("map.editLabel")}</label>
      <textarea
        id={inputId()}
        rows={3}
        value={text()}
        ref={(el) => queueMicrotask(() => el.focus())}
        onInput={(event) => setText(event.currentTarget.value)}
        aria-describedby={`${inputId()}-count`}
        aria-invalid={left() < 0 ? "true" : undefined}
      />
      <span id={`${inputId()}-count`} class="hint" classList={{ "field-error": left() < 0 }}>
        {left() >= 0 ? tn("map.charsLeft", left()) : tn("map.charsOver", -left())}
      </span>
      <div class="row">
        <button type="submit" class="primary">
          {t("common.save")}
        </button>
        <button type="button" onClick={() => props.onDone(null)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
};

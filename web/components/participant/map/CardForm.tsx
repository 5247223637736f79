/** Add a card: section, type, text with a live character count against the map's limit. */
import { type Component, createSignal, For, Show } from "solid-js";
import type { MapConfig } from "../../../../party/model/commands";
import { t, tn } from "../../../lib/i18n";
import { CommandStatus } from "../CommandStatus";
import { useRoom } from "../context";

export const CardForm: Component<{ activityId: string; config: MapConfig }> = (props) => {
  const { room } = useRoom();
  const [lane, setLane] = createSignal(props.config.lanes[0]?.id ?? "");
  const [kind, setKind] = createSignal(props.config.kinds[0]?.id ?? "");
  const [text, setText] = createSignal("");
  const [lastId, setLastId] = createSignal<string | null>(null);
  const left = () => props.config.maxLength - text().trim().length;
  let textarea: HTMLTextAreaElement | undefined;

  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const body = text().trim();
    if (!body || left() < 0) {
      textarea?.focus();
      return;
    }
    const sent = room.send("card.add", { activityId: props.activityId, lane: lane(), kind: kind(), text: body });
    setLastId(sent.id);
    setText("");
    textarea?.focus();
  };

  return (
    <form class="card-form stack" onSubmit={submit} aria-labelledby="add-card-heading">
      <h2 id="add-card-heading">{t("map.addHeading")}</h2>
      <Show when={props.config.lanes.length > 1}>
        <div class="field">
          <label for="card-lane">{t("map.laneLabel")}</label>
          <select id="card-lane" value={lane()} onChange={(event) => setLane(event.currentTarget.value)}>
            <For each={props.config.lanes}>{(l) => <option value={l.id}>{l.label}</option>}</For>
          </select>
        </div>
      </Show>
      <Show when={props.config.kinds.length > 1}>
        <fieldset class="field kinds">
          <legend>{t("map.kindLabel")}</legend>
          <div class="kind-choices">
            <For each={props.config.kinds}>
              {(k) => (
                <label class="choice kind-choice">
                  <input
                    type="radio"
                    name="card-kind"
                    value={k.id}
                    checked={kind() === k.id}
                    onChange={() => setKind(k.id)}
                  />
                  <span class="swatch" aria-hidden="true" style={{ "background-color": k.color }} />
                  <span>{k.label}</span>
                </label>
              )}
            </For>
          </div>
        </fieldset>
      </Show>
      <div class="field">
        <label for="card-text">{t("map.textLabel")}</label>
        <span class="hint" id="card-text-help">
          {t("map.textHelp")}
        </span>
        <textarea
          ref={textarea}
          id="card-text"
          rows={3}
          value={text()}
          onInput={(event) => setText(event.currentTarget.value)}
          aria-describedby="card-text-help card-text-count"
          aria-invalid={left() < 0 ? "true" : undefined}
        />
        <span id="card-text-count" class="hint" classList={{ "field-error": left() < 0 }}>
          {left() >= 0 ? tn("map.charsLeft", left()) : tn("map.charsOver", -left())}
        </span>
      </div>
      <div class="row">
        <button type="submit" class="primary">
          {t("map.add")}
        </button>
        <CommandStatus id={lastId()} />
      </div>
    </form>
  );
};

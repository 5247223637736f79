/**
 * The agenda: activities in order with the current one marked, and everything a
 * facilitator does to it — open, close, reveal, reorder, configure, remove, add —
 * before or during the workshop. Selecting an activity shows it in the main panel
 * without opening it for participants.
 */
import { type Component, createMemo, createSignal, For, Show } from "solid-js";
import type { ActivityKind, StakeholderGroup } from "../../../../party/model/commands";
import type { Activity } from "../../../../party/model/doc";
import type { Commander } from "../commander";
import { SelectField, TextField } from "../fields";
import { t } from "../i18n";
import { ActivityEditor } from "./ActivityEditor";
import { defaultConfig } from "./defaults";

interface Props {
  agenda: readonly Activity[];
  currentId: string | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  groups: readonly StakeholderGroup[];
  commander: Commander;
  closed: boolean;
}

export const AgendaPanel: Component<Props> = (props) => {
  const [editing, setEditing] = createSignal<string | null>(null);
  const maps = () => props.agenda.filter((a) => a.kind === "map");
  const byId = createMemo(() => new Map(props.agenda.map((a) => [a.id, a])));
  const run = props.commander.run;
  const remove = (a: Activity) => {
    if (window.confirm(t("agenda.removeConfirm", { title: a.title })))
      void run("activity.remove", { activityId: a.id });
  };
  return (
    <nav class="agenda stack" aria-labelledby="agenda-title" data-testid="agenda">
      <h2 id="agenda-title">{t("agenda.heading")}</h2>
      <ol class="agenda__list">
        {/* Keyed by id, not by object: the room replaces an activity's object on every change
            (turnout, say), and an open editor must not lose what is being typed. */}
        <For each={props.agenda.map((activity) => activity.id)}>
          {(id, i) => (
            <Show when={byId().get(id)}>
              {(activity) => (
                <li
                  class="agenda__item"
                  classList={{
                    "agenda__item--current": activity().id === props.currentId,
                    "agenda__item--selected": activity().id === props.selectedId,
                  }}
                  aria-current={activity().id === props.currentId ? "step" : undefined}
                  data-activity-id={activity().id}
                >
                  <button
                    type="button"
                    class="agenda__title link-button"
                    onClick={() => props.onSelect(activity().id)}
                    aria-pressed={activity().id === props.selectedId}
                  >
                    <span>{activity().title}</span>
                    <span class="agenda__meta">
                      {t(`kind.${activity().kind}`)} · {t(`activityStatus.${activity().status}`)}
                      {activity().plannedMinutes
                        ? ` · ${t("agenda.minutesShort", { count: activity().plannedMinutes ?? 0 })}`
                        : ""}
                      {activity().id === props.currentId ? ` · ${t("agenda.current")}` : ""}
                    </span>
                  </button>
                  <div class="button-row">
                    {/* Open, or close what is open: one button whose words and command follow the status. */}
                    <button
                      type="button"
                      disabled={props.closed}
                      onClick={() =>
                        void run(activity().status === "open" ? "activity.close" : "activity.open", {
                          activityId: activity().id,
                        })
                      }
                    >
                      {activity().status === "open" ? t("agenda.close") : t("agenda.open")}
                      <span class="visually-hidden"> {activity().title}</span>
                    </button>
                    <Show
                      when={activity().kind === "vote" && activity().status !== "draft" && !activity().resultsRevealed}
                    >
                      <button type="button" onClick={() => void run("results.reveal", { activityId: activity().id })}>
                        {t("agenda.reveal")}
                        <span class="visually-hidden"> {activity().title}</span>
                      </button>
                    </Show>
                    <button
                      type="button"
                      disabled={i() === 0}
                      onClick={() => void run("activity.move", { activityId: activity().id, index: i() - 1 })}
                      aria-label={t("agenda.moveUp", { title: activity().title })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      disabled={i() === props.agenda.length - 1}
                      onClick={() => void run("activity.move", { activityId: activity().id, index: i() + 1 })}
                      aria-label={t("agenda.moveDown", { title: activity().title })}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      onClick={() => setEditing(editing() === activity().id ? null : activity().id)}
                      aria-expanded={editing() === activity().id}
                    >
                      {t("agenda.configure")}
                      <span class="visually-hidden"> {activity().title}</span>
                    </button>
                    <button
                      type="button"
                      class="danger"
                      onClick={() => remove(activity())}
                      disabled={activity().status === "open"}
                    >
                      {t("common.remove")}
                      <span class="visually-hidden"> {activity().title}</span>
                    </button>
                  </div>
                  <Show when={editing() === activity().id}>
                    <ActivityEditor
                      activity={activity()}
                      groups={props.groups}
                      maps={maps()}
                      commander={props.commander}
                      onDone={() => setEditing(null)}
                    />
                  </Show>
                </li>
              )}
            </Show>
          )}
        </For>
      </ol>
      <AddActivity commander={props.commander} disabled={props.closed} />
    </nav>
  );
};

const AddActivity: Component<{ commander: Commander; disabled: boolean }> = (props) => {
  const [kind, setKind] = createSignal<ActivityKind>("map");
  const [title, setTitle] = createSignal("");
  const add = async (e: SubmitEvent) => {
    e.preventDefault();
    const name = title().trim() || t(`kind.${kind()}`);
    const outcome = await props.commander.run("activity.add", {
      kind: kind(),
      title: name,
      config: defaultConfig(kind()),
    });
    if (outcome.ok) setTitle("");
  };
  return (
    <form class="agenda__add stack" onSubmit={add} aria-labelledby="add-activity-title">
      <h3 id="add-activity-title">{t("agenda.addHeading")}</h3>
      <SelectField
        label={t("agenda.kind")}
        value={kind()}
        onChange={setKind}
        options={(["map", "vote", "feedback", "info"] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
      />
      <TextField label={t("agenda.newTitle")} value={title()} onInput={setTitle} />
      <button type="submit" disabled={props.disabled}>
        {t("agenda.add")}
      </button>
    </form>
  );
};

/**
 * Configure one activity (before or during the workshop). Edits stay in a local
 * draft until saved; the draft is checked with the same parser the room uses, so
 * a mistake is explained here instead of being refused later.
 */
import { type Component, createSignal, Match, Switch } from "solid-js";
import { type ConfigByKind, parseActivityConfig } from "../../../../party/model/activity-config";
import type { FeedbackConfig, MapConfig, StakeholderGroup, VoteConfig } from "../../../../party/model/commands";
import type { Activity } from "../../../../party/model/doc";
import type { Commander } from "../commander";
import { ErrorAlert } from "../ErrorAlert";
import { NumberField, TextField } from "../fields";
import { t } from "../i18n";
import { defaultConfig } from "./defaults";
import { FeedbackConfigEditor } from "./FeedbackConfigEditor";
import { MapConfigEditor } from "./MapConfigEditor";
import { VoteConfigEditor } from "./VoteConfigEditor";

interface Props {
  activity: Activity;
  groups: readonly StakeholderGroup[];
  maps: readonly Activity[];
  commander: Commander;
  onDone: () => void;
}

export const ActivityEditor: Component<Props> = (props) => {
  const initial = parseActivityConfig(props.activity.kind, props.activity.config);
  const [title, setTitle] = createSignal(props.activity.title);
  const [config, setConfig] = createSignal<ConfigByKind[keyof ConfigByKind]>(
    initial.ok ? initial.config : defaultConfig(props.activity.kind),
  );
  const [problem, setProblem] = createSignal(initial.ok ? "" : initial.message);
  // 0 means "no planned time" (the room clears it with null).
  const [planned, setPlanned] = createSignal(props.activity.plannedMinutes ?? 0);

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const checked = parseActivityConfig(props.activity.kind, config());
    if (!checked.ok) return setProblem(checked.message);
    if (!title().trim()) return setProblem(t("editor.errorTitle"));
    setProblem("");
    // Settings are fixed once the activity has opened; the title and planned minutes never are.
    const outcome = await props.commander.run("activity.update", {
      activityId: props.activity.id,
      title: title().trim(),
      plannedMinutes: planned() > 0 ? planned() : null,
      ...(props.activity.status === "draft" ? { config: checked.config } : {}),
    });
    if (outcome.ok) props.onDone();
    else setProblem(outcome.error.message);
  };

  return (
    <form
      class="activity-editor stack"
      onSubmit={save}
      aria-label={t("editor.heading", { title: props.activity.title })}
    >
      <h3>{t("editor.heading", { title: props.activity.title })}</h3>
      <TextField label={t("editor.title")} value={title()} onInput={setTitle} required />
      <NumberField label={t("agenda.plannedMinutes")} value={planned()} min={0} max={240} onInput={setPlanned} />
      <Switch>
        <Match when={props.activity.kind === "map"}>
          <MapConfigEditor config={config() as MapConfig} groups={props.groups} onChange={setConfig} />
        </Match>
        <Match when={props.activity.kind === "vote"}>
          <VoteConfigEditor
            config={config() as VoteConfig}
            groups={props.groups}
            maps={props.maps}
            onChange={setConfig}
          />
        </Match>
        <Match when={props.activity.kind === "feedback"}>
          <FeedbackConfigEditor config={config() as FeedbackConfig} onChange={setConfig} />
        </Match>
        <Match when={props.activity.kind === "info"}>
          <TextField
            label={t("editor.infoText")}
            value={(config() as { prompt: string }).prompt}
            onInput={(prompt) => setConfig({ prompt })}
            multiline
            maxLength={4000}
          />
        </Match>
      </Switch>
      <ErrorAlert message={problem()} />
      <div class="button-row">
        <button type="submit" class="primary">
          {t("editor.save")}
        </button>
        <button type="button" onClick={props.onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
};

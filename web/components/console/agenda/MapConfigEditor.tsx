/** Editing a map: prompt, lanes, card kinds, mode (open / silent / community-first), links, length. */
import { type Component, For, Show } from "solid-js";
import type { MapConfig, StakeholderGroup } from "../../../../party/model/commands";
import { CheckField, ColourField, NumberField, SelectField, TextField } from "../fields";
import { t } from "../i18n";
import { ListEditor } from "./ListEditor";

interface Props {
  config: MapConfig;
  groups: readonly StakeholderGroup[];
  onChange: (config: MapConfig) => void;
}

export const MapConfigEditor: Component<Props> = (props) => {
  const set = (patch: Partial<MapConfig>) => props.onChange({ ...props.config, ...patch });
  const toggleFirst = (group: string, on: boolean) =>
    set({
      firstGroups: on ? [...props.config.firstGroups, group] : props.config.firstGroups.filter((g) => g !== group),
    });
  return (
    <div class="stack">
      <TextField
        label={t("editor.prompt")}
        value={props.config.prompt}
        onInput={(prompt) => set({ prompt })}
        multiline
      />
      <ListEditor
        legend={t("editor.lanes")}
        items={props.config.lanes}
        onChange={(lanes) => set({ lanes })}
        idPrefix="lane"
        min={1}
        max={20}
        newItem={(id) => ({ id, label: t("editor.newLane") })}
        fields={(lane, update, i) => (
          <TextField
            compact
            label={t("editor.laneLabel", { n: i + 1 })}
            value={lane().label}
            onInput={(label) => update({ label })}
          />
        )}
      />
      <ListEditor
        legend={t("editor.kinds")}
        items={props.config.kinds}
        onChange={(kinds) => set({ kinds })}
        idPrefix="kind"
        min={1}
        max={20}
        newItem={(id) => ({ id, label: t("editor.newKind"), color: "#3d4a5c" })}
        fields={(kind, update, i) => (
          <>
            <TextField
              compact
              label={t("editor.kindLabel", { n: i + 1 })}
              value={kind().label}
              onInput={(label) => update({ label })}
            />
            <ColourField
              label={t("editor.kindColour", { n: i + 1 })}
              value={kind().color}
              onInput={(color) => update({ color })}
            />
          </>
        )}
      />
      <SelectField
        label={t("editor.mode")}
        value={props.config.mode}
        onChange={(mode) => set({ mode: mode as MapConfig["mode"] })}
        options={[
          { value: "open", label: t("editor.modeOpen") },
          { value: "silent", label: t("editor.modeSilent") },
          { value: "community-first", label: t("editor.modeCommunityFirst") },
        ]}
      />
      <Show when={props.config.mode === "community-first"}>
        <fieldset>
          <legend>{t("editor.firstGroups")}</legend>
          <For each={props.groups}>
            {(g) => (
              <CheckField
                label={g.label}
                checked={props.config.firstGroups.includes(g.id)}
                onChange={(on) => toggleFirst(g.id, on)}
              />
            )}
          </For>
        </fieldset>
      </Show>
      <CheckField
        label={t("editor.allowLinks")}
        checked={props.config.allowLinks}
        onChange={(allowLinks) => set({ allowLinks })}
      />
      <NumberField
        label={t("editor.maxLength")}
        value={props.config.maxLength}
        min={10}
        max={1000}
        onInput={(maxLength) => set({ maxLength })}
      />
    </div>
  );
};

/** Editing a map: prompt, lanes, card kinds, mode (open / silent / community-first), links, length. */
import { type Component, Show } from "solid-js";
import type { MapConfig, StakeholderGroup } from "../../../../party/model/commands";
import { CheckField, ColourField, NumberField, SelectField } from "../fields";
import { t } from "../i18n";
import { GroupChecklist, ItemLabelField, LabelListEditor, PromptField } from "./ConfigParts";
import { ListEditor } from "./ListEditor";

interface Props {
  config: MapConfig;
  groups: readonly StakeholderGroup[];
  onChange: (config: MapConfig) => void;
}

export const MapConfigEditor: Component<Props> = (props) => {
  const set = (patch: Partial<MapConfig>) => props.onChange({ ...props.config, ...patch });
  return (
    <div class="stack">
      <PromptField value={props.config.prompt} onInput={(prompt) => set({ prompt })} />
      <LabelListEditor
        legend={t("editor.lanes")}
        items={props.config.lanes}
        onChange={(lanes) => set({ lanes })}
        idPrefix="lane"
        min={1}
        max={20}
        newLabel={() => t("editor.newLane")}
        fieldLabel={(n) => t("editor.laneLabel", { n })}
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
            <ItemLabelField label={t("editor.kindLabel", { n: i + 1 })} item={kind()} update={update} />
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
        onChange={(mode) => set({ mode })}
        options={[
          { value: "open", label: t("editor.modeOpen") },
          { value: "silent", label: t("editor.modeSilent") },
          { value: "community-first", label: t("editor.modeCommunityFirst") },
        ]}
      />
      <Show when={props.config.mode === "community-first"}>
        <GroupChecklist
          legend={t("editor.firstGroups")}
          groups={props.groups}
          selected={props.config.firstGroups}
          onChange={(firstGroups) => set({ firstGroups })}
        />
      </Show>
      <CheckField
        label={t("editor.allowLinks")}
        checked={props.config.allowLinks}
        onChange={(allowLinks) => set({ allowLinks })}
      />
      <CheckField
        label={t("config.reviewCards")}
        checked={props.config.reviewCards}
        onChange={(reviewCards) => set({ reviewCards })}
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

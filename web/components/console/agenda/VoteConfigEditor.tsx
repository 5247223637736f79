/** Editing a vote: method, options (typed in, or drawn from a map's cards), and the method's limits. */
import { type Component, Show } from "solid-js";
import type { StakeholderGroup, VoteConfig } from "../../../../party/model/commands";
import type { Activity } from "../../../../party/model/doc";
import { CheckField, NumberField, SelectField } from "../fields";
import { t } from "../i18n";
import { GroupChecklist, LabelListEditor, PromptField } from "./ConfigParts";

interface Props {
  config: VoteConfig;
  groups: readonly StakeholderGroup[];
  maps: readonly Activity[];
  onChange: (config: VoteConfig) => void;
}

export const VoteConfigEditor: Component<Props> = (props) => {
  const set = (patch: Partial<VoteConfig>) => props.onChange({ ...props.config, ...patch });
  const source = () => props.config.fromActivity?.activityId ?? "";
  const setSource = (activityId: string) => {
    if (!activityId) {
      const { fromActivity: _dropped, ...rest } = props.config;
      props.onChange(rest as VoteConfig);
    } else set({ fromActivity: { ...props.config.fromActivity, activityId } });
  };
  /** One of the method's whole-number limits, from 1 to `max`. */
  const limit = (key: "dots" | "maxPerOption" | "budget" | "topK", label: string, max: number) => (
    <NumberField label={label} value={props.config[key]} min={1} max={max} onInput={(n) => set({ [key]: n })} />
  );
  return (
    <div class="stack">
      <PromptField value={props.config.prompt} onInput={(prompt) => set({ prompt })} />
      <SelectField
        label={t("editor.method")}
        value={props.config.method}
        onChange={(method) => set({ method })}
        options={(["dots", "budget", "rank", "approve", "matrix"] as const).map((m) => ({
          value: m,
          label: t(`method.${m}`),
        }))}
      />
      <SelectField
        label={t("editor.optionsFrom")}
        value={source()}
        onChange={setSource}
        options={[
          { value: "", label: t("editor.optionsTyped") },
          ...props.maps.map((m) => ({ value: m.id, label: m.title })),
        ]}
      />
      <Show
        when={source()}
        fallback={
          <LabelListEditor
            legend={t("editor.options")}
            items={props.config.options}
            onChange={(options) => set({ options })}
            idPrefix="option"
            max={100}
            newLabel={() => t("editor.newOption")}
            fieldLabel={(n) => t("editor.optionLabel", { n })}
          />
        }
      >
        <NumberField
          label={t("editor.topN")}
          value={props.config.fromActivity?.topN ?? 10}
          min={1}
          max={100}
          onInput={(topN) => set({ fromActivity: { activityId: source(), ...props.config.fromActivity, topN } })}
        />
      </Show>
      <Show when={props.config.method === "dots"}>
        {limit("dots", t("editor.dots"), 100)}
        {limit("maxPerOption", t("editor.maxPerOption"), 100)}
      </Show>
      <Show when={props.config.method === "budget"}>
        {limit("budget", t("editor.budget"), 100_000_000)}
        <SelectField
          label={t("editor.currency")}
          value={props.config.currency}
          onChange={(currency) => set({ currency })}
          options={[
            { value: "points", label: t("editor.currencyPoints") },
            { value: "money", label: t("editor.currencyMoney") },
          ]}
        />
      </Show>
      <Show when={props.config.method === "rank"}>{limit("topK", t("editor.topK"), 100)}</Show>
      {/* voice (#16): both totals are always shown; this chooses which one orders the results */}
      <SelectField
        label={t("editor.weighting")}
        value={props.config.weighting}
        onChange={(weighting) => set({ weighting })}
        options={[
          { value: "people", label: t("editor.weightingPeople") },
          { value: "groups", label: t("editor.weightingGroups") },
        ]}
      />
      <CheckField
        label={t("editor.liveResults")}
        checked={props.config.liveResults}
        onChange={(liveResults) => set({ liveResults })}
      />
      <GroupChecklist
        legend={t("editor.stagedGroups")}
        hint={t("editor.stagedHint")}
        groups={props.groups}
        selected={props.config.stagedGroups}
        onChange={(stagedGroups) => set({ stagedGroups })}
      />
    </div>
  );
};

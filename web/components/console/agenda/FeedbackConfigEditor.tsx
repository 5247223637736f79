/** Editing feedback: a prompt and questions, each a 1–5 scale or free text. */
import type { Component } from "solid-js";
import type { FeedbackConfig } from "../../../../party/model/commands";
import { SelectField } from "../fields";
import { t } from "../i18n";
import { ItemLabelField, PromptField } from "./ConfigParts";
import { ListEditor } from "./ListEditor";

type Item = FeedbackConfig["items"][number];

export const FeedbackConfigEditor: Component<{ config: FeedbackConfig; onChange: (c: FeedbackConfig) => void }> = (
  props,
) => (
  <div class="stack">
    <PromptField value={props.config.prompt} onInput={(prompt) => props.onChange({ ...props.config, prompt })} />
    <ListEditor<Item>
      legend={t("editor.questions")}
      items={props.config.items}
      onChange={(items) => props.onChange({ ...props.config, items })}
      idPrefix="q"
      min={1}
      max={30}
      newItem={(id) => ({ id, type: "likert", label: t("editor.newQuestion") })}
      fields={(item, update, i) => (
        <>
          <ItemLabelField label={t("editor.questionLabel", { n: i + 1 })} item={item()} update={update} />
          <SelectField
            compact
            label={t("editor.questionType", { n: i + 1 })}
            value={item().type}
            onChange={(type) => update({ type: type as Item["type"] })}
            options={[
              { value: "likert", label: t("editor.typeLikert") },
              { value: "text", label: t("editor.typeText") },
            ]}
          />
        </>
      )}
    />
  </div>
);

/** Editing feedback: a prompt and questions, each a 1–5 scale or free text. */
import type { Component } from "solid-js";
import type { FeedbackConfig } from "../../../../party/model/commands";
import { SelectField, TextField } from "../fields";
import { t } from "../i18n";
import { ListEditor } from "./ListEditor";

type Item = FeedbackConfig["items"][number];

export const FeedbackConfigEditor: Component<{ config: FeedbackConfig; onChange: (c: FeedbackConfig) => void }> = (
  props,
) => (
  <div class="stack">
    <TextField
      label={t("editor.prompt")}
      value={props.config.prompt}
      onInput={(prompt) => props.onChange({ ...props.config, prompt })}
      multiline
    />
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
          <TextField
            compact
            label={t("editor.questionLabel", { n: i + 1 })}
            value={item().label}
            onInput={(label) => update({ label })}
          />
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

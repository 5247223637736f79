/** Pieces the activity config editors share: the prompt, a list of labelled items, and a checklist of groups. */
import { type Component, For, type JSX, Show } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import { CheckField, TextField } from "../fields";
import { t } from "../i18n";
import { ListEditor } from "./ListEditor";

/** The activity's prompt, as a multi-line text field. */
export const PromptField: Component<{ value: string; onInput: (prompt: string) => void }> = (props) => (
  <TextField label={t("editor.prompt")} value={props.value} onInput={props.onInput} multiline />
);

/** A list item's label, as a compact text field (its visible context is the list row). */
export const ItemLabelField: Component<{
  label: string;
  item: { label: string };
  update: (patch: { label: string }) => void;
}> = (props) => (
  <TextField compact label={props.label} value={props.item.label} onInput={(label) => props.update({ label })} />
);

/** An editable list of items that have an id and a label only (map lanes, vote options). */
export function LabelListEditor(props: {
  legend: string;
  items: readonly { id: string; label: string }[];
  onChange: (items: { id: string; label: string }[]) => void;
  idPrefix: string;
  min?: number;
  max: number;
  /** the label of a new item */
  newLabel: () => string;
  /** the label of the field for item `n` (from 1) */
  fieldLabel: (n: number) => string;
}): JSX.Element {
  return (
    <ListEditor
      legend={props.legend}
      items={props.items}
      onChange={props.onChange}
      idPrefix={props.idPrefix}
      min={props.min}
      max={props.max}
      newItem={(id) => ({ id, label: props.newLabel() })}
      fields={(item, update, i) => <ItemLabelField label={props.fieldLabel(i + 1)} item={item()} update={update} />}
    />
  );
}

/** A fieldset of one checkbox per stakeholder group; `selected` holds the ids of the checked ones. */
export const GroupChecklist: Component<{
  legend: string;
  hint?: string;
  groups: readonly StakeholderGroup[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}> = (props) => {
  const toggle = (group: string, on: boolean) =>
    props.onChange(on ? [...props.selected, group] : props.selected.filter((g) => g !== group));
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <Show when={props.hint}>{(hint) => <p class="hint">{hint()}</p>}</Show>
      <For each={props.groups}>
        {(g) => (
          <CheckField label={g.label} checked={props.selected.includes(g.id)} onChange={(on) => toggle(g.id, on)} />
        )}
      </For>
    </fieldset>
  );
};

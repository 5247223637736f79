/**
 * Transcribe a paper card from a table: the facilitator types it in and credits it
 * to the table's stakeholder group (`card.add` with `onBehalfOf`), so paper
 * contributions count in the map and in the balance of voice like any other.
 */
import { type Component, createSignal, Show } from "solid-js";
import type { MapConfig, StakeholderGroup } from "../../../../party/model/commands";
import type { Commander } from "../commander";
import { SelectField, TextField } from "../fields";
import { t } from "../i18n";

interface Props {
  /** tables (#13): on a map at tables, the tables a card can be credited to (hosts: undefined, their own) */
  tables?: readonly { id: string; label: string }[] | undefined;
  /** the table being followed, chosen first */
  table?: string | null;
  activityId: string;
  config: MapConfig;
  groups: readonly StakeholderGroup[];
  commander: Commander;
}

export const TranscribeForm: Component<Props> = (props) => {
  const [group, setGroup] = createSignal(props.groups[0]?.id ?? "");
  const [lane, setLane] = createSignal(props.config.lanes[0]?.id ?? "");
  const [kind, setKind] = createSignal(props.config.kinds[0]?.id ?? "");
  const [text, setText] = createSignal("");
  const [table, setTable] = createSignal("");
  const tableId = () => table() || props.table || (props.tables?.[0]?.id ?? "");
  const [done, setDone] = createSignal("");
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!text().trim()) return;
    const outcome = await props.commander.run("card.add", {
      activityId: props.activityId,
      lane: lane() || (props.config.lanes[0]?.id ?? ""),
      kind: kind() || (props.config.kinds[0]?.id ?? ""),
      text: text().trim(),
      onBehalfOf: { group: group() || (props.groups[0]?.id ?? "") },
      ...(props.tables && tableId() ? { table: tableId() } : {}),
    });
    if (outcome.ok) {
      setDone(t("transcribe.done"));
      setText("");
    }
  };
  return (
    <details class="transcribe">
      <summary>{t("transcribe.heading")}</summary>
      <form class="stack" onSubmit={submit}>
        <SelectField
          label={t("transcribe.group")}
          value={group()}
          onChange={setGroup}
          options={props.groups.map((g) => ({ value: g.id, label: g.label }))}
        />
        <Show when={props.tables}>
          {(tables) => (
            <SelectField
              label={t("tables.transcribeTable")}
              value={tableId()}
              onChange={setTable}
              options={tables().map((tb) => ({ value: tb.id, label: tb.label }))}
            />
          )}
        </Show>
        <SelectField
          label={t("transcribe.lane")}
          value={lane()}
          onChange={setLane}
          options={props.config.lanes.map((l) => ({ value: l.id, label: l.label }))}
        />
        <SelectField
          label={t("transcribe.kind")}
          value={kind()}
          onChange={setKind}
          options={props.config.kinds.map((k) => ({ value: k.id, label: k.label }))}
        />
        <TextField
          label={t("transcribe.text")}
          value={text()}
          onInput={setText}
          maxLength={props.config.maxLength}
          multiline
        />
        <button type="submit">{t("transcribe.add")}</button>
        <p role="status">
          <Show when={done()}>{done()}</Show>
        </p>
      </form>
    </details>
  );
};

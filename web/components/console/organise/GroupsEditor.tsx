/**
 * The workshop's stakeholder groups as an editable list, starting from the
 * defaults. Ids are derived from labels for new groups, so organisers never type ids.
 */
import { type Component, Index } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import { t } from "../i18n";

interface Props {
  groups: StakeholderGroup[];
  onChange: (groups: StakeholderGroup[]) => void;
}

/** A stable, schema-valid id from a label ("Young carers" → "young-carers"), unique within the list. */
export function groupIdFor(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "group";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export const GroupsEditor: Component<Props> = (props) => {
  const update = (index: number, label: string) =>
    props.onChange(props.groups.map((g, i) => (i === index ? { ...g, label } : g)));
  const remove = (index: number) => props.onChange(props.groups.filter((_, i) => i !== index));
  const add = () => {
    const label = t("organise.groupNew");
    const id = groupIdFor(label, new Set(props.groups.map((g) => g.id)));
    props.onChange([...props.groups, { id, label }]);
  };
  return (
    <fieldset class="groups-editor">
      <legend>{t("organise.groups")}</legend>
      <p class="hint">{t("organise.groupsHint")}</p>
      <ol>
        <Index each={props.groups}>
          {(group, i) => (
            <li>
              <label for={`group-${i}`} class="visually-hidden">
                {t("organise.groupLabel", { n: i + 1 })}
              </label>
              <input
                id={`group-${i}`}
                type="text"
                required
                maxLength={200}
                value={group().label}
                onInput={(e) => update(i, e.currentTarget.value)}
              />
              <button
                type="button"
                onClick={() => remove(i)}
                disabled={props.groups.length <= 1}
                aria-label={t("organise.groupRemove", { group: group().label })}
              >
                {t("common.remove")}
              </button>
            </li>
          )}
        </Index>
      </ol>
      <button type="button" onClick={add}>
        {t("organise.groupAdd")}
      </button>
    </fieldset>
  );
};

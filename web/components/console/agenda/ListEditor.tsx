/**
 * An editable list of things with ids (lanes, card kinds, vote options, feedback
 * questions): add, remove, move up and down, all by keyboard. New ids are derived
 * from what is already there, so nobody types an id.
 */
import { Index, type JSX } from "solid-js";
import { t } from "../i18n";

interface Props<T extends { id: string }> {
  legend: string;
  items: readonly T[];
  onChange: (items: T[]) => void;
  newItem: (id: string) => T;
  /** id prefix for new items: "lane" → lane-3 */
  idPrefix: string;
  min?: number;
  max?: number;
  fields: (item: () => T, update: (patch: Partial<T>) => void, index: number) => JSX.Element;
}

export function nextId(prefix: string, taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((i) => i.id));
  let n = taken.length + 1;
  while (ids.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

export function ListEditor<T extends { id: string }>(props: Props<T>): JSX.Element {
  const update = (index: number, patch: Partial<T>) =>
    props.onChange(props.items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const move = (index: number, by: number) => {
    const items = [...props.items];
    const [item] = items.splice(index, 1);
    if (item) items.splice(index + by, 0, item);
    props.onChange(items);
  };
  return (
    <fieldset class="list-editor">
      <legend>{props.legend}</legend>
      <ol>
        <Index each={props.items}>
          {(item, i) => (
            <li class="list-editor__item">
              {props.fields(item, (patch) => update(i, patch), i)}
              <span class="button-row">
                <button
                  type="button"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={t("list.up", { n: i + 1 })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  disabled={i === props.items.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t("list.down", { n: i + 1 })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  disabled={props.items.length <= (props.min ?? 0)}
                  onClick={() => props.onChange(props.items.filter((_, j) => j !== i))}
                  aria-label={t("list.remove", { n: i + 1 })}
                >
                  {t("common.remove")}
                </button>
              </span>
            </li>
          )}
        </Index>
      </ol>
      <button
        type="button"
        disabled={props.items.length >= (props.max ?? 200)}
        onClick={() => props.onChange([...props.items, props.newItem(nextId(props.idPrefix, props.items))])}
      >
        {t("list.add", { what: props.legend })}
      </button>
    </fieldset>
  );
}

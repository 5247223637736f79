/** Labelled form controls with unique ids, so every input has an accessible name. */
import { type Component, For, type JSX, type ParentComponent } from "solid-js";
import type { Language } from "../../lib/i18n";

let counter = 0;
const uid = (prefix: string) => `${prefix}-${++counter}`;

interface Base {
  label: string;
  hint?: string;
  /** label visually hidden (inside a list row whose context is clear) */
  compact?: boolean;
}

/**
 * The label (hidden when compact), the control, and a hint under it if there is one (its id is
 * `<id>-hint`, for the control's aria-describedby). `id` is the control's. Callers pass its
 * props one by one: a spread would bring Solid's mergeProps to every phone (Solid is shared).
 */
export const Field: ParentComponent<Base & { id: string }> = (props) => (
  <div class="field" classList={{ "field--compact": props.compact }}>
    <label for={props.id} classList={{ "visually-hidden": props.compact }}>
      {props.label}
    </label>
    {props.children}
    {props.hint ? (
      <p id={`${props.id}-hint`} class="hint">
        {props.hint}
      </p>
    ) : null}
  </div>
);

/** The control's aria-describedby: its hint under it (Field gives it the id `<id>-hint`), if there is one. */
const hintOf = (props: Base, id: string): string | undefined => (props.hint ? `${id}-hint` : undefined);

export const TextField: Component<
  Base & { value: string; onInput: (v: string) => void; maxLength?: number; multiline?: boolean; required?: boolean }
> = (props) => {
  const id = uid("text");
  return (
    <Field label={props.label} hint={props.hint} compact={props.compact} id={id}>
      {props.multiline ? (
        <textarea
          id={id}
          aria-describedby={hintOf(props, id)}
          rows={3}
          value={props.value}
          maxLength={props.maxLength ?? 1000}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      ) : (
        <input
          id={id}
          aria-describedby={hintOf(props, id)}
          type="text"
          value={props.value}
          required={props.required}
          maxLength={props.maxLength ?? 200}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
};

export const NumberField: Component<
  Base & { value: number; onInput: (v: number) => void; min: number; max: number }
> = (props) => {
  const id = uid("number");
  return (
    <Field label={props.label} hint={props.hint} compact={props.compact} id={id}>
      <input
        id={id}
        aria-describedby={hintOf(props, id)}
        type="number"
        min={props.min}
        max={props.max}
        value={props.value}
        onInput={(e) => {
          const n = e.currentTarget.valueAsNumber;
          if (Number.isFinite(n)) props.onInput(Math.min(props.max, Math.max(props.min, Math.round(n))));
        }}
      />
    </Field>
  );
};

export const CheckField: Component<Base & { checked: boolean; onChange: (v: boolean) => void }> = (props) => {
  const id = uid("check");
  return (
    <div class="field field--inline">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={id}>{props.label}</label>
    </div>
  );
};

/** `<option>`s for items with an id and a label; the one whose id is `selected` is chosen. */
export const IdOptions: Component<{
  items: readonly { id: string; label: string }[];
  selected: string | null | undefined;
}> = (props) => (
  <For each={props.items}>
    {(item) => (
      <option value={item.id} selected={item.id === props.selected}>
        {item.label}
      </option>
    )}
  </For>
);

/**
 * A choice among `options`; `onChange` hands back the chosen option's own value, typed as the
 * options are (a config's method or mode, say), so callers need no cast.
 */
export function SelectField<T extends string>(
  props: Base & { value: T; onChange: (v: T) => void; options: ReadonlyArray<{ value: T; label: string }> },
): JSX.Element {
  const id = uid("select");
  const choose = (value: string) => {
    const chosen = props.options.find((o) => o.value === value);
    if (chosen) props.onChange(chosen.value);
  };
  return (
    <Field label={props.label} hint={props.hint} compact={props.compact} id={id}>
      <select
        id={id}
        aria-describedby={hintOf(props, id)}
        value={props.value}
        onChange={(e) => choose(e.currentTarget.value)}
      >
        <IdOptions items={props.options.map((o) => ({ id: o.value, label: o.label }))} selected={props.value} />
      </select>
    </Field>
  );
}

export const ColourField: Component<Base & { value: string; onInput: (v: string) => void }> = (props) => {
  const id = uid("colour");
  return (
    <div class="field field--compact">
      <label for={id} class="visually-hidden">
        {props.label}
      </label>
      <input id={id} type="color" value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
    </div>
  );
};

/** The app's languages as `<option>`s, each named in itself (lang set so it is read right). */
export const LanguageOptions: Component<{ languages: readonly Language[] }> = (props) => (
  <For each={props.languages}>
    {(l) => (
      <option value={l.code} lang={l.code}>
        {l.name}
      </option>
    )}
  </For>
);

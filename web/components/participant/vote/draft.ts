/**
 * A ballot being edited: starts from the saved one, and follows the saved one when it
 * changes (e.g. it arrives from the room after a reload) unless the person has already
 * started changing it.
 */
import { type Accessor, createEffect, createSignal, on } from "solid-js";

export function createDraft<T>(saved: Accessor<T>): [Accessor<T>, (next: T) => void, () => void] {
  const [draft, setDraft] = createSignal<T>(saved());
  let touched = false;
  createEffect(
    on(saved, (value) => {
      if (!touched) setDraft(() => value);
    }),
  );
  const edit = (next: T): void => {
    touched = true;
    setDraft(() => next);
  };
  /** After saving: the saved ballot is the truth again. */
  const settle = (): void => {
    touched = false;
  };
  return [draft, edit, settle];
}

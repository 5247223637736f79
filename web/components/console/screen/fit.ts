/**
 * Projector lists show what fits on one screen and count the rest: every item is
 * laid out, then those whose bottom falls below the list's own box are hidden.
 * Measuring beats guessing: card texts differ in length and the projector's size
 * is whatever the venue has.
 */
import { createEffect, createSignal, on, onCleanup } from "solid-js";

/**
 * Hides the list's items that do not fit inside `boundary` (the list itself unless
 * a table body must fit its page); returns how many were hidden.
 */
export function fitChildren(list: HTMLElement, boundary: HTMLElement = list): number {
  const items = [...list.children] as HTMLElement[];
  for (const item of items) item.hidden = false;
  const bottom = boundary.getBoundingClientRect().bottom + 0.5;
  let hidden = 0;
  for (const item of items) {
    // Once one item overflows, the rest go too: the list keeps its order.
    if (hidden > 0 || item.getBoundingClientRect().bottom > bottom) {
      item.hidden = true;
      hidden += 1;
    }
  }
  return hidden;
}

/**
 * A ref callback and a signal of how many items are hidden, re-fitted when `track`
 * changes (new cards, new results) and when the list is resized.
 */
export function createFit(
  track: () => unknown,
  /** the items' parent inside the measured element, when that is not the element itself */
  itemsIn?: (el: HTMLElement) => HTMLElement | null,
): { ref: (el: HTMLElement) => void; hidden: () => number } {
  const [hidden, setHidden] = createSignal(0);
  const [list, setList] = createSignal<HTMLElement | null>(null);
  let frame = 0;
  const refit = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const el = list();
      const items = el && (itemsIn ? itemsIn(el) : el);
      if (el && items) setHidden(fitChildren(items, el));
    });
  };
  createEffect(on([track, list], refit));
  const observer = new ResizeObserver(refit);
  createEffect(() => {
    const el = list();
    if (el) observer.observe(el);
  });
  onCleanup(() => {
    cancelAnimationFrame(frame);
    observer.disconnect();
  });
  return { ref: setList, hidden };
}

/**
 * Which cards arrived just now, so the board can highlight them for a few seconds.
 * Cards present when the board first renders — and those arriving in the first
 * moments, while the initial sync catches up — are not news.
 */
import { type Accessor, createEffect, createSignal, onCleanup } from "solid-js";

const NEW_CARD_MS = 4000;
const INITIAL_SYNC_MS = 1500;

export function createFreshCards(ids: Accessor<readonly string[]>): Accessor<ReadonlySet<string>> {
  const [fresh, setFresh] = createSignal<ReadonlySet<string>>(new Set());
  const known = new Set<string>();
  const settledAt = Date.now() + INITIAL_SYNC_MS;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  createEffect(() => {
    const added = ids().filter((id) => !known.has(id));
    for (const id of added) known.add(id);
    if (added.length === 0 || Date.now() < settledAt) return;
    setFresh((s) => new Set([...s, ...added]));
    const timer = setTimeout(() => {
      timers.delete(timer);
      setFresh((s) => new Set([...s].filter((id) => !added.includes(id))));
    }, NEW_CARD_MS);
    timers.add(timer);
  });
  onCleanup(() => {
    for (const timer of timers) clearTimeout(timer);
  });
  return fresh;
}

/**
 * A vote on the projector. While it is open: its options, whole, so the room can
 * talk about them, and how many have voted. Once results may be shown: one bar per
 * option, best first, with the whole label and the figure; what does not fit is
 * counted, never cut.
 */
import { type Component, createMemo, createSignal, For, onCleanup, Show } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import { t, tn } from "../i18n";
import { optionLabel } from "../options";
import { ResultsByGroup } from "../ResultsByGroup";
import { barRows, optionLabels, type TallyView } from "../results";
import { createFit } from "./fit";
import { Second } from "./SecondLanguage";

interface Option {
  id: string;
  label: string;
  removed?: string;
}

export const ScreenOptions: Component<{ activityId: string; options: readonly Option[]; voters: number }> = (props) => {
  const fit = createFit(() => props.options.map((o) => o.label).join());
  return (
    <div class="screen-vote">
      <p class="screen-vote__turnout" data-testid="screen-turnout">
        {props.voters > 0 ? tn("screen.votes", props.voters) : t("screen.voteOpen")}
      </p>
      <ol class="screen-options" ref={fit.ref} aria-label={t("screen.optionsHeading")} data-testid="screen-options">
        <For each={props.options}>
          {(option) => (
            <li class="screen-option">
              <span dir="auto">{optionLabel(option)}</span>
              <Second target={`option.${props.activityId}.${option.id}`} />
            </li>
          )}
        </For>
      </ol>
      <p class="screen-lane__more">{fit.hidden() > 0 ? tn("screen.moreOptions", fit.hidden()) : ""}</p>
    </div>
  );
};

/**
 * Revealed results turn pages so each fits the screen: overall, then (when the room
 * may see it) what the groups share and where they differ, then support by group.
 */
const PAGE_MS = 12_000;

export const ScreenResults: Component<{
  activityId: string;
  title: string;
  tally: TallyView;
  config: unknown;
  groups: readonly StakeholderGroup[];
  byGroup: boolean;
}> = (props) => {
  const labels = createMemo(() => {
    const byId = optionLabels(props.config);
    const options = (props.config as { options?: Option[] }).options ?? [];
    for (const option of options) byId.set(option.id, optionLabel(option));
    return byId;
  });
  const rows = createMemo(() => barRows(props.tally.totals, props.tally.ranking, labels()));
  const max = () => Math.max(1, ...rows().map((r) => r.value));
  const fit = createFit(() =>
    rows()
      .map((r) => r.id + r.value)
      .join(),
  );
  const pages = () => (props.byGroup ? (["overall", "cues", "table"] as const) : (["overall"] as const));
  const [page, setPage] = createSignal<"overall" | "cues" | "table">("overall");
  const timer = setInterval(() => {
    const all: readonly string[] = pages();
    setPage(all[(all.indexOf(page()) + 1) % all.length] as "overall" | "cues" | "table");
  }, PAGE_MS);
  onCleanup(() => clearInterval(timer));
  // The table page fits its rows; re-measured whenever the page turns.
  const groupsFit = createFit(
    () =>
      page() +
      rows()
        .map((r) => r.id + r.value)
        .join(),
    (el) => el.querySelector("tbody"),
  );
  return (
    <figure class="screen-results" data-testid="results">
      <figcaption class="screen-vote__turnout">
        {props.title} · {tn("results.voters", props.tally.voters)}
        <Show when={props.byGroup}>
          <span class="screen-results__page">
            {" "}
            · {page() === "overall" ? t("screen.pageOverall") : t("screen.pageGroups")} ·{" "}
            {t("screen.pageOf", { page: pages().indexOf(page() as never) + 1, pages: pages().length })}
          </span>
        </Show>
      </figcaption>
      <Show
        when={page() !== "overall" && props.byGroup}
        fallback={
          <>
            <ol class="screen-bars" ref={fit.ref}>
              <For each={rows()}>
                {(row) => (
                  <li class="screen-bar" data-option-id={row.id}>
                    <span class="screen-bar__label">
                      <span dir="auto">{row.label}</span>
                      <Second target={`option.${props.activityId}.${row.id}`} />
                    </span>
                    <span class="screen-bar__track" aria-hidden="true">
                      <span class="screen-bar__fill" style={{ width: `${(row.value / max()) * 100}%` }} />
                    </span>
                    <span class="screen-bar__value">{row.value.toLocaleString()}</span>
                  </li>
                )}
              </For>
            </ol>
            {/* Always there (empty when all fit), so showing the count cannot push a row out. */}
            <p class="screen-lane__more">{fit.hidden() > 0 ? tn("screen.moreOptions", fit.hidden()) : ""}</p>
          </>
        }
      >
        <div class={`screen-results__groups screen-results__groups--${page()}`} ref={groupsFit.ref}>
          <ResultsByGroup tally={props.tally} labels={labels()} groups={props.groups} />
        </div>
        <p class="screen-lane__more">{groupsFit.hidden() > 0 ? tn("screen.moreOptions", groupsFit.hidden()) : ""}</p>
      </Show>
    </figure>
  );
};

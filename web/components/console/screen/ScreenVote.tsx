/**
 * A vote on the projector. While it is open: its options, whole, so the room can
 * talk about them, and how many have voted. Once results may be shown: one bar per
 * option, best first, with the whole label and the figure; what does not fit is
 * counted, never cut.
 */
import { type Component, createMemo, For, Show } from "solid-js";
import { t, tn } from "../i18n";
import { optionLabel } from "../options";
import { barRows, optionLabels, type TallyView } from "../results";
import { createFit } from "./fit";

interface Option {
  id: string;
  label: string;
  removed?: string;
}

export const ScreenOptions: Component<{ options: readonly Option[]; voters: number }> = (props) => {
  const fit = createFit(() => props.options.map((o) => o.label).join());
  return (
    <div class="screen-vote">
      <p class="screen-vote__turnout" data-testid="screen-turnout">
        {props.voters > 0 ? tn("screen.votes", props.voters) : t("screen.voteOpen")}
      </p>
      <ol class="screen-options" ref={fit.ref} aria-label={t("screen.optionsHeading")} data-testid="screen-options">
        <For each={props.options}>
          {(option) => (
            <li class="screen-option" dir="auto">
              {optionLabel(option)}
            </li>
          )}
        </For>
      </ol>
      <p class="screen-lane__more">{fit.hidden() > 0 ? tn("screen.moreOptions", fit.hidden()) : ""}</p>
    </div>
  );
};

export const ScreenResults: Component<{ title: string; tally: TallyView; config: unknown }> = (props) => {
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
  return (
    <figure class="screen-results" data-testid="results">
      <figcaption class="screen-vote__turnout">
        {props.title} · {tn("results.voters", props.tally.voters)}
      </figcaption>
      <ol class="screen-bars" ref={fit.ref}>
        <For each={rows()}>
          {(row) => (
            <li class="screen-bar" data-option-id={row.id}>
              <span class="screen-bar__label" dir="auto">
                {row.label}
              </span>
              <span class="screen-bar__track" aria-hidden="true">
                <span class="screen-bar__fill" style={{ width: `${(row.value / max()) * 100}%` }} />
              </span>
              <span class="screen-bar__value">{row.value.toLocaleString()}</span>
            </li>
          )}
        </For>
      </ol>
      <Show when={fit.hidden() > 0}>
        <p class="screen-lane__more">{tn("screen.moreOptions", fit.hidden())}</p>
      </Show>
    </figure>
  );
};

/**
 * After the close, the phone still shows what the workshop decided: the results of
 * every vote the facilitator revealed (the vote chunk loads only when there are some).
 */
import { type Component, For, lazy, Show, Suspense } from "solid-js";
import { t } from "../../lib/i18n";
import { AfterClose } from "./AfterClose";
import { useRoom } from "./context";

const Results = lazy(() => import("./vote/Results").then((m) => ({ default: m.Results })));

export const ClosedResults: Component = () => {
  const { room, workshop } = useRoom();
  const revealed = () =>
    (workshop()?.agenda ?? []).flatMap((id) => {
      const activity = room.activities()[id];
      const result = room.results()[id];
      if (activity?.kind !== "vote" || !activity.resultsRevealed || !result) return [];
      // The doc holds the tally as Tally and the vote's config parsed for its kind.
      return [{ activity, result, config: activity.config }];
    });
  return (
    <>
      {/* Co-delivery (#15): what happens next, on the public follow-up page. */}
      <AfterClose joinCode={workshop()?.joinCode ?? ""} />
      <Show when={revealed().length > 0}>
        <section class="stack" aria-labelledby="closed-results">
          <h2 id="closed-results">{t("room.closedResults")}</h2>
          <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
            <For each={revealed()}>
              {(r) => (
                <article class="stack">
                  <h3 dir="auto">{r.activity.title}</h3>
                  <Results result={r.result} config={r.config} revealed groups={workshop()?.groups} />
                </article>
              )}
            </For>
          </Suspense>
        </section>
      </Show>
    </>
  );
};

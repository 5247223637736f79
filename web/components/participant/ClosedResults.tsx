/**
 * After the close, the phone still shows what the workshop decided: the results of
 * every vote the facilitator revealed (the vote chunk loads only when there are some),
 * with options in the phone's language where they were translated, originals a tap away.
 */
import { type Component, For, Show } from "solid-js";
import type { VoteConfig } from "../../../party/model/commands";
import type { Activity } from "../../../party/model/doc";
import { lazy } from "../../lib/async";
import { t } from "../../lib/i18n";
import { AfterClose } from "./AfterClose";
import { useRoom } from "./context";

const ClosedVote = lazy(
  () =>
    Promise.all([import("./vote/Results"), import("./Translated")]).then(([m, tr]) => ({
      default: tr.localised<VoteConfig>((props: { activity: Activity; config: VoteConfig }) => {
        const { room, workshop } = useRoom();
        return (
          <m.Results
            result={room.results()[props.activity.id]!}
            config={props.config}
            revealed
            groups={workshop()?.groups}
          />
        );
      }),
    })),
  () => <p role="status">{t("common.loading")}</p>,
);

export const ClosedResults: Component = () => {
  const { room, workshop } = useRoom();
  const revealed = () =>
    (workshop()?.agenda ?? []).flatMap((id) => {
      const activity = room.activities()[id];
      const result = room.results()[id];
      if (activity?.kind !== "vote" || !activity.resultsRevealed || !result) return [];
      // The doc holds the tally as Tally and the vote's config parsed for its kind.
      return [{ activity, config: activity.config }];
    });
  return (
    <>
      {/* Co-delivery (#15): what happens next, on the public follow-up page. */}
      <AfterClose joinCode={workshop()?.joinCode ?? ""} />
      <Show when={revealed().length > 0}>
        <section class="stack" aria-labelledby="closed-results">
          <h2 id="closed-results">{t("room.closedResults")}</h2>
          <For each={revealed()}>
            {(r) => (
              <article class="stack">
                <h3 dir="auto">{r.activity.title}</h3>
                <ClosedVote activity={r.activity} config={r.config} />
              </article>
            )}
          </For>
        </section>
      </Show>
    </>
  );
};

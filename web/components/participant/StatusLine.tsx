/**
 * One line that says what to do now: add cards, vote, wait for the results, give
 * feedback, or wait for the next activity. Derived from the room's state and the
 * phone's own saved ballot and feedback; announced politely when it changes.
 */
import { type Component, Show } from "solid-js";
import type { Activity } from "../../../party/model/doc";
import { t } from "../../lib/i18n";
import { useRoom } from "./context";

export const StatusLine: Component<{ activity: Activity | null }> = (props) => {
  const { room, me, workshop } = useRoom();
  const text = (): string => {
    const a = props.activity;
    if (!a) return t("status.wait");
    if (a.status !== "open") return a.kind === "vote" && a.resultsRevealed ? t("status.results") : t("status.wait");
    if (workshop()?.locked) return t("status.paused");
    const group = me()?.group ?? "";
    const first =
      a.kind === "map"
        ? a.config.mode === "community-first"
          ? a.config.firstGroups
          : null
        : a.kind === "vote"
          ? a.config.stagedGroups
          : null;
    if (a.stage === "first" && first && first.length > 0 && !first.includes(group)) return t("status.yourTurnNext");
    if (a.kind === "map") return t("status.addCards");
    if (a.kind === "vote") {
      if (a.resultsRevealed) return t("status.results");
      return room.ballots()[a.id] ? t("status.voteSaved") : t("status.vote");
    }
    if (a.kind === "feedback") return room.feedback()[a.id] ? t("status.feedbackSent") : t("status.feedback");
    return t("status.listen");
  };
  return (
    <Show when={workshop()}>
      <p class="status-line" role="status" data-testid="status-line">
        {text()}
      </p>
    </Show>
  );
};

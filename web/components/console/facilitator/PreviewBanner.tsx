/**
 * Says plainly what the centre panel shows: the activity participants have open
 * right now, or a preview of another one (which participants do not see), with
 * "Open to participants" and the way back to the open activity.
 */
import { type Component, Show } from "solid-js";
import type { Activity } from "../../../../party/model/doc";
import type { Commander } from "../commander";
import { t } from "../i18n";

/** The map a vote draws its options from, if any. */
export function sourceOf(activity: Activity, activities: Record<string, Activity>): Activity | null {
  const from = activity.kind === "vote" ? activity.config.fromActivity?.activityId : undefined;
  return from ? (activities[from] ?? null) : null;
}

/** The open activity's first round (community-first map, staged vote), if it is still running. */
export function stagedRound(activity: Activity | undefined): { firstGroups: string[] } | null {
  if (activity?.status !== "open" || activity.stage !== "first") return null;
  if (activity.kind === "map" && activity.config.mode === "community-first")
    return { firstGroups: activity.config.firstGroups };
  if (activity.kind === "vote" && activity.config.stagedGroups.length > 0)
    return { firstGroups: activity.config.stagedGroups };
  return null;
}

interface Props {
  activity: Activity;
  current: Activity | null;
  previewing: boolean;
  closed: boolean;
  onBack: () => void;
  commander: Commander;
}

export const PreviewBanner: Component<Props> = (props) => (
  <Show
    when={props.previewing}
    fallback={
      <p
        class="live-banner"
        classList={{ "live-banner--open": props.activity.status === "open" }}
        data-testid="live-banner"
      >
        {props.activity.status === "open" ? t("facilitator.liveNow") : t("facilitator.notOpen")}
      </p>
    }
  >
    <div class="preview-banner" role="status" data-testid="preview-banner">
      <p>
        <strong>{t("facilitator.preview")}</strong>{" "}
        {props.current
          ? t("facilitator.previewCurrent", { title: props.current.title })
          : t("facilitator.previewNothing")}
      </p>
      <div class="button-row">
        <Show when={props.activity.status !== "open" && !props.closed}>
          <button
            type="button"
            class="primary"
            onClick={() => void props.commander.run("activity.open", { activityId: props.activity.id })}
          >
            {t("facilitator.openToParticipants")}
          </button>
        </Show>
        <Show when={props.current}>
          <button type="button" onClick={props.onBack}>
            {t("facilitator.backToOpen")}
          </button>
        </Show>
      </div>
    </div>
  </Show>
);

/**
 * The activity the facilitator has opened, drawn by its kind; a config the phone
 * cannot read is said, not guessed. Each kind is its own chunk: the first load stays
 * small (the phone budget), and preloadActivities() fetches them all soon after, so
 * a phone that later drops offline can still show the next activity.
 */
import { type Component, Match, Show, Switch } from "solid-js";
import * as v from "valibot";
import { FeedbackConfig, InfoConfig, MapConfig, VoteConfig } from "../../../party/model/commands";
import type { Activity } from "../../../party/model/doc";
import { lazy } from "../../lib/async";
import { t } from "../../lib/i18n";

const loadMap = () => import("./map/MapActivity");
const loadVote = () => import("./vote/VoteActivity");
const loadFeedback = () => import("./FeedbackActivity");
// Everyone counts: translations load with the activities, not on the phone's first load.
const loadTranslated = () => import("./Translated");
/** Shown while a kind's code loads. */
const loading = () => <p role="status">{t("common.loading")}</p>;
const MapActivity = lazy(
  () => Promise.all([loadMap(), loadTranslated()]).then(([m, tr]) => ({ default: tr.localised(m.MapActivity) })),
  loading,
);
const VoteActivity = lazy(
  () => Promise.all([loadVote(), loadTranslated()]).then(([m, tr]) => ({ default: tr.localised(m.VoteActivity) })),
  loading,
);
const FeedbackActivity = lazy(
  () =>
    Promise.all([loadFeedback(), loadTranslated()]).then(([m, tr]) => ({ default: tr.localised(m.FeedbackActivity) })),
  loading,
);
const Translated = lazy(() => loadTranslated().then((m) => ({ default: m.Translated })), loading);

export function preloadActivities(): void {
  void Promise.all([loadMap(), loadVote(), loadFeedback(), loadTranslated()]).catch(() => {
    // Offline right now: each kind loads when it is first shown instead.
  });
}

function read<T>(schema: v.GenericSchema<unknown, T>, config: unknown): T | null {
  const parsed = v.safeParse(schema, config);
  return parsed.success ? parsed.output : null;
}

export const ActivityView: Component<{ activity: Activity }> = (props) => (
  <section class="activity stack" aria-labelledby="activity-title" data-activity-kind={props.activity.kind}>
    <h1 id="activity-title" dir="auto">
      {props.activity.title}
    </h1>
    <Show when={props.activity.status === "closed"}>
      <p class="notice warn">{t("room.activityClosed")}</p>
    </Show>
    <Show when={props.activity.status === "draft"}>
      <p class="notice">{t("room.activityNotOpen")}</p>
    </Show>
    <Switch fallback={<p class="notice bad">{t("error.body")}</p>}>
      <Match when={props.activity.kind === "map" && read(MapConfig, props.activity.config)}>
        {(config) => <MapActivity activity={props.activity} config={config()} />}
      </Match>
      <Match when={props.activity.kind === "vote" && read(VoteConfig, props.activity.config)}>
        {(config) => <VoteActivity activity={props.activity} config={config()} />}
      </Match>
      <Match when={props.activity.kind === "feedback" && read(FeedbackConfig, props.activity.config)}>
        {(config) => <FeedbackActivity activity={props.activity} config={config()} />}
      </Match>
      <Match when={props.activity.kind === "info" && read(InfoConfig, props.activity.config)}>
        {(config) => (
          <Translated
            target={`activity.${props.activity.id}.prompt`}
            original={config().prompt}
            class="prompt info-text"
          />
        )}
      </Match>
    </Switch>
  </section>
);

/**
 * The selected activity in the main column: a map to moderate, a vote's turnout,
 * stage and results, feedback's progress, or an information slide.
 */
import { type Component, createMemo, For, Match, Show, Switch } from "solid-js";
import { parseActivityConfig } from "../../../../party/model/activity-config";
import type { MapConfig, StakeholderGroup, VoteConfig } from "../../../../party/model/commands";
import type { Activity, Card, Comment, Link } from "../../../../party/model/doc";
import type { Commander } from "../commander";
import { groupLabel } from "../groups";
import { t, tn } from "../i18n";
import { MapPanel } from "../map/MapPanel";
import { ResultsView } from "../ResultsView";
import { readTally } from "../results";

interface Props {
  activity: Activity;
  cards: readonly Card[];
  /** silent maps: cards not yet revealed, which the room sends facilitators privately */
  waiting: readonly Card[];
  links: readonly Link[];
  comments: readonly Comment[];
  result: unknown;
  groups: readonly StakeholderGroup[];
  commander: Commander;
}

export const ActivityPanel: Component<Props> = (props) => {
  const mapConfig = createMemo(() => {
    if (props.activity.kind !== "map") return null;
    const parsed = parseActivityConfig("map", props.activity.config);
    return parsed.ok ? parsed.config : null;
  });
  return (
    <Switch>
      <Match when={mapConfig()}>
        {(config) => (
          <MapPanel
            activity={props.activity}
            config={config() as MapConfig}
            cards={props.cards}
            waiting={props.waiting}
            links={props.links}
            comments={props.comments}
            groups={props.groups}
            commander={props.commander}
          />
        )}
      </Match>
      <Match when={props.activity.kind === "vote"}>
        <VotePanel activity={props.activity} result={props.result} groups={props.groups} commander={props.commander} />
      </Match>
      <Match when={true}>
        <section class="stack" aria-labelledby="activity-title">
          <h2 id="activity-title">{props.activity.title}</h2>
          <p>{String((props.activity.config as { prompt?: unknown }).prompt ?? "")}</p>
          <Show when={props.activity.kind === "feedback"}>
            <p class="hint">{t("feedback.private")}</p>
          </Show>
        </section>
      </Match>
    </Switch>
  );
};

const VotePanel: Component<{
  activity: Activity;
  result: unknown;
  groups: readonly StakeholderGroup[];
  commander: Commander;
}> = (props) => {
  const config = createMemo(() => {
    const parsed = parseActivityConfig("vote", props.activity.config);
    return parsed.ok ? (parsed.config as VoteConfig) : null;
  });
  const tally = createMemo(() => readTally(props.result));
  const staged = () => (config()?.stagedGroups.length ?? 0) > 0;
  return (
    <section class="vote-panel stack" aria-labelledby="vote-title">
      <h2 id="vote-title">{props.activity.title}</h2>
      <Show when={config()?.prompt}>
        <p class="prompt">{config()?.prompt}</p>
      </Show>
      <p>
        {t(`method.${config()?.method ?? "dots"}`)} · {tn("vote.options", config()?.options.length ?? 0)}
      </p>
      <Show when={props.activity.turnout}>
        {(turnout) => (
          <div data-testid="turnout">
            <p>{tn("vote.turnout", turnout().voters)}</p>
            <ul class="inline-list">
              <For each={Object.entries(turnout().byGroup)}>
                {([group, n]) => (
                  <li>
                    {groupLabel(props.groups, group)}: {n}
                  </li>
                )}
              </For>
            </ul>
          </div>
        )}
      </Show>
      <div class="button-row">
        <Show when={staged()}>
          <button
            type="button"
            disabled={props.activity.stage === "all"}
            onClick={() => void props.commander.run("activity.openToAll", { activityId: props.activity.id })}
          >
            {props.activity.stage === "all" ? t("map.openedToAll") : t("map.openToAll")}
          </button>
        </Show>
        <Show when={props.activity.status !== "draft" && !props.activity.resultsRevealed}>
          <button
            type="button"
            class="primary"
            onClick={() => void props.commander.run("results.reveal", { activityId: props.activity.id })}
          >
            {t("agenda.reveal")}
          </button>
        </Show>
      </div>
      <Show when={tally()} fallback={<p class="hint">{t("vote.noResults")}</p>}>
        {(view) => (
          <>
            <Show when={!props.activity.resultsRevealed}>
              <p class="hint">{t("vote.liveNotRevealed")}</p>
            </Show>
            <ResultsView
              title={t("vote.resultsTitle", { title: props.activity.title })}
              tally={view()}
              config={props.activity.config}
              groups={props.groups}
              byGroup
            />
          </>
        )}
      </Show>
    </section>
  );
};

/**
 * The selected activity in the main column: a map to moderate, a vote's turnout,
 * stage and results, feedback's progress, or an information slide.
 */
import { type Component, createMemo, Match, Show, Switch } from "solid-js";
import { type Card, type Comment, configOf, type Link } from "../../../../party/model/doc";
import { t } from "../i18n";
import { MapPanel } from "../map/MapPanel";
import { VotePanel, type VotePanelProps } from "./VotePanel";

/** What the vote panel needs, and a map's cards, links and comments. */
interface Props extends VotePanelProps {
  cards: readonly Card[];
  /** silent maps: cards not yet revealed, which the room sends facilitators privately */
  waiting: readonly Card[];
  links: readonly Link[];
  comments: readonly Comment[];
}

export const ActivityPanel: Component<Props> = (props) => {
  const mapConfig = createMemo(() => configOf(props.activity, "map"));
  return (
    <Switch>
      {/* Props written out, not spread: a spread would bring Solid's mergeProps to every phone (Solid is shared). */}
      <Match when={mapConfig()}>
        {(config) => (
          <MapPanel
            activity={props.activity}
            config={config()}
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
        <VotePanel
          activity={props.activity}
          result={props.result}
          groups={props.groups}
          currency={props.currency}
          allCards={props.allCards}
          source={props.source}
          commander={props.commander}
        />
      </Match>
      <Match when={true}>
        <section class="stack" aria-labelledby="activity-title">
          <h2 id="activity-title">{props.activity.title}</h2>
          <p>{props.activity.config.prompt}</p>
          <Show when={props.activity.kind === "feedback"}>
            <p class="hint">{t("feedback.private")}</p>
          </Show>
        </section>
      </Match>
    </Switch>
  );
};

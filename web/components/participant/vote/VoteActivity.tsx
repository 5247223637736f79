/**
 * A priority vote on a phone: the method's own input, "your vote is saved" once the
 * room acknowledges it (restored from the room's private message after a reload),
 * and the results once the facilitator reveals them.
 */

import { type Component, createMemo, createSignal, Show } from "solid-js";
import * as v from "valibot";
import { Ballot, type VoteConfig } from "../../../../party/model/commands";
import type { Activity } from "../../../../party/model/doc";
import { groupLabel } from "../../../lib/groups";
import { t, tn } from "../../../lib/i18n";
import { rememberWhileActive } from "../AfterClose";
import { CommandStatus } from "../CommandStatus";
import { useRoom } from "../context";
import { Translated } from "../Translated";
import { AllocateVote } from "./AllocateVote";
import { ApproveVote } from "./ApproveVote";
import { MatrixVote } from "./MatrixVote";
import { RankVote } from "./RankVote";
import { Results } from "./Results";

export interface MethodProps {
  config: VoteConfig;
  saved: Ballot | null;
  disabled: boolean;
  submitLabel: string;
  onSubmit: (ballot: Ballot) => void;
}

/** Each method's own input (dots and budget share one). */
const METHODS: Record<VoteConfig["method"], Component<MethodProps>> = {
  dots: AllocateVote,
  budget: AllocateVote,
  rank: RankVote,
  approve: ApproveVote,
  matrix: MatrixVote,
};

export const VoteActivity: Component<{ activity: Activity; config: VoteConfig }> = (props) => {
  const { room, me, workshop } = useRoom();
  // Co-delivery (#15): this phone remembers, for itself only, what it raised, supported or voted for.
  rememberWhileActive(useRoom());
  const [lastId, setLastId] = createSignal<string | null>(null);
  const saved = createMemo((): Ballot | null => {
    const parsed = v.safeParse(Ballot, room.ballots()[props.activity.id]);
    return parsed.success ? parsed.output : null;
  });
  const waitingForStage = () =>
    props.activity.stage === "first" &&
    props.config.stagedGroups.length > 0 &&
    !props.config.stagedGroups.includes(me()?.group ?? "");
  const disabled = () => props.activity.status !== "open" || !!workshop()?.locked || waitingForStage();
  const result = () => room.results()[props.activity.id];
  const lastRefused = () => (lastId() ? room.status(lastId()!)?.state === "refused" : false);
  const submit = (ballot: Ballot): void => {
    setLastId(room.send("ballot.submit", { activityId: props.activity.id, ballot }).id);
  };

  return (
    <div class="stack vote-activity">
      <Show when={props.config.prompt}>
        <Translated target={`activity.${props.activity.id}.prompt`} original={props.config.prompt} class="prompt" />
      </Show>
      <Show when={waitingForStage()}>
        <p class="notice warn">
          {t("vote.staged", {
            groups: props.config.stagedGroups.map((g) => groupLabel(g, workshop()?.groups)).join(", "),
          })}
        </p>
      </Show>
      <Show when={props.config.options.length > 0} fallback={<p class="notice">{t("vote.noOptions")}</p>}>
        {/* Props written out, not spread: a spread brings Solid's mergeProps to every phone. */}
        <Show when={METHODS[props.config.method]} keyed>
          {(Method) => (
            <Method
              config={props.config}
              saved={saved()}
              disabled={disabled()}
              submitLabel={saved() ? t("vote.update") : t("vote.submit")}
              onSubmit={submit}
            />
          )}
        </Show>
      </Show>
      <CommandStatus id={lastId()} />
      <Show when={saved() && !lastRefused()}>
        <p class="notice ok" role="status" data-testid="vote-saved">
          {t("vote.saved")}
        </p>
      </Show>
      <Show when={props.activity.turnout}>
        {(turnout) => <p class="muted">{tn("vote.turnout", turnout().voters)}</p>}
      </Show>
      <Show
        when={result()}
        fallback={
          <Show when={props.activity.status !== "draft"}>
            <p class="muted">{t("vote.resultsHidden")}</p>
          </Show>
        }
      >
        {(r) => (
          <Results
            result={r()}
            config={props.config}
            revealed={props.activity.resultsRevealed}
            groups={workshop()?.groups}
          />
        )}
      </Show>
    </div>
  );
};

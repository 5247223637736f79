/**
 * A vote in the main column: its options (and, before it opens, which map cards
 * will become options and why any are left out, with the facilitator's own
 * choice), turnout by group, staged rounds, and revealing — which closes the vote
 * unless the facilitator keeps it open on purpose, with a warning.
 */
import { type Component, createMemo, createSignal, For, Show } from "solid-js";
import type { StakeholderGroup, VoteConfig } from "../../../../party/model/commands";
import { type Activity, type Card, configOf } from "../../../../party/model/doc";
import { optionFromCard, optionsFromMap } from "../../../../party/model/options-from-map";
import type { Commander } from "../commander";
import { groupLabel } from "../groups";
import { t, tn } from "../i18n";
import { optionLabel } from "../options";
import { ResultsView } from "../ResultsView";
import { readTally } from "../results";
import { OpenToAll } from "./OpenToAll";

export interface VotePanelProps {
  activity: Activity;
  result: unknown;
  groups: readonly StakeholderGroup[];
  /** the workshop's currency (ISO 4217) */
  currency?: string | undefined;
  /** every card in the workshop: a vote may draw its options from a map */
  allCards: readonly Card[];
  /** the map a vote draws its options from */
  source: Activity | null;
  commander: Commander;
}

export const VotePanel: Component<VotePanelProps> = (props) => {
  const config = createMemo(() => configOf(props.activity, "vote"));
  const tally = createMemo(() => readTally(props.result));
  const staged = () => (config()?.stagedGroups.length ?? 0) > 0;
  const removed = () => (config()?.options ?? []).filter((o) => o.removed);
  const run = props.commander.run;
  const keepOpen = () => {
    if (window.confirm(t("vote.keepOpenConfirm")))
      void run("results.reveal", { activityId: props.activity.id, keepOpen: true });
  };
  return (
    <section class="vote-panel stack" aria-labelledby="vote-title">
      <h2 id="vote-title">{props.activity.title}</h2>
      <Show when={config()?.prompt}>
        <p class="prompt">{config()?.prompt}</p>
      </Show>
      <p>
        {t(`method.${config()?.method ?? "dots"}`)} · {tn("vote.options", config()?.options.length ?? 0)}
      </p>
      <Show when={removed().length > 0}>
        <p class="notice warn" role="status" data-testid="options-removed">
          {tn("vote.optionsRemoved", removed().length)}
        </p>
      </Show>
      <Show
        when={props.activity.status === "draft" && config()?.fromActivity}
        fallback={<OptionList options={config()?.options ?? []} />}
      >
        {(from) => (
          <FromMapPreview
            activity={props.activity}
            config={config() as VoteConfig}
            from={from()}
            source={props.source}
            allCards={props.allCards}
            commander={props.commander}
          />
        )}
      </Show>
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
          <OpenToAll activity={props.activity} commander={props.commander} />
        </Show>
        <Show when={props.activity.status !== "draft" && !props.activity.resultsRevealed}>
          <button
            type="button"
            class="primary"
            onClick={() => void run("results.reveal", { activityId: props.activity.id })}
          >
            {t("agenda.reveal")}
          </button>
          <Show when={props.activity.status === "open"}>
            <button type="button" onClick={keepOpen}>
              {t("vote.revealKeepOpen")}
            </button>
          </Show>
        </Show>
      </div>
      <Show when={props.activity.status !== "draft" && !props.activity.resultsRevealed}>
        <p class="hint">{t("vote.revealCloses")}</p>
      </Show>
      <Show when={props.activity.resultsRevealed && props.activity.status === "open"}>
        <p class="notice warn" data-testid="kept-open">
          {t("vote.keptOpen")}
        </p>
      </Show>
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
              currency={props.currency}
              groups={props.groups}
              byGroup
            />
          </>
        )}
      </Show>
    </section>
  );
};

const OptionList: Component<{ options: VoteConfig["options"] }> = (props) => (
  <Show when={props.options.length > 0}>
    <ol class="vote-options" aria-label={t("vote.optionsHeading")} data-testid="vote-options">
      <For each={props.options}>
        {(option) => (
          <li classList={{ "vote-options__removed": Boolean(option.removed) }} dir="auto">
            {optionLabel(option)}
          </li>
        )}
      </For>
    </ol>
  </Show>
);

/**
 * Before a vote that draws on a map opens: the cards that would become options,
 * those left out and why, and the facilitator's own pick (which fixes the options).
 */
const FromMapPreview: Component<{
  activity: Activity;
  config: VoteConfig;
  from: NonNullable<VoteConfig["fromActivity"]>;
  source: Activity | null;
  allCards: readonly Card[];
  commander: Commander;
}> = (props) => {
  const drawn = createMemo(() => optionsFromMap(props.allCards, props.from));
  const [picked, setPicked] = createSignal<ReadonlySet<string> | null>(null);
  const chosen = () => picked() ?? new Set(drawn().options.map((o) => o.id));
  const kindLabel = (id: string) => {
    const kinds = props.source?.kind === "map" ? props.source.config.kinds : [];
    return kinds.find((k) => k.id === id)?.label ?? id;
  };
  const reason = (entry: ReturnType<typeof optionsFromMap>["leftOut"][number]) =>
    entry.reason === "hidden"
      ? t("vote.leftOutHidden")
      : entry.reason === "kind"
        ? t("vote.leftOutKind", { kind: kindLabel(entry.card.kind) })
        : t("vote.leftOutTop", { count: props.from.topN ?? 0 });
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };
  const candidates = () => [
    ...drawn().options.map((o) => ({ id: o.id, label: o.label, note: "" })),
    ...drawn()
      .leftOut.filter((l) => l.reason !== "hidden")
      .map((l) => ({ id: l.card.id, label: l.card.text, note: reason(l) })),
  ];
  const useChoice = () => {
    const byId = new Map(props.allCards.map((c) => [c.id, c]));
    const options = candidates()
      .filter((c) => chosen().has(c.id))
      .flatMap((c) => {
        const card = byId.get(c.id);
        return card ? [optionFromCard(card)] : [];
      });
    const { fromActivity: _, ...rest } = props.config;
    void props.commander.run("activity.update", { activityId: props.activity.id, config: { ...rest, options } });
  };
  return (
    <fieldset class="from-map stack" data-testid="from-map">
      <legend>{t("vote.fromMap", { title: props.source?.title ?? "" })}</legend>
      <p class="hint">{tn("vote.fromMapCount", drawn().options.length)}</p>
      <ul class="from-map__list">
        <For each={candidates()}>
          {(c) => (
            <li>
              <label>
                <input
                  type="checkbox"
                  checked={chosen().has(c.id)}
                  onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                />{" "}
                <span dir="auto">{c.label}</span>
                <Show when={c.note}>
                  <span class="hint"> — {c.note}</span>
                </Show>
              </label>
            </li>
          )}
        </For>
      </ul>
      <Show when={drawn().leftOut.some((l) => l.reason === "hidden")}>
        <p class="hint">{tn("vote.leftOutHiddenCount", drawn().leftOut.filter((l) => l.reason === "hidden").length)}</p>
      </Show>
      <div class="button-row">
        <button type="button" disabled={chosen().size === 0} onClick={useChoice}>
          {tn("vote.useChosen", chosen().size)}
        </button>
      </div>
    </fieldset>
  );
};

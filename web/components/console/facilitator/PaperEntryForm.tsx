/**
 * Everyone counts (docs/everyone-counts.md): a facilitator types in one paper ballot or one
 * paper feedback form for the open vote or feedback activity, credited to the stakeholder
 * group (and table) ticked on the paper. Sends `ballot.submit` / `feedback.submit` with
 * `onBehalfOf` and `source: "paper"`; the entries made in this console session are listed
 * with a Remove button (`ballot.remove` / `feedback.remove`) to take back a mistake.
 */
import { type Component, createMemo, createSignal, For, Index, Match, Show, Switch } from "solid-js";
import type {
  Ballot,
  FeedbackAnswers,
  FeedbackConfig,
  StakeholderGroup,
  Table,
  VoteConfig,
} from "../../../../party/model/commands";
import { type Activity, configOf } from "../../../../party/model/doc";
import type { Commander } from "../commander";
import { groupLabel } from "../groups";
import { t, tn } from "../i18n";
import { optionLabel } from "../options";

interface Entry {
  id: string;
  activityId: string;
  kind: "vote" | "feedback";
  group: string;
  table?: string;
}

export const PaperEntryForm: Component<{
  /** the open activity, if it is a vote or a feedback form */
  activity: Activity | null;
  groups: StakeholderGroup[];
  tables: Table[];
  commander: Commander;
}> = (props) => {
  const [entries, setEntries] = createSignal<Entry[]>([]);
  const [group, setGroup] = createSignal("");
  const [table, setTable] = createSignal("");
  const [status, setStatus] = createSignal("");
  const [round, setRound] = createSignal(0);
  const vote = createMemo(() => {
    const a = props.activity;
    return a?.status === "open" ? configOf(a, "vote") : null;
  });
  const feedback = createMemo(() => {
    const a = props.activity;
    return a?.status === "open" ? configOf(a, "feedback") : null;
  });
  // The same options keep the same list (and so the same <option> and <input> elements): the
  // vote's config is read afresh whenever its activity changes in the doc (turnout, a phone's
  // ballot), and a new list would rebuild the form's fields, dropping what was already typed.
  const sameJson = <T,>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);
  const options = createMemo(() => (vote()?.options ?? []).filter((o) => !o.removed), [], { equals: sameJson });
  const items = createMemo(() => feedback()?.items ?? [], [], { equals: sameJson });
  const ballotCount = () => entries().filter((e) => e.kind === "vote").length;
  const formCount = () => entries().filter((e) => e.kind === "feedback").length;
  let form: HTMLFormElement | undefined;

  const field = (name: string) => form?.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const numberOf = (name: string) => {
    const raw = field(name)?.value ?? "";
    return raw === "" ? 0 : Number(raw);
  };

  const readBallot = (config: VoteConfig): Ballot => {
    if (config.method === "dots" || config.method === "budget") {
      const allocations: Record<string, number> = {};
      for (const o of options()) {
        const n = numberOf(`alloc-${o.id}`);
        if (n > 0) allocations[o.id] = n;
      }
      return { allocations };
    }
    if (config.method === "rank") {
      const order: string[] = [];
      for (let i = 0; i < Math.min(config.topK, options().length); i++) {
        const id = field(`rank-${i}`)?.value ?? "";
        if (id && !order.includes(id)) order.push(id);
      }
      return { order };
    }
    if (config.method === "approve")
      return {
        approved: options()
          .filter((o) => (field(`approve-${o.id}`) as HTMLInputElement | null)?.checked)
          .map((o) => o.id),
      };
    const ratings: Record<string, { impact: number; effort: number }> = {};
    for (const o of options()) {
      const impact = numberOf(`impact-${o.id}`);
      const effort = numberOf(`effort-${o.id}`);
      if (impact > 0 && effort > 0) ratings[o.id] = { impact, effort };
    }
    return { ratings };
  };

  const readAnswers = (config: FeedbackConfig): FeedbackAnswers => {
    const answers: FeedbackAnswers = {};
    for (const item of config.items) {
      const raw = (field(`item-${item.id}`)?.value ?? "").trim();
      if (raw === "") continue;
      answers[item.id] = item.type === "likert" ? Number(raw) : raw;
    }
    return answers;
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setStatus("");
    const activity = props.activity;
    if (!activity || !group()) return;
    const onBehalfOf = { group: group(), ...(table() ? { table: table() } : {}) };
    const v = vote();
    const f = feedback();
    const outcome = v
      ? await props.commander.run("ballot.submit", {
          activityId: activity.id,
          ballot: readBallot(v),
          onBehalfOf,
          source: "paper",
        })
      : f
        ? await props.commander.run("feedback.submit", {
            activityId: activity.id,
            answers: readAnswers(f),
            onBehalfOf,
            source: "paper",
          })
        : null;
    if (!outcome?.ok) return;
    const id = String(outcome.result.ballotId ?? outcome.result.feedbackId ?? "");
    if (!id) return;
    const entry: Entry = { id, activityId: activity.id, kind: v ? "vote" : "feedback", group: onBehalfOf.group };
    if (onBehalfOf.table) entry.table = onBehalfOf.table;
    setEntries((all) => [...all, entry]);
    setStatus(t("paper.entered", { group: groupLabel(props.groups, entry.group) }));
    // A fresh, empty form for the next sheet of paper (the group stays chosen).
    setRound((n) => n + 1);
  };

  const remove = async (entry: Entry) => {
    const outcome =
      entry.kind === "vote"
        ? await props.commander.run("ballot.remove", { activityId: entry.activityId, ballotId: entry.id })
        : await props.commander.run("feedback.remove", { activityId: entry.activityId, feedbackId: entry.id });
    if (!outcome.ok) return;
    setEntries((all) => all.filter((e) => e.id !== entry.id));
    setStatus(t("paper.removed"));
  };

  const tableLabel = (id: string) => props.tables.find((x) => x.id === id)?.label ?? id;

  return (
    <section class="stack paper-entry" aria-labelledby="paper-entry-heading">
      <h3 id="paper-entry-heading">{t("paper.heading")}</h3>
      <Show when={vote() || feedback()} fallback={<p class="muted">{t("paper.none")}</p>}>
        <p class="muted">{t("paper.hint", { title: props.activity?.title ?? "" })}</p>
        <form ref={form} class="stack" onSubmit={(e) => void submit(e)}>
          <div class="row">
            <label for="paper-group">{t("paper.group")}</label>
            <select id="paper-group" required value={group()} onChange={(e) => setGroup(e.currentTarget.value)}>
              <option value="">{t("paper.chooseGroup")}</option>
              <For each={props.groups}>{(g) => <option value={g.id}>{g.label}</option>}</For>
            </select>
          </div>
          <Show when={props.tables.length > 0}>
            <div class="row">
              <label for="paper-table">{t("paper.table")}</label>
              <select id="paper-table" value={table()} onChange={(e) => setTable(e.currentTarget.value)}>
                <option value="">{t("paper.noTable")}</option>
                <For each={props.tables}>{(x) => <option value={x.id}>{x.label}</option>}</For>
              </select>
            </div>
          </Show>
          {/* keyed on round: each submitted sheet leaves a blank form */}
          <For each={[round()]}>
            {() => (
              <fieldset class="stack">
                <legend>{vote() ? t("paper.ballot") : t("paper.form")}</legend>
                <Switch>
                  <Match when={vote()?.method === "dots" || vote()?.method === "budget"}>
                    <For each={options()}>
                      {(o) => (
                        <div class="row">
                          <label for={`paper-alloc-${o.id}`}>{optionLabel(o)}</label>
                          <input
                            id={`paper-alloc-${o.id}`}
                            name={`alloc-${o.id}`}
                            type="number"
                            min="0"
                            max={vote()?.method === "dots" ? vote()?.maxPerOption : vote()?.budget}
                            inputmode="numeric"
                          />
                        </div>
                      )}
                    </For>
                  </Match>
                  <Match when={vote()?.method === "rank"}>
                    <Index each={Array.from({ length: Math.min(vote()?.topK ?? 0, options().length) })}>
                      {(_, i) => (
                        <div class="row">
                          <label for={`paper-rank-${i}`}>{t("paper.choice", { n: i + 1 })}</label>
                          <select id={`paper-rank-${i}`} name={`rank-${i}`}>
                            <option value="">{t("paper.noChoice")}</option>
                            <For each={options()}>{(o) => <option value={o.id}>{optionLabel(o)}</option>}</For>
                          </select>
                        </div>
                      )}
                    </Index>
                  </Match>
                  <Match when={vote()?.method === "approve"}>
                    <For each={options()}>
                      {(o) => (
                        <label class="row">
                          <input type="checkbox" name={`approve-${o.id}`} />
                          {optionLabel(o)}
                        </label>
                      )}
                    </For>
                  </Match>
                  <Match when={vote()?.method === "matrix"}>
                    <For each={options()}>
                      {(o) => (
                        // One group per option, so "Impact" and "Effort" are heard with the option they rate.
                        <fieldset class="row">
                          <legend>{optionLabel(o)}</legend>
                          <label for={`paper-impact-${o.id}`}>{t("paper.impact")}</label>
                          <input id={`paper-impact-${o.id}`} name={`impact-${o.id}`} type="number" min="1" max="5" />
                          <label for={`paper-effort-${o.id}`}>{t("paper.effort")}</label>
                          <input id={`paper-effort-${o.id}`} name={`effort-${o.id}`} type="number" min="1" max="5" />
                        </fieldset>
                      )}
                    </For>
                  </Match>
                  <Match when={feedback()}>
                    <For each={items()}>
                      {(item) => (
                        <div class="row">
                          <label for={`paper-item-${item.id}`}>{item.label}</label>
                          <Show
                            when={item.type === "likert"}
                            fallback={
                              <textarea id={`paper-item-${item.id}`} name={`item-${item.id}`} dir="auto" rows="2" />
                            }
                          >
                            <input
                              id={`paper-item-${item.id}`}
                              name={`item-${item.id}`}
                              type="number"
                              min="1"
                              max="5"
                              inputmode="numeric"
                            />
                          </Show>
                        </div>
                      )}
                    </For>
                  </Match>
                </Switch>
              </fieldset>
            )}
          </For>
          <button type="submit" disabled={!group()}>
            {vote() ? t("paper.submitBallot") : t("paper.submitForm")}
          </button>
        </form>
      </Show>
      <p role="status" aria-live="polite">
        {status()}
      </p>
      <p data-testid="paper-count">
        {tn("paper.ballotCount", ballotCount())} · {tn("paper.formCount", formCount())}
      </p>
      <Show when={entries().length > 0}>
        <ul class="stack" aria-label={t("paper.entries")}>
          <For each={entries()}>
            {(entry, i) => (
              <li class="row">
                <span>
                  {t(entry.kind === "vote" ? "paper.entryBallot" : "paper.entryForm", { n: i() + 1 })}:{" "}
                  {groupLabel(props.groups, entry.group)}
                  {entry.table ? ` · ${tableLabel(entry.table)}` : ""}
                </span>
                <button
                  type="button"
                  aria-label={t("paper.removeEntry", { n: i() + 1 })}
                  onClick={() => void remove(entry)}
                >
                  {t("paper.remove")}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
};

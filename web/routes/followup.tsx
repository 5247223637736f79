/**
 * `/f/:code`: the public follow-up of a workshop (#15). What was prioritised and by which
 * stakeholder groups, what was committed, by which organisation, its status and dated
 * updates. No names. "Yours" marks what this phone raised, supported or voted for; only
 * the phone knows (AfterClose.tsx). Part of the participant journey, so it
 * is written small: the data does not change once loaded, plain maps instead of <For>.
 */
import { type Component, onMount } from "solid-js";
import { type CommitmentView, FollowUp } from "../../party/model/followup";
import type { RouteProps } from "../app";
import { tFollowup as ft, loadMine } from "../components/participant/AfterClose";
import { TopBar } from "../components/participant/TopBar";
import type { FollowupKey } from "../i18n/followup-en";
import { ApiError, apiFetch } from "../lib/api";
import { createResource } from "../lib/async";
import { groupLabel } from "../lib/groups";
import { initLanguage, language, t } from "../lib/i18n";
import "../styles/participant.css";

const STATUS: Record<CommitmentView["status"], FollowupKey> = {
  planned: "followup.status.planned",
  in_progress: "followup.status.in_progress",
  done: "followup.status.done",
  not_doing: "followup.status.not_doing",
};

const date = (at: number | string) => new Date(at).toLocaleDateString(language());

const FollowUpPage: Component<RouteProps> = (props) => {
  const code = (props.params.code ?? "").toUpperCase();
  const [view] = createResource(async () => {
    const found = await apiFetch(`/api/followup/${encodeURIComponent(code)}`, FollowUp);
    void initLanguage(found.workshop.language);
    return found;
  });
  // Reading a failed resource throws: read it only when it has not failed.
  const data = () => (view.error ? undefined : view());
  onMount(() => {
    document.title = ft("followup.title");
  });
  const mine = loadMine(code);
  /** Whether this phone raised, supported or voted for any of these (option keys or card ids). */
  const yours = (keys: (string | undefined)[]) => keys.some((k) => k && mine?.includes(k));
  const chip = (on: boolean) => on && <span class="chip">{ft("followup.yours")}</span>;
  const report = (v: FollowUp) => {
    const groups = (ids: string[]) => ids.map((id) => groupLabel(id, v.workshop.groups)).join(", ");
    return (
      <>
        <p>{ft("followup.intro", { title: v.workshop.title })}</p>
        {mine && <p class="muted">{ft("followup.yoursIntro")}</p>}
        <h2>{ft("followup.priorities")}</h2>
        {v.priorities.length === 0 && <p>{ft("followup.noPriorities")}</p>}
        {v.priorities.map((vote) => (
          <>
            <h3 dir="auto">{vote.title}</h3>
            <ol class="card-list">
              {vote.top.map((p) => {
                const on = yours([`${p.activityId}/${p.optionId}`, ...p.cardIds]);
                return (
                  <li class={on ? "card yours" : "card"}>
                    <p class="card-text">
                      {p.rank}. <span dir="auto">{p.label}</span> {chip(on)}
                    </p>
                    {p.originGroups.length > 0 && (
                      <p class="card-meta">{ft("followup.raisedBy", { groups: groups(p.originGroups) })}</p>
                    )}
                    {p.supportedBy.length > 0 && (
                      <p class="card-meta">{ft("followup.supportedBy", { groups: groups(p.supportedBy) })}</p>
                    )}
                    {p.commitments.length > 0 && (
                      <p class="card-meta">
                        <a href={`#c-${p.commitments[0]}`}>{ft("followup.committed")}</a>
                      </p>
                    )}
                  </li>
                );
              })}
            </ol>
          </>
        ))}
        <h2>{ft("followup.commitments")}</h2>
        {v.commitments.length === 0 && <p>{ft("followup.none")}</p>}
        {v.commitments.map((c) => commitment(c))}
        <p>
          <a href={`/f/${code}/feed.xml?lang=${language()}`} target="_self">
            {ft("followup.feed")}
          </a>
        </p>
      </>
    );
  };
  const commitment = (c: CommitmentView) => {
    const on = yours(c.from.map((s) => s.cardId ?? `${s.activityId}/${s.optionId}`));
    return (
      <article class={on ? "card yours" : "card"} id={`c-${c.id}`}>
        <h3 dir="auto">{c.title}</h3>
        <p>
          <span class="chip">{ft(STATUS[c.status])}</span>{" "}
          {c.overdue && <span class="chip bad">{ft("followup.overdue")}</span>} {chip(on)}
        </p>
        <p class="card-meta" dir="auto">
          {ft("followup.owner", { organisation: c.owner.organisation })} ·{" "}
          {ft("followup.progress", { progress: c.progress })}
          {c.due && ` · ${ft("followup.due", { date: date(c.due) })}`}
        </p>
        {c.description && <p dir="auto">{c.description}</p>}
        {c.from.length > 0 && (
          <p class="card-meta" dir="auto">
            {ft("followup.answers")}: {c.from.map((s) => s.label ?? ft("followup.gone")).join(" · ")}
          </p>
        )}
        <h4>{ft("followup.updates")}</h4>
        <ol class="comment-list">
          {c.history.map((u) => (
            <li>
              <time datetime={new Date(u.at).toISOString()}>{date(u.at)}</time>:{" "}
              {u.kind === "created" ? ft("followup.created") : `${ft(STATUS[u.status])}, ${u.progress}%`} ·{" "}
              <span dir="auto">{u.by.organisation ?? ft("followup.byTeam")}</span>
              {u.note && <p dir="auto">{u.note}</p>}
            </li>
          ))}
        </ol>
      </article>
    );
  };
  return (
    <>
      <TopBar title={data()?.workshop.title} />
      <main class="page stack" id="main">
        <h1>{ft("followup.title")}</h1>
        {view.loading && <p role="status">{t("common.loading")}</p>}
        {view.error && (
          <p class="notice bad" role="alert">
            {view.error instanceof ApiError && view.error.status === 404
              ? ft("followup.notFound", { code })
              : t("join.failed")}
          </p>
        )}
        {data() && report(data() as FollowUp)}
      </main>
    </>
  );
};

export default FollowUpPage;

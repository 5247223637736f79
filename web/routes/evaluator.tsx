/**
 * /evaluate/:id#token=… (one workshop) and /programme/:programmeId#token=… (a
 * programme of workshops): the evaluator's read-only workspace. Nothing here
 * changes a workshop; deleting one is for organisers and facilitators.
 */
import { type Component, createSignal, Show } from "solid-js";
import { DEFAULT_GROUPS } from "../../party/model/default-groups";
import type { RouteProps } from "../app";
import { getProgramme } from "../components/console/api";
import { ConsoleShell } from "../components/console/ConsoleShell";
import { FollowThroughTable } from "../components/console/commitments/FollowThroughTable";
import { t } from "../components/console/i18n";
import { NoAccess } from "../components/console/NoAccess";
import { ProgrammeTable } from "../components/console/report/ProgrammeTable";
import { ReportView } from "../components/console/report/ReportView";
import { getReport } from "../components/console/report/schema";
import { ApiError } from "../lib/api";
import { createResource } from "../lib/async";
import { takeFragmentToken } from "../lib/fragment-token";

const Evaluator: Component<RouteProps> = (props) => {
  const programmeId = props.params.programmeId;
  const workshopId = props.params.id ?? "";
  const token = takeFragmentToken(programmeId ? `programme:${programmeId}` : `evaluate:${workshopId}`);
  return (
    <Show when={token} fallback={<NoAccess title={t("evaluator.pageTitle")} />}>
      {(secret) => (
        <ConsoleShell title={t("evaluator.pageTitle")} class="console--evaluator">
          <Show when={programmeId} fallback={<WorkshopReport token={secret()} workshopId={workshopId} />}>
            {(id) => <ProgrammeWorkspace token={secret()} programmeId={id()} />}
          </Show>
        </ConsoleShell>
      )}
    </Show>
  );
};

const describe = (err: unknown) => (err instanceof ApiError ? err.message : String(err));

const WorkshopReport: Component<{ token: string; workshopId: string }> = (props) => {
  const [report] = createResource(
    () => ({ token: props.token, id: props.workshopId }),
    (k) => getReport(k.token, k.id),
  );
  return (
    <Show when={!report.error} fallback={<p role="alert">{t("report.failed", { message: describe(report.error) })}</p>}>
      <Show when={report()} fallback={<p role="status">{t("common.loading")}</p>}>
        {(r) => {
          document.title = t("report.heading", { title: r().workshop.title });
          return <ReportView report={r()} token={props.token} />;
        }}
      </Show>
    </Show>
  );
};

const ProgrammeWorkspace: Component<{ token: string; programmeId: string }> = (props) => {
  const [programme] = createResource(
    () => props.token,
    (token) => getProgramme(token, props.programmeId),
  );
  const [chosen, setChosen] = createSignal<string | null>(null);
  return (
    <div class="stack">
      <Show
        when={!programme.error}
        fallback={<p role="alert">{t("report.failed", { message: describe(programme.error) })}</p>}
      >
        <Show when={programme()} fallback={<p role="status">{t("common.loading")}</p>}>
          {(p) => (
            <section class="no-print stack" aria-labelledby="programme-title">
              <h2 id="programme-title">{t("evaluator.programme", { title: p().title })}</h2>
              <ProgrammeTable workshops={p().workshops} chosen={chosen()} onChoose={setChosen} />
              <Show when={p().followThrough}>
                {(ft) => <FollowThroughTable followThrough={ft()} groups={DEFAULT_GROUPS} />}
              </Show>
            </section>
          )}
        </Show>
      </Show>
      <Show when={chosen()} keyed>
        {(id) => <WorkshopReport token={props.token} workshopId={id} />}
      </Show>
    </div>
  );
};

export default Evaluator;

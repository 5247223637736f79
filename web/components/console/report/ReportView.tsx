/**
 * One workshop's session report for evaluators: read-only, printable on A4
 * (console.css @media print), charts as SVG with data tables beside them.
 */
import { type Component, For, Show } from "solid-js";
import { CommitmentsReport } from "../commitments/CommitmentsReport";
import { t } from "../i18n";
import { TablesReport } from "../tables/TablesReport";
import { VoiceTable } from "../VoiceTable";
import { Exports } from "./Exports";
import { AgendaSection, AttendanceSection, FeedbackReport, MapReport, TimelineSection, VoteReport } from "./Sections";
import { type Report, reportVoice } from "./schema";

export const ReportView: Component<{ report: Report; token: string }> = (props) => {
  const groups = () => props.report.workshop.groups;
  const voice = () => reportVoice(props.report.balanceOfVoice);
  return (
    <article class="report stack" data-testid="report">
      <header class="report__header">
        <h2>{t("report.heading", { title: props.report.workshop.title })}</h2>
        <Show when={props.report.workshop.purpose}>
          <p>{props.report.workshop.purpose}</p>
        </Show>
        <p class="hint">
          {t("report.meta", {
            date: props.report.workshop.scheduledFor ?? "—",
            status: t(`status.${props.report.workshop.status}` as "status.draft"),
            generated: new Date(props.report.generatedAt || Date.now()).toLocaleString(),
          })}
        </p>
        <button type="button" class="no-print" onClick={() => window.print()}>
          {t("report.print")}
        </button>
      </header>
      <AgendaSection report={props.report} />
      <AttendanceSection report={props.report} />
      <For each={props.report.activities.filter((a) => a.map || a.vote || a.feedback)}>
        {(a) => (
          <section class="report__activity" aria-labelledby={`r-${a.activityId}`}>
            <h2 id={`r-${a.activityId}`}>
              {a.title} <span class="hint">({t(`kind.${a.kind}` as "kind.map")})</span>
            </h2>
            <Show when={a.map}>{(map) => <MapReport title={a.title} map={map()} groups={groups()} />}</Show>
            <Show when={a.vote}>
              {(vote) => (
                <VoteReport title={a.title} vote={vote()} groups={groups()} currency={props.report.workshop.currency} />
              )}
            </Show>
            <Show when={a.feedback}>{(fb) => <FeedbackReport feedback={fb()} groups={groups()} />}</Show>
          </section>
        )}
      </For>
      <section aria-labelledby="r-voice">
        <h2 id="r-voice">{t("voice.heading")}</h2>
        <Show when={voice()} fallback={<p>{t("report.noVoice")}</p>}>
          {(v) => (
            <VoiceTable
              voice={v()}
              groups={groups()}
              presentHeading={t("voice.attended")}
              caption={t("voice.captionSession")}
            />
          )}
        </Show>
      </section>
      <TablesReport tables={props.report.tables} groups={groups()} />
      {/* Co-delivery (#15): what was committed, and follow-through by origin group. */}
      <CommitmentsReport report={props.report} />
      <TimelineSection report={props.report} />
      <Exports token={props.token} workshopId={props.report.workshop.id} />
    </article>
  );
};

/** The parts of a session report: agenda with timings, attendance, maps, votes, feedback, timeline. */
import { type Component, For, Show } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import type { ConsoleKey } from "../../../i18n/console";
import { boardToSvg } from "../board/boardSvg";
import { CommentList } from "../CommentList";
import { BarChart } from "../charts/BarChart";
import { groupLabel } from "../groups";
import { t, tn } from "../i18n";
import { ResultsView } from "../ResultsView";
import type { TallyView } from "../results";
import { SourcesLine } from "../Sources";
import { DataTable, Table } from "../Table";
import type { FeedbackSection, MapSection, Report, VoteSection } from "./schema";

const PALETTE = ["#1d5b94", "#9c1d4b", "#0c6b4c", "#8a4508", "#6b3d8f", "#3d4a5c"];

export const time = (ms: number | null) =>
  ms === null ? "—" : new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
const minutes = (ms: number | null) => (ms === null ? "—" : t("report.minutes", { n: Math.round(ms / 60000) }));

export const AgendaSection: Component<{ report: Report }> = (props) => (
  <section aria-labelledby="r-agenda">
    <h2 id="r-agenda">{t("report.agenda")}</h2>
    <Show when={props.report.agenda.length === 0}>
      <p>{t("report.noAgenda")}</p>
    </Show>
    <DataTable
      visible
      caption={t("report.agendaCaption")}
      headings={[
        t("report.activity"),
        t("report.kind"),
        t("report.planned"),
        t("report.opened"),
        t("report.closed"),
        t("report.duration"),
      ]}
      rows={props.report.agenda.map((a) => [
        a.title,
        t(`kind.${a.kind}` as "kind.map"),
        a.plannedMinutes === null ? "—" : t("report.minutes", { n: a.plannedMinutes }),
        time(a.openedAt),
        time(a.closedAt),
        minutes(a.durationMs),
      ])}
    />
  </section>
);

export const AttendanceSection: Component<{ report: Report }> = (props) => {
  const groups = () => props.report.workshop.groups;
  const rows = () =>
    Object.entries(props.report.attendance.byGroup).map(([g, n]) => ({
      id: g,
      label: groupLabel(groups(), g),
      value: n,
    }));
  return (
    <section aria-labelledby="r-attendance">
      <h2 id="r-attendance">{t("report.attendance")}</h2>
      <p>
        {t("report.attendanceSummary", {
          joined: props.report.attendance.joined,
          withdrawn: props.report.attendance.withdrawn,
          removed: props.report.attendance.removed,
        })}
      </p>
      <Show when={rows().length > 0}>
        <BarChart
          title={t("report.attendanceByGroup")}
          rows={rows()}
          labelHeading={t("voice.group")}
          valueHeading={t("report.people")}
          showTable
        />
      </Show>
    </section>
  );
};

export const MapReport: Component<{ title: string; map: MapSection; groups: readonly StakeholderGroup[] }> = (
  props,
) => {
  const svg = () =>
    boardToSvg({
      title: t("report.mapOf", { title: props.title }),
      lanes: props.map.lanes,
      kinds: props.map.kinds.map((k, i) => ({ ...k, color: k.color ?? PALETTE[i % PALETTE.length] ?? "#888888" })),
      groups: props.groups,
      cards: props.map.cards.map((c) => ({ ...c, supports: c.supports })),
      links: props.map.links,
      supportsLabel: (n) => tn("board.supports", n),
      orphanLaneLabel: t("board.otherLane"),
    });
  return (
    <div class="stack">
      <Show when={props.map.prompt}>
        <p class="prompt">{props.map.prompt}</p>
      </Show>
      <p>
        {tn("map.cardCount", props.map.cards.length)} · {tn("map.hiddenCount", props.map.hiddenCount)}
      </p>
      {/* Our own SVG string: every piece of text in it is escaped by boardToSvg. */}
      <figure
        class="report-map"
        aria-label={t("report.mapOf", { title: props.title })}
        tabindex={0}
        innerHTML={svg()}
        data-testid="report-map"
      />
      <DataTable
        visible
        caption={t("report.cardsByGroup")}
        headings={[t("voice.group"), t("voice.cards")]}
        rows={Object.entries(props.map.cardsByGroup).map(([g, n]) => [groupLabel(props.groups, g), String(n)])}
      />
      <CardList map={props.map} groups={props.groups} />
    </div>
  );
};

/**
 * Every visible card with every comment, lane by lane in the map's order: the
 * map as a reader can print it (the drawing above is too small on A4).
 */
const CardList: Component<{ map: MapSection; groups: readonly StakeholderGroup[] }> = (props) => {
  const laneOrder = () => new Map(props.map.lanes.map((l, i) => [l.id, i]));
  const cards = () =>
    [...props.map.cards].sort(
      (a, b) => (laneOrder().get(a.lane) ?? 99) - (laneOrder().get(b.lane) ?? 99) || a.createdAt - b.createdAt,
    );
  const kind = (id: string) => props.map.kinds.find((k) => k.id === id)?.label ?? id;
  return (
    <section class="report-cards" data-testid="report-cards">
      <h3>{t("report.cardList")}</h3>
      <Table
        captionHidden
        caption={t("report.cardList")}
        headings={[
          t("cards.lane"),
          t("cards.text"),
          t("report.kind"),
          t("cards.group"),
          t("cards.supports"),
          t("cards.comments"),
        ]}
      >
        <For each={cards()}>
          {(c) => (
            <tr data-card-id={c.id}>
              <td>{props.map.lanes.find((l) => l.id === c.lane)?.label ?? c.lane}</td>
              <th scope="row" dir="auto">
                {c.text}
              </th>
              <td>{kind(c.kind)}</td>
              <td>{groupLabel(props.groups, c.group)}</td>
              <td>{c.supports}</td>
              <td>
                <Show when={c.comments.length > 0}>
                  <CommentList class="report-comments" comments={c.comments} groups={props.groups} />
                </Show>
              </td>
            </tr>
          )}
        </For>
      </Table>
    </section>
  );
};

export const VoteReport: Component<{
  title: string;
  vote: VoteSection;
  groups: readonly StakeholderGroup[];
  currency: string;
}> = (props) => (
  <div class="stack">
    <Show when={!props.vote.revealed}>
      <p class="hint">{t("report.notRevealed")}</p>
    </Show>
    <ResultsView
      title={t("vote.resultsTitle", { title: props.title })}
      tally={props.vote.result as TallyView}
      config={{ options: props.vote.options, currency: props.vote.currency }}
      currency={props.currency}
      groups={props.groups}
      byGroup
      showTable
    />
  </div>
);

export const FeedbackReport: Component<{ feedback: FeedbackSection; groups: readonly StakeholderGroup[] }> = (
  props,
) => (
  <div class="stack">
    <p>{tn("report.respondents", props.feedback.respondents)}</p>
    <SourcesLine sources={props.feedback.sources} />
    <For each={props.feedback.respondents > 0 ? props.feedback.items : []}>
      {(item) => (
        <Show
          when={item.type === "likert"}
          fallback={
            <div>
              <h4>{item.label}</h4>
              <ul class="answers">
                <For each={item.answers}>
                  {(a) => (
                    <li>
                      {a.text}{" "}
                      <span class="hint">
                        ({a.group ? groupLabel(props.groups, a.group) : t("report.groupWithheld")})
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          }
        >
          <BarChart
            title={t("report.likertTitle", { label: item.label })}
            rows={[
              { id: "__all", label: t("report.everyone"), value: item.overall?.mean ?? 0 },
              ...Object.entries(item.byGroup).map(([g, s]) => ({
                id: g,
                label: groupLabel(props.groups, g),
                value: s.mean ?? 0,
              })),
            ]}
            labelHeading={t("voice.group")}
            valueHeading={t("report.meanOf5")}
            showTable
          />
        </Show>
      )}
    </For>
  </div>
);

/** A command as plain words ("added a card"); a name the catalogue lacks shows as itself. */
function describe(command: string): string {
  const key = `event.${command}` as ConsoleKey;
  const words = t(key);
  return words === key ? command : words;
}

/** The timeline in plain words, as an appendix: what happened, in order, by role and group. */
export const TimelineSection: Component<{ report: Report }> = (props) => {
  const titleOf = (id?: string) => (id ? (props.report.agenda.find((a) => a.id === id)?.title ?? "") : "");
  return (
    <section class="report-appendix" aria-labelledby="r-timeline">
      <h2 id="r-timeline">{t("report.timeline")}</h2>
      <DataTable
        visible
        caption={tn("report.timelineCaption", props.report.timeline.length)}
        headings={[t("report.time"), t("report.who"), t("report.action"), t("report.activity")]}
        rows={props.report.timeline.map((e) => [
          new Date(e.at).toLocaleTimeString(),
          [t(`role.${e.role}` as ConsoleKey), e.group ? groupLabel(props.report.workshop.groups, e.group) : ""]
            .filter(Boolean)
            .join(", "),
          describe(e.command),
          titleOf(e.activityId),
        ])}
      />
    </section>
  );
};

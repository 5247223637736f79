/**
 * A programme's workshops side by side: attendance, how much of the voice came
 * from community members, feedback and the top priorities — so an evaluator can
 * see change over time, then open any workshop's full report.
 */
import { type Component, For } from "solid-js";
import type { ProgrammeWorkshop } from "../api";
import { t } from "../i18n";
import { Table } from "../Table";
import { percent } from "../VoiceTable";
import { reportVoice } from "./schema";

interface Props {
  workshops: readonly ProgrammeWorkshop[];
  chosen: string | null;
  onChoose: (workshopId: string) => void;
}

const communityShare = (w: ProgrammeWorkshop) => {
  const row = reportVoice(w.balanceOfVoice)?.groups.find((g) => g.group === "community");
  return row ? `${percent(row.contributionShare)} / ${percent(row.presentShare)}` : "—";
};

export const ProgrammeTable: Component<Props> = (props) => (
  <Table
    class="programme-table"
    testId="programme-table"
    caption={t("programme.caption")}
    headings={[
      t("programme.workshop"),
      t("programme.date"),
      t("programme.joined"),
      t("programme.communityVoice"),
      t("programme.feedback"),
      t("programme.priorities"),
    ]}
  >
    <For each={props.workshops}>
      {(w) => (
        <tr>
          <th scope="row">
            <button
              type="button"
              class="link-button"
              aria-pressed={props.chosen === w.id}
              onClick={() => props.onChoose(w.id)}
            >
              {w.title}
            </button>
          </th>
          <td>{w.scheduledFor ?? t(`status.${w.status}` as "status.draft")}</td>
          <td>{w.attendance?.joined ?? "—"}</td>
          <td>{communityShare(w)}</td>
          <td>{w.feedback?.meanLikert == null ? "—" : `${w.feedback.meanLikert} / 5`}</td>
          <td>
            <For each={w.priorities}>
              {(p) => (
                <p class="programme-table__priorities">
                  <strong>{p.title}:</strong> {p.top.map((o) => o.label).join("; ") || "—"}
                </p>
              )}
            </For>
          </td>
        </tr>
      )}
    </For>
  </Table>
);

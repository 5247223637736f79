/**
 * Balance of voice (party/model/voice.ts): each group's share of the people present
 * beside its share of what was said — cards, supports, comments, ballots — with a
 * gentle cue, in words, when a group is under-heard. Used live by the facilitator,
 * on the projector when enabled, and in the evaluator's report.
 */
import { type Component, For, Show } from "solid-js";
import type { StakeholderGroup } from "../../../party/model/commands";
import type { BalanceOfVoice, GroupVoice } from "../../../party/model/voice";
import { groupColour, shownGroupLabel } from "./groups";
import { t } from "./i18n";
import { Table } from "./Table";

interface Props {
  voice: BalanceOfVoice;
  groups: readonly StakeholderGroup[];
  /** what "present" means here: people online now, or people who attended */
  presentHeading: string;
  caption: string;
  large?: boolean;
  /** the staged round now running, if any */
  staged?: StagedRound | null;
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A community-first map or staged vote that is open and still in its first round. */
export interface StagedRound {
  firstGroups: readonly string[];
}

/**
 * Advice that knows about staged rounds: a group held back on purpose is waiting
 * for its turn (not under-heard), and a room already in a community-first round is
 * not told to start one.
 */
function advice(group: string, staged: StagedRound | null | undefined, label: string): string {
  if (staged && !staged.firstGroups.includes(group)) return t("voice.promptWaiting", { group: label });
  if (staged) return t("voice.promptStaged", { group: label });
  return t("voice.prompt", { group: label });
}

/** The contribution columns after "share": each cell is a count and its share of the room's. */
const CONTRIBUTIONS = [
  ["cards", "cards", "cardShare"],
  ["supports", "supports", "supportShare"],
  ["comments", "comments", "commentShare"],
  ["ballots", "ballots", "ballotShare"],
] as const satisfies readonly (readonly [string, keyof GroupVoice, keyof GroupVoice])[];

export const VoiceTable: Component<Props> = (props) => (
  <div class="voice" classList={{ "voice--large": props.large }} data-testid="voice">
    <p class="voice__legend" aria-hidden="true">
      <span>
        <span class="voice__swatch" />
        {props.presentHeading}
      </span>
      <span>
        <span class="voice__swatch voice__swatch--voice" />
        {t("voice.share")}
      </span>
    </p>
    <ul class="voice__bars" aria-hidden="true">
      <For each={props.voice.groups}>
        {(g) => (
          <li>
            <span class="voice__label">{shownGroupLabel(props.groups, g.group, g.mergedFrom)}</span>
            <span class="voice__bar voice__bar--present" style={{ width: percent(g.presentShare) }} />
            <span
              class="voice__bar voice__bar--voice"
              style={{ width: percent(g.contributionShare), background: groupColour(props.groups, g.group) }}
            />
          </li>
        )}
      </For>
    </ul>
    {/* Focusable so keyboard users can scroll it in a narrow column. */}
    <section class="table-scroll" tabindex={0} aria-label={props.caption}>
      <Table
        class="voice__table"
        caption={props.caption}
        headings={[
          t("voice.group"),
          props.presentHeading,
          t("voice.share"),
          t("voice.cards"),
          t("voice.supports"),
          t("voice.comments"),
          t("voice.ballots"),
        ]}
      >
        <For each={props.voice.groups}>
          {(g) => (
            <tr data-group={g.group} classList={{ "voice__row--under": g.underHeard }}>
              <th scope="row">{shownGroupLabel(props.groups, g.group, g.mergedFrom)}</th>
              <td data-cell="present">
                {g.present} ({percent(g.presentShare)})
              </td>
              <td data-cell="share">
                {percent(g.contributionShare)}
                <Show when={g.underHeard}>
                  <strong class="voice__cue"> {t("voice.underHeard")}</strong>
                </Show>
              </td>
              <For each={CONTRIBUTIONS}>
                {([cell, count, share]) => (
                  <td data-cell={cell}>
                    {g[count]} ({percent(g[share])})
                  </td>
                )}
              </For>
            </tr>
          )}
        </For>
      </Table>
    </section>
    <For each={props.voice.groups.filter((g) => g.underHeard)}>
      {(g) => (
        <p class="voice__prompt" role="note">
          {advice(g.group, props.staged, shownGroupLabel(props.groups, g.group, g.mergedFrom))}
        </p>
      )}
    </For>
  </div>
);

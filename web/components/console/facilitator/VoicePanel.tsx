/** The facilitator's live balance-of-voice panel, over the whole session so far, and its place on the projector. */
import type { Component } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import type { BalanceOfVoice } from "../../../../party/model/voice";
import type { Commander } from "../commander";
import { t } from "../i18n";
import { type StagedRound, VoiceTable } from "../VoiceTable";

interface Props {
  voice: BalanceOfVoice;
  groups: readonly StakeholderGroup[];
  /** the projector shows this table too */
  onScreen: boolean;
  /** a community-first map or staged vote in its first round right now */
  staged: StagedRound | null;
  commander: Commander;
}

export const VoicePanel: Component<Props> = (props) => (
  <section class="stack" aria-labelledby="voice-title">
    <h2 id="voice-title">{t("voice.heading")}</h2>
    <p class="hint">{t("voice.explain")}</p>
    <VoiceTable
      voice={props.voice}
      groups={props.groups}
      presentHeading={t("voice.presentNow")}
      caption={t("voice.captionLive")}
      staged={props.staged}
    />
    <button
      type="button"
      aria-pressed={props.onScreen}
      onClick={() => void props.commander.run("screen.showVoice", { show: !props.onScreen })}
    >
      {props.onScreen ? t("voice.hideOnScreen") : t("voice.showOnScreen")}
    </button>
  </section>
);

/** The facilitator's live balance-of-voice panel, over the whole session so far. */
import type { Component } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import type { BalanceOfVoice } from "../../../../party/model/voice";
import { t } from "../i18n";
import { VoiceTable } from "../VoiceTable";

export const VoicePanel: Component<{ voice: BalanceOfVoice; groups: readonly StakeholderGroup[] }> = (props) => (
  <section class="stack" aria-labelledby="voice-title">
    <h2 id="voice-title">{t("voice.heading")}</h2>
    <p class="hint">{t("voice.explain")}</p>
    <VoiceTable
      voice={props.voice}
      groups={props.groups}
      presentHeading={t("voice.presentNow")}
      caption={t("voice.captionLive")}
    />
  </section>
);

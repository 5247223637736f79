/**
 * The four links of a new workshop, each with a copy button, and the participant
 * QR code to print or show. Secret links are shown once: the server keeps only hashes.
 */
import type { Component } from "solid-js";
import type { CreatedWorkshop } from "../api";
import { CopyLink } from "../CopyLink";
import { t } from "../i18n";
import { QrCode } from "../QrCode";

interface Props {
  workshop: CreatedWorkshop;
  title: string;
}

export const WorkshopLinks: Component<Props> = (props) => (
  <section class="stack workshop-links" aria-labelledby="links-title" data-testid="workshop-links">
    <h2 id="links-title" tabindex={-1}>
      {t("organise.linksTitle", { title: props.title })}
    </h2>
    <p>{t("organise.linksHint")}</p>
    <p class="join-code">
      {t("organise.joinCode")} <strong data-testid="join-code">{props.workshop.joinCode}</strong>
    </p>
    <p class="button-row">
      <a class="button primary" href={props.workshop.links.facilitator} target="_blank" rel="noopener">
        {t("organise.openConsole")}
      </a>
      <button type="button" onClick={() => window.print()}>
        {t("organise.printHandout")}
      </button>
    </p>
    <CopyLink
      label={t("organise.linkFacilitator")}
      value={props.workshop.links.facilitator}
      testId="link-facilitator"
    />
    <CopyLink
      label={t("organise.linkParticipant")}
      value={props.workshop.links.participant}
      testId="link-participant"
    />
    <CopyLink label={t("organise.linkScreen")} value={props.workshop.links.screen} testId="link-screen" />
    <CopyLink label={t("organise.linkEvaluator")} value={props.workshop.links.evaluator} testId="link-evaluator" />
    <QrCode value={props.workshop.links.participant} label={t("organise.qrLabel")} class="qr-code qr-code--medium" />
  </section>
);

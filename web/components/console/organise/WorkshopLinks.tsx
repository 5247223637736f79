/**
 * The four links of a new workshop, each with a copy button, the participant QR code,
 * and a one-page handout per role (session #19). The list of workshops keeps them too:
 * the server derives them again from the organiser secret and stores only hashes.
 */
import { type Component, For } from "solid-js";
import type { CreatedWorkshop } from "../api";
import { CopyLink } from "../CopyLink";
import { t } from "../i18n";
import { QrCode } from "../QrCode";
import { type HandoutRole, openHandout } from "./Handout";
import { HandoutButton } from "./LinksPanel";

interface Props {
  workshop: CreatedWorkshop;
  title: string;
  date?: string | null;
}

const ROLES = ["participant", "facilitator", "screen", "evaluator"] as const satisfies readonly HandoutRole[];

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
    </p>
    <div class="button-row" data-testid="handout-buttons">
      <For each={ROLES}>
        {(role) => (
          <HandoutButton
            who={role}
            onClick={() =>
              openHandout({
                role,
                link: props.workshop.links[role],
                title: props.title,
                joinCode: props.workshop.joinCode,
                date: props.date,
              })
            }
          />
        )}
      </For>
    </div>
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

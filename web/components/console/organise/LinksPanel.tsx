/**
 * session (#19): a listed workshop's links, kept (the server derives them again from the
 * organiser secret; worker/organiserLinks.ts), each with a copy button and a handout.
 */
import { type Component, For, Show } from "solid-js";
import type { ConsoleKey } from "../../../i18n/console";
import { CopyLink } from "../CopyLink";
import { t } from "../i18n";
import { QrCode } from "../QrCode";
import type { ShownLink, WorkshopLinksView } from "./api";
import { type HandoutRole, isHandoutRole, openHandout, roleName } from "./Handout";

interface Props {
  view: WorkshopLinksView;
  title: string;
  date?: string | null;
}

const BASIC: Record<string, ConsoleKey> = {
  facilitator: "organise.linkFacilitator",
  screen: "organise.linkScreen",
  evaluator: "organise.linkEvaluator",
};

/** Roles whose label says which table or language the link is for. */
const DETAILED = new Set(["host", "kiosk", "interpreter"]);

export function linkLabel(link: ShownLink): string {
  const basic = BASIC[link.role];
  if (basic) return t(basic);
  return link.label || (isHandoutRole(link.role) ? roleName(link.role) : link.role);
}

export const HandoutButton: Component<{ who: HandoutRole; onClick: () => void }> = (props) => (
  <button
    type="button"
    aria-label={t("organise.handoutFor", { role: roleName(props.who) })}
    onClick={() => props.onClick()}
  >
    {t("organise.handouts")}
  </button>
);

export const LinksPanel: Component<Props> = (props) => {
  const handout = (role: HandoutRole, link: string, detail?: string) =>
    openHandout({
      role,
      link,
      title: props.title,
      date: props.date,
      joinCode: props.view.joinCode,
      ...(detail ? { detail } : {}),
    });
  return (
    <div class="links-panel" data-testid="links-panel">
      <div class="links-panel__row">
        <CopyLink label={t("organise.linkParticipant")} value={props.view.participant} testId="listed-participant" />
        <HandoutButton who="participant" onClick={() => handout("participant", props.view.participant)} />
      </div>
      <For each={props.view.links}>
        {(link) => (
          <Show when={link.link} fallback={<p class="hint">{t("organise.linkUnshown", { role: linkLabel(link) })}</p>}>
            {(url) => (
              <div class="links-panel__row">
                <CopyLink label={linkLabel(link)} value={url()} testId={`listed-${link.role}`} />
                <Show when={isHandoutRole(link.role) ? (link.role as HandoutRole) : null}>
                  {(role) => (
                    <HandoutButton
                      who={role()}
                      onClick={() => handout(role(), url(), DETAILED.has(link.role) ? link.label : undefined)}
                    />
                  )}
                </Show>
              </div>
            )}
          </Show>
        )}
      </For>
      <QrCode value={props.view.participant} label={t("organise.qrLabel")} class="qr-code qr-code--small" />
    </div>
  );
};

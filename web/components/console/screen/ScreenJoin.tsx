/**
 * How to join, on the projector. Before the session starts: the big panel (code,
 * QR code, address). Once an activity is running: a compact strip, so the work
 * gets the screen. After the close: where to follow what happens next (/f/:code)
 * instead of a join code nobody can use any more.
 */
import { type Component, Show } from "solid-js";
import { t } from "../i18n";
import { QrCode } from "../QrCode";

export function participantLink(joinCode: string): string {
  return `${location.origin}/j/${encodeURIComponent(joinCode)}`;
}

export function followUpLink(joinCode: string): string {
  return `${location.origin}/f/${encodeURIComponent(joinCode)}`;
}

const bare = (url: string) => url.replace(/^https?:\/\//, "");

/** The join code as a screen reader hears it ("Code ABC123"); the panel and the strip both show it. */
const SpokenCode: Component<{ joinCode: string }> = (props) => (
  <>
    <span class="visually-hidden">{t("screen.code")} </span>
    {props.joinCode}
  </>
);

/** The QR code that opens the join page, in the panel's or the strip's size. */
const JoinQr: Component<{ joinCode: string; class: string }> = (props) => (
  <QrCode
    value={participantLink(props.joinCode)}
    label={t("screen.qrLabel", { code: props.joinCode })}
    class={props.class}
  />
);

export const ScreenJoinPanel: Component<{ joinCode: string }> = (props) => (
  <aside class="screen-join" aria-label={t("screen.join")}>
    <p class="screen-join__lead">{t("screen.joinLead")}</p>
    <p class="screen-join__code" data-testid="screen-join-code">
      <SpokenCode joinCode={props.joinCode} />
    </p>
    <JoinQr joinCode={props.joinCode} class="qr-code qr-code--screen" />
    <p class="screen-join__url">{bare(participantLink(props.joinCode))}</p>
  </aside>
);

export const ScreenJoinStrip: Component<{ joinCode: string; closed: boolean }> = (props) => (
  <Show
    when={!props.closed}
    fallback={
      <aside class="screen-strip" aria-label={t("screen.followUp")} data-testid="screen-followup">
        <span class="screen-strip__text">
          {t("screen.followUpLead")} <strong>{bare(followUpLink(props.joinCode))}</strong>
        </span>
        <QrCode value={followUpLink(props.joinCode)} label={t("screen.followUpQr")} class="qr-code qr-code--strip" />
      </aside>
    }
  >
    <aside class="screen-strip" aria-label={t("screen.join")}>
      <span class="screen-strip__text">
        {t("screen.joinAt")} <strong>{bare(participantLink(props.joinCode))}</strong>
      </span>
      <span class="screen-strip__code" data-testid="screen-join-code">
        <SpokenCode joinCode={props.joinCode} />
      </span>
      <JoinQr joinCode={props.joinCode} class="qr-code qr-code--strip" />
    </aside>
  </Show>
);

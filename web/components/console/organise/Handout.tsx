/**
 * session (#19): a one-page handout for one role of a workshop (or a programme), previewed in
 * a dialog and printed alone: while it is open the page prints nothing else (console.css,
 * `html.handout-open`). What to do, the link in full and as a QR code, and for secret links a
 * warning to keep the sheet private. The participants' handout leads with the join code.
 */
import { type Component, createEffect, createSignal, onCleanup, type ParentComponent, Show } from "solid-js";
import { insert } from "solid-js/web";
import type { ConsoleKey } from "../../../i18n/console";
import { t } from "../i18n";
import { QrCode } from "../QrCode";

export const HANDOUT_ROLES = [
  "participant",
  "facilitator",
  "screen",
  "evaluator",
  "host",
  "kiosk",
  "interpreter",
  "programme",
] as const;
export type HandoutRole = (typeof HANDOUT_ROLES)[number];

export function isHandoutRole(role: string): role is HandoutRole {
  return (HANDOUT_ROLES as readonly string[]).includes(role);
}

export interface HandoutSpec {
  role: HandoutRole;
  /** the workshop's (or programme's) title */
  title: string;
  link: string;
  joinCode?: string;
  date?: string | null;
  /** a table's or a language's name, for hosts, kiosks and interpreters */
  detail?: string;
}

const [current, setCurrent] = createSignal<HandoutSpec | null>(null);

/** Opens the handout preview; focus returns to the button that opened it when it closes. */
export function openHandout(spec: HandoutSpec): void {
  opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  setCurrent(spec);
}

let opener: HTMLElement | null = null;

export const roleName = (role: HandoutRole) => t(`handout.role.${role}` as ConsoleKey);
const text = (key: string, params?: Record<string, string>) => t(key as ConsoleKey, params);

const Sheet: Component<{ spec: HandoutSpec }> = (props) => {
  const role = () => props.spec.role;
  const joinAddress = () => props.spec.link.replace(/\/j\/[^/]*$/, "/j");
  return (
    <article class="handout-sheet" data-testid="handout-sheet" aria-labelledby="handout-role">
      <header class="handout-sheet__head">
        <p class="handout-sheet__role" id="handout-role">
          {roleName(role())}
          <Show when={props.spec.detail}>{(d) => <span> · {d()}</span>}</Show>
        </p>
        <h2 dir="auto">{props.spec.title}</h2>
        <Show when={props.spec.date}>{(d) => <p>{t("handout.date", { date: d() })}</p>}</Show>
      </header>
      <p class="handout-sheet__what">{text(`handout.what.${role()}`)}</p>
      <Show when={role() === "participant" && props.spec.joinCode}>
        <p class="handout-sheet__code">
          {t("handout.code")} <strong data-testid="handout-code">{props.spec.joinCode}</strong>
        </p>
      </Show>
      <ol class="handout-sheet__steps">
        <li>{text(`handout.step1.${role()}`, { address: joinAddress() })}</li>
        <li>{text(`handout.step2.${role()}`)}</li>
      </ol>
      <div class="handout-sheet__link">
        <QrCode value={props.spec.link} label={t("handout.qr")} class="qr-code handout-sheet__qr" />
        <div>
          <p class="handout-sheet__label">{t("handout.yourLink")}</p>
          <p class="handout-sheet__url" data-testid="handout-link">
            {props.spec.link}
          </p>
        </div>
      </div>
      <Show when={role() !== "participant"}>
        <p class="handout-sheet__private">{t("handout.keepPrivate", { role: roleName(role()).toLowerCase() })}</p>
      </Show>
    </article>
  );
};

/**
 * Its children at the end of <body>, in a `handout-portal` div (print CSS hides everything else
 * while a handout is open), removed with it. Solid's <Portal> does this too, but Solid is shared
 * with the phones, so a part only this page uses would ship to every phone (issue #17).
 */
const AtBodyEnd: ParentComponent = (props) => {
  const host = document.createElement("div");
  host.className = "handout-portal";
  insert(host, () => props.children);
  document.body.appendChild(host);
  onCleanup(() => host.remove());
  return null;
};

/** Mounted once by the organise page: the preview dialog of the open handout, if any. */
export const HandoutHost: Component = () => {
  const close = () => {
    setCurrent(null);
    opener?.focus();
  };
  createEffect(() => {
    const open = current() !== null;
    document.documentElement.classList.toggle("handout-open", open);
    if (open) queueMicrotask(() => document.getElementById("handout-dialog-title")?.focus());
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && current()) close();
  };
  document.addEventListener("keydown", onKey);
  onCleanup(() => {
    document.removeEventListener("keydown", onKey);
    document.documentElement.classList.remove("handout-open");
  });
  return (
    <Show when={current()}>
      {(spec) => (
        <AtBodyEnd>
          <div class="handout-print">
            <div class="handout-dialog" role="dialog" aria-modal="true" aria-labelledby="handout-dialog-title">
              <div class="handout-dialog__bar no-print">
                <h2 id="handout-dialog-title" tabindex={-1}>
                  {t("handout.dialog")}
                </h2>
                <div class="button-row">
                  <button type="button" class="primary" onClick={() => window.print()}>
                    {t("handout.print")}
                  </button>
                  <button type="button" onClick={close}>
                    {t("handout.close")}
                  </button>
                </div>
              </div>
              <Sheet spec={spec()} />
            </div>
          </div>
        </AtBodyEnd>
      )}
    </Show>
  );
};

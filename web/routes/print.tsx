/**
 * `/print/:id#token=…` (facilitator or table host): the paper pack (everyone counts,
 * docs/everyone-counts.md). One or more A4 sheets per activity, in the workshop's own
 * language where it has one, with the organiser's translations of prompts, lanes, kinds,
 * options and questions: a map's lanes and kinds as boxes to write in, a vote's options
 * with its method's instructions, the feedback form. Every sheet carries the workshop
 * code and a QR code for those who can join by phone, a sheet code so a transcriber
 * knows what it is, and "I am:" boxes for the stakeholder group (never a name).
 */
import { type Component, createMemo, For, type JSX, Match, onMount, Show, Switch } from "solid-js";
import type { VoteConfig } from "../../party/model/commands";
import { type Activity, configOf, translationKey } from "../../party/model/doc";
import { ConsoleShell } from "../components/console/ConsoleShell";
import { t as tc } from "../components/console/i18n";
import { consoleRoom, workshopTokenPage } from "../components/console/NoAccess";
import { QrCode } from "../components/console/QrCode";
import { te } from "../i18n/everyone";
import { groupLabel } from "../lib/groups";
import { language, languageInfo, showLanguage } from "../lib/i18n";
import type { Room } from "../lib/room";
import "../styles/print.css";

/** The organiser's translation into the sheet's language, or the original. */
function inLanguage(room: Room, target: string, original: string): string {
  return room.translations()[translationKey(language(), target)]?.text ?? original;
}

/** A short code a transcriber reads off a sheet: the join code, the activity's place, the page. */
const sheetCode = (joinCode: string, index: number) => `${joinCode}-${index + 1}`;

const Pack: Component<{ workshopId: string; token: string }> = (props) => {
  const room = consoleRoom(props, "print");
  const workshop = room.workshop;
  onMount(() => {
    document.title = tc("print.pageTitle");
  });
  // Sheets are in the workshop's language (the facilitator's own pick does not change them).
  createMemo(() => {
    const code = workshop()?.language;
    if (code) void showLanguage(code);
  });
  const activities = createMemo(() =>
    (workshop()?.agenda ?? []).flatMap((id) => {
      const a = room.activities()[id];
      return a && a.kind !== "info" ? [a] : [];
    }),
  );
  const joinUrl = () => `${location.origin}/j/${encodeURIComponent(workshop()?.joinCode ?? "")}`;
  return (
    <ConsoleShell
      title={tc("print.title")}
      subtitle={workshop()?.title ?? ""}
      class="print-pack"
      actions={
        <button type="button" class="button primary no-print" onClick={() => window.print()}>
          {tc("print.print")}
        </button>
      }
    >
      <p class="no-print">{tc("print.lead")}</p>
      <Show when={workshop()}>
        {(w) => (
          <div class="sheets" lang={language()} dir={languageInfo(language()).dir}>
            <For each={activities()}>
              {(activity, index) => (
                <section class="sheet" data-sheet={sheetCode(w().joinCode, index())} aria-label={activity.title}>
                  <header class="sheet-head">
                    <div>
                      <p class="sheet-code">{te("print.sheet", { code: sheetCode(w().joinCode, index()) })}</p>
                      <h2>{inLanguage(room, `activity.${activity.id}.title`, activity.title)}</h2>
                      <p class="sheet-workshop">{inLanguage(room, "workshop.title", w().title)}</p>
                    </div>
                    <div class="sheet-join">
                      <QrCode value={joinUrl()} label={tc("print.qrLabel", { code: w().joinCode })} class="sheet-qr" />
                      <p>{te("print.join", { url: joinUrl().replace(/^https?:\/\//, ""), code: w().joinCode })}</p>
                    </div>
                  </header>
                  <div class="sheet-who">
                    <span>{te("print.iAm")}</span>
                    <For each={w().groups}>
                      {(g) => (
                        <span class="tick">
                          <span class="box" aria-hidden="true" /> {groupLabel(g.id, w().groups)}
                        </span>
                      )}
                    </For>
                    <span class="sheet-table">{te("print.table")}</span>
                  </div>
                  <SheetBody room={room} activity={activity} />
                </section>
              )}
            </For>
            <FollowUpSlip joinCode={w().joinCode} />
          </div>
        )}
      </Show>
    </ConsoleShell>
  );
};

/**
 * The take-home slip (co-delivery, docs/follow-up.md): where anyone can follow what is done
 * with the workshop's priorities after today — the public follow-up page, by the join code,
 * which keeps working after the close. Cut along the dashed lines and hand one to each person.
 */
const FollowUpSlip: Component<{ joinCode: string }> = (props) => {
  const url = () => `${location.origin}/f/${encodeURIComponent(props.joinCode)}`;
  return (
    <section class="slips" aria-label={te("print.slipTitle")}>
      <For each={[0, 1, 2, 3]}>
        {() => (
          <div class="slip">
            <div>
              <h2>{te("print.slipTitle")}</h2>
              <p>{te("print.slipBody", { url: url().replace(/^https?:\/\//, "") })}</p>
            </div>
            <QrCode value={url()} label={tc("print.slipQrLabel", { code: props.joinCode })} class="sheet-qr" />
          </div>
        )}
      </For>
    </section>
  );
};

const SheetBody: Component<{ room: Room; activity: Activity }> = (props) => {
  const tr = (target: string, original: string) => inLanguage(props.room, target, original);
  const id = () => props.activity.id;
  const prompt = () => {
    const p = props.activity.config.prompt;
    return p ? tr(`activity.${id()}.prompt`, p) : "";
  };
  return (
    <>
      <Show when={prompt()}>
        <p class="sheet-prompt">{prompt()}</p>
      </Show>
      <Switch>
        <Match when={configOf(props.activity, "map")}>
          {(c) => (
            <>
              <p class="sheet-how">{te("print.mapHow")}</p>
              <table class="sheet-grid">
                <thead>
                  <tr>
                    <td />
                    <For each={c().kinds}>{(k) => <th scope="col">{tr(`kind.${id()}.${k.id}`, k.label)}</th>}</For>
                  </tr>
                </thead>
                <tbody>
                  <For each={c().lanes}>
                    {(lane) => (
                      <tr>
                        <th scope="row">{tr(`lane.${id()}.${lane.id}`, lane.label)}</th>
                        <For each={c().kinds}>{() => <td class="write-box" />}</For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </>
          )}
        </Match>
        <Match when={configOf(props.activity, "vote")}>
          {(c) => (
            <SheetList how={voteHow(c())} class="sheet-options" each={c().options}>
              {(o) => (
                <li>
                  <span class="box" aria-hidden="true" />
                  <span>{tr(`option.${id()}.${o.id}`, o.label)}</span>
                  <Show when={c().method === "matrix"}>
                    <span class="scale">
                      {te("print.impact")} 1 2 3 4 5 · {te("print.effort")} 1 2 3 4 5
                    </span>
                  </Show>
                </li>
              )}
            </SheetList>
          )}
        </Match>
        <Match when={configOf(props.activity, "feedback")}>
          {(c) => (
            <SheetList how={te("print.feedbackHow")} class="sheet-items" each={c().items}>
              {(item) => (
                <li>
                  <p>{tr(`item.${id()}.${item.id}`, item.label)}</p>
                  <Show when={item.type === "likert"} fallback={<div class="write-box lines" />}>
                    <p class="scale">1 2 3 4 5</p>
                  </Show>
                </li>
              )}
            </SheetList>
          )}
        </Match>
      </Switch>
    </>
  );
};

/** A vote's options or a feedback form's questions: how to fill them in, then one numbered item each. */
function SheetList<T>(props: {
  how: string;
  class: string;
  each: readonly T[];
  children: (item: T) => JSX.Element;
}): JSX.Element {
  return (
    <>
      <p class="sheet-how">{props.how}</p>
      <ol class={props.class}>
        <For each={props.each}>{(item) => props.children(item)}</For>
      </ol>
    </>
  );
}

function voteHow(c: VoteConfig): string {
  switch (c.method) {
    case "dots":
      return te("print.dotsHow", { dots: c.dots, max: c.maxPerOption });
    case "budget":
      return te("print.budgetHow", { budget: c.budget });
    case "rank":
      return te("print.rankHow", { k: c.topK });
    case "approve":
      return te("print.approveHow");
    case "matrix":
      return te("print.matrixHow");
  }
}

export default workshopTokenPage("print", () => tc("print.pageTitle"), Pack);

/**
 * /screen/:id#token=… — the projector: join code and QR code, the timer, the
 * current activity (the live map, read-only) and revealed results, large enough to
 * read from the back of the room. No controls: the facilitator drives it.
 */
import { type Component, createEffect, createMemo, Match, Show, Switch } from "solid-js";
import { parseActivityConfig } from "../../party/model/activity-config";
import { balanceOfVoice, voiceInputFromDoc } from "../../party/model/voice";
import type { RouteProps } from "../app";
import { Board } from "../components/console/board/Board";
import { CloseNotice } from "../components/console/CloseNotice";
import { ConsoleShell } from "../components/console/ConsoleShell";
import { t, tn } from "../components/console/i18n";
import { NoAccess } from "../components/console/NoAccess";
import { QrCode } from "../components/console/QrCode";
import { ResultsView } from "../components/console/ResultsView";
import { cardsOf, onlineParticipantIds } from "../components/console/readers";
import { readTally } from "../components/console/results";
import { TimerDisplay } from "../components/console/Timer";
import { VoiceTable } from "../components/console/VoiceTable";
import { createRoom } from "../lib/room";
import { takeFragmentToken } from "../lib/storage";

const Screen: Component<RouteProps> = (props) => {
  const workshopId = props.params.id ?? "";
  const token = takeFragmentToken(`screen:${workshopId}`);
  return (
    <Show when={token} fallback={<NoAccess title={t("screen.pageTitle")} />}>
      {(secret) => <Projector workshopId={workshopId} token={secret()} />}
    </Show>
  );
};

export function participantLink(joinCode: string): string {
  return `${location.origin}/j/${encodeURIComponent(joinCode)}`;
}

const Projector: Component<{ workshopId: string; token: string }> = (props) => {
  const room = createRoom({ workshopId: props.workshopId, token: props.token, actorKey: "screen", cacheDoc: false });
  const workshop = room.workshop;
  const groups = () => workshop()?.groups ?? [];
  const current = createMemo(() => {
    const id = workshop()?.currentActivityId;
    return id ? (room.activities()[id] ?? null) : null;
  });
  const mapConfig = createMemo(() => {
    const a = current();
    if (a?.kind !== "map") return null;
    const parsed = parseActivityConfig("map", a.config);
    return parsed.ok ? parsed.config : null;
  });
  const tally = createMemo(() => {
    const a = current();
    // The room writes a tally into the doc only once it may be shown: revealed, or live as ballots arrive.
    return a?.kind === "vote" ? readTally(room.results()[a.id]) : null;
  });
  const showVoice = () => workshop()?.showVoiceOnScreen === true;
  const voice = createMemo(() => {
    if (!showVoice()) return null;
    room.cards();
    room.comments();
    room.activities();
    room.participants();
    return balanceOfVoice(voiceInputFromDoc(room.doc(), [...onlineParticipantIds(room.presence())]));
  });
  createEffect(() => {
    document.title = workshop()?.title ?? t("screen.pageTitle");
  });

  return (
    <ConsoleShell title={workshop()?.title ?? t("screen.pageTitle")} class="console--screen">
      <CloseNotice reason={room.closeReason()} />
      <Show when={workshop()} fallback={<p role="status">{room.closeReason() ? "" : t("common.connecting")}</p>}>
        {(w) => (
          <div class="screen-layout">
            <aside class="screen-join" aria-label={t("screen.join")}>
              <p class="screen-join__lead">{t("screen.joinLead")}</p>
              <p class="screen-join__code" data-testid="screen-join-code">
                <span class="visually-hidden">{t("screen.code")} </span>
                {w().joinCode}
              </p>
              <QrCode
                value={participantLink(w().joinCode)}
                label={t("screen.qrLabel", { code: w().joinCode })}
                class="qr-code qr-code--screen"
              />
              <p class="screen-join__url">{participantLink(w().joinCode).replace(/^https?:\/\//, "")}</p>
              <TimerDisplay timer={w().timer} serverNow={room.serverNow} large />
              <Show when={w().locked}>
                <p class="screen-locked">{t("screen.locked")}</p>
              </Show>
            </aside>
            <section class="screen-main" aria-live="off">
              <Show
                when={w().status !== "closed" && current()}
                fallback={
                  <p class="screen-welcome">{w().status === "closed" ? t("screen.closed") : t("screen.welcome")}</p>
                }
              >
                {(a) => (
                  <>
                    <h2 class="screen-activity">{a().title}</h2>
                    <Show when={(a().config as { prompt?: unknown }).prompt}>
                      <p class="screen-prompt">{String((a().config as { prompt?: unknown }).prompt)}</p>
                    </Show>
                    <Switch>
                      <Match when={mapConfig()}>
                        {(config) => (
                          <Show
                            when={config().mode !== "silent" || a().cardsRevealed}
                            fallback={<p class="screen-welcome">{t("screen.silent")}</p>}
                          >
                            <Board
                              title={t("map.boardLabel", { title: a().title })}
                              lanes={config().lanes}
                              kinds={config().kinds}
                              groups={groups()}
                              cards={cardsOf(room.cards(), a().id).filter((c) => !c.hidden)}
                              links={Object.values(room.links())}
                              comments={Object.values(room.comments())}
                              fit
                              large
                            />
                          </Show>
                        )}
                      </Match>
                      <Match when={tally()}>
                        {(view) => (
                          <ResultsView
                            title={t("vote.resultsTitle", { title: a().title })}
                            tally={view()}
                            config={a().config}
                            groups={groups()}
                            large
                            byGroup={a().resultsRevealed}
                            groupCharts={false}
                          />
                        )}
                      </Match>
                      <Match when={a().kind === "vote"}>
                        <p class="screen-welcome">
                          {a().turnout ? tn("screen.votes", a().turnout?.voters ?? 0) : t("screen.voteOpen")}
                        </p>
                      </Match>
                    </Switch>
                  </>
                )}
              </Show>
              <Show when={voice()}>
                {(v) => (
                  <VoiceTable
                    voice={v()}
                    groups={groups()}
                    presentHeading={t("voice.presentNow")}
                    caption={t("voice.heading")}
                    large
                  />
                )}
              </Show>
            </section>
          </div>
        )}
      </Show>
    </ConsoleShell>
  );
};

export default Screen;

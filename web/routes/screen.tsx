/**
 * /screen/:id#token=… — the projector: join code and QR code, the timer, the
 * current activity (the live map, read-only) and revealed results, large enough to
 * read from the back of the room. No controls: the facilitator drives it.
 */
import { type Component, createEffect, createMemo, Match, Show, Switch } from "solid-js";
import { configOf } from "../../party/model/doc";
import { balanceOfVoice, voiceInputFromDoc } from "../../party/model/voice";
import { CloseNotice } from "../components/console/CloseNotice";
import { ConsoleShell } from "../components/console/ConsoleShell";
import { t } from "../components/console/i18n";
import { consoleRoom, workshopTokenPage } from "../components/console/NoAccess";
import { ResultsView } from "../components/console/ResultsView";
import { cardsOf, onlineParticipantIds } from "../components/console/readers";
import { readTally } from "../components/console/results";
import { ScreenJoinPanel, ScreenJoinStrip } from "../components/console/screen/ScreenJoin";
import { ScreenMap } from "../components/console/screen/ScreenMap";
import { ScreenOptions, ScreenResults } from "../components/console/screen/ScreenVote";
import { Second, SecondLanguageProvider, secondLanguage } from "../components/console/screen/SecondLanguage";
import { TimerDisplay } from "../components/console/Timer";
import { tableCounts, tableLabel } from "../components/console/tables/readers";
import { TablesGrid } from "../components/console/tables/TablesGrid";
import { VoiceTable } from "../components/console/VoiceTable";

const Projector: Component<{ workshopId: string; token: string }> = (props) => {
  const room = consoleRoom(props, "screen");
  const workshop = room.workshop;
  const groups = () => workshop()?.groups ?? [];
  const current = createMemo(() => {
    const id = workshop()?.currentActivityId;
    return id ? (room.activities()[id] ?? null) : null;
  });
  const mapConfig = createMemo(() => configOf(current(), "map"));
  const voteConfig = createMemo(() => configOf(current(), "vote"));
  const mapCards = createMemo(() => {
    const a = current();
    return a ? cardsOf(room.cards(), a.id).filter((c) => !c.hidden) : [];
  });
  // tables (#13): on a map at tables the projector shows one table's cards when the facilitator picks one.
  const tableCards = (at: string, table: string | null | undefined) =>
    at === "tables" ? mapCards().filter((c) => c.table === table) : mapCards();
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
    const entries = { cards: Object.values(room.cards()), comments: Object.values(room.comments()) };
    return balanceOfVoice(
      voiceInputFromDoc(room.doc(), [...onlineParticipantIds(room.presence())], undefined, entries),
    );
  });
  // everyone counts (#14): the facilitator's choice of a second language, with the doc's translations.
  const second = createMemo(() => secondLanguage(workshop()?.screenLanguage, room.translations()));
  // Once something is running (or it is over) the join panel shrinks to a strip: the work gets the screen.
  const started = () => workshop()?.status === "closed" || Boolean(current());
  createEffect(() => {
    document.title = workshop()?.title ?? t("screen.pageTitle");
  });

  return (
    <SecondLanguageProvider value={second}>
      <ConsoleShell
        title={workshop()?.title ?? t("screen.pageTitle")}
        class="console--screen"
        actions={
          <Show when={workshop()}>
            {(w) => (
              <div class="screen-status">
                <Show when={w().status !== "closed" && w().timer}>
                  <TimerDisplay timer={w().timer} serverNow={room.serverNow} large />
                </Show>
                <Show when={w().locked && w().status !== "closed"}>
                  <p class="screen-locked" data-testid="screen-locked">
                    {t("screen.locked")}
                  </p>
                </Show>
                <Show when={started()}>
                  <ScreenJoinStrip joinCode={w().joinCode} closed={w().status === "closed"} />
                </Show>
              </div>
            )}
          </Show>
        }
      >
        <CloseNotice reason={room.closeReason()} />
        <Show when={workshop()} fallback={<p role="status">{room.closeReason() ? "" : t("common.connecting")}</p>}>
          {(w) => (
            <div class="screen-layout" classList={{ "screen-layout--started": started() }}>
              <Show when={!started()}>
                <ScreenJoinPanel joinCode={w().joinCode} />
              </Show>
              <section class="screen-main" aria-live="off">
                <Show
                  when={!voice() && w().status !== "closed" && current()}
                  fallback={
                    <Show
                      when={voice()}
                      fallback={
                        <p class="screen-welcome">
                          {w().status === "closed" ? t("screen.closed") : t("screen.welcome")}
                        </p>
                      }
                    >
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
                  }
                >
                  {(a) => (
                    <>
                      <h2 class="screen-activity" dir="auto">
                        {a().title}
                      </h2>
                      <Second target={`activity.${a().id}.title`} class="screen-activity" />
                      <Show when={a().config.prompt}>
                        <p class="screen-prompt" dir="auto">
                          {a().config.prompt}
                        </p>
                        <Second target={`activity.${a().id}.prompt`} class="screen-prompt" />
                      </Show>
                      <Switch>
                        <Match when={mapConfig()}>
                          {(config) => (
                            <Show
                              when={config().mode !== "silent" || a().cardsRevealed}
                              fallback={<p class="screen-welcome">{t("screen.silent")}</p>}
                            >
                              <Show
                                when={config().at === "tables" && !w().screenTable}
                                fallback={
                                  <>
                                    <Show when={config().at === "tables" && w().screenTable}>
                                      <h3 class="screen-table" data-testid="screen-table">
                                        {tableLabel(w().tables, w().screenTable)}
                                      </h3>
                                    </Show>
                                    <ScreenMap
                                      title={t("map.boardLabel", { title: a().title })}
                                      activityId={a().id}
                                      lanes={config().lanes}
                                      kinds={config().kinds}
                                      groups={groups()}
                                      cards={tableCards(config().at, w().screenTable).filter((c) => !c.awaitingReview)}
                                      held={
                                        tableCards(config().at, w().screenTable).filter((c) => c.awaitingReview).length
                                      }
                                    />
                                  </>
                                }
                              >
                                {/* tables (#13): every table as a grid, with live counts */}
                                <TablesGrid
                                  counts={tableCounts(
                                    w().tables ?? [],
                                    Object.values(room.participants()),
                                    onlineParticipantIds(room.presence()),
                                    mapCards(),
                                  )}
                                  cards={mapCards().filter((c) => !c.awaitingReview)}
                                  kinds={config().kinds}
                                  large
                                />
                              </Show>
                            </Show>
                          )}
                        </Match>
                        <Match when={tally()?.method === "matrix" && tally()}>
                          {(view) => (
                            <ResultsView
                              title={t("vote.resultsTitle", { title: a().title })}
                              tally={view()}
                              config={a().config}
                              currency={workshop()?.currency}
                              groups={groups()}
                              large
                              byGroup={a().resultsRevealed}
                              groupCharts={false}
                            />
                          )}
                        </Match>
                        <Match when={tally()}>
                          {(view) => (
                            <ScreenResults
                              activityId={a().id}
                              title={t("vote.resultsTitle", { title: a().title })}
                              tally={view()}
                              config={a().config}
                              groups={groups()}
                              byGroup={a().resultsRevealed}
                            />
                          )}
                        </Match>
                        <Match when={voteConfig()}>
                          {(config) => (
                            <ScreenOptions
                              activityId={a().id}
                              options={config().options}
                              voters={a().turnout?.voters ?? 0}
                            />
                          )}
                        </Match>
                      </Switch>
                    </>
                  )}
                </Show>
              </section>
            </div>
          )}
        </Show>
      </ConsoleShell>
    </SecondLanguageProvider>
  );
};

export default workshopTokenPage("screen", () => t("screen.pageTitle"), Projector);

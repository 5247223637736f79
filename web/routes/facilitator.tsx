/**
 * /facilitate/:id#token=… — the facilitator's live console. It is just another
 * connection to the room: open the same link on a second laptop and both consoles
 * stay in step, because everything shown comes from the room's doc.
 */
import { type Component, createEffect, createMemo, createSignal, on, Show } from "solid-js";
import { balanceOfVoice, voiceInputFromDoc } from "../../party/model/voice";
import { AgendaPanel } from "../components/console/agenda/AgendaPanel";
import { CloseNotice } from "../components/console/CloseNotice";
import { ConnectionBadge } from "../components/console/ConnectionBadge";
import { ConsoleShell } from "../components/console/ConsoleShell";
import { createCommander } from "../components/console/commander";
import { ActivityPanel } from "../components/console/facilitator/ActivityPanel";
import { EveryonePanel } from "../components/console/facilitator/EveryonePanel";
import { ParticipantsPanel } from "../components/console/facilitator/ParticipantsPanel";
import { PreviewBanner, sourceOf, stagedRound } from "../components/console/facilitator/PreviewBanner";
import { RunControls } from "../components/console/facilitator/RunControls";
import { ShareLinks } from "../components/console/facilitator/ShareLinks";
import { VoicePanel } from "../components/console/facilitator/VoicePanel";
import { t } from "../components/console/i18n";
import { consoleRoom, workshopTokenPage } from "../components/console/NoAccess";
import { activeParticipants, agendaOf, cardsOf, onlineParticipantIds } from "../components/console/readers";
import { TablesContext } from "../components/console/tables/context";
import { TablesPanel } from "../components/console/tables/TablesPanel";

const Console: Component<{ workshopId: string; token: string }> = (props) => {
  const room = consoleRoom(props, "facilitator");
  const commander = createCommander(room);
  const [selectedId, setSelectedId] = createSignal<string | null>(null);

  const workshop = room.workshop;
  const groups = () => workshop()?.groups ?? [];
  const agenda = createMemo(() => agendaOf(workshop()?.agenda, room.activities()));
  const selected = createMemo(() => {
    const id = selectedId() ?? workshop()?.currentActivityId ?? agenda()[0]?.id;
    return (id && room.activities()[id]) || null;
  });
  // Follow the open activity: when the room moves on, so does the centre panel (a preview ends).
  createEffect(
    on(
      () => workshop()?.currentActivityId,
      () => setSelectedId(null),
      { defer: true },
    ),
  );
  const previewing = () => {
    const id = selected()?.id;
    return Boolean(id && id !== workshop()?.currentActivityId && selectedId() !== null);
  };
  const online = createMemo(() => onlineParticipantIds(room.presence()));
  const participants = createMemo(() => activeParticipants(room.participants()));

  // Read every root the figures depend on, so the memo re-runs when any of them changes.
  const voice = createMemo(() => {
    room.cards();
    room.comments();
    room.activities();
    room.participants();
    const entries = { cards: Object.values(room.cards()), comments: Object.values(room.comments()) };
    return balanceOfVoice(voiceInputFromDoc(room.doc(), [...online()], undefined, entries));
  });

  // tables (#13): what map panels need about tables, provided once.
  const tables = () => workshop()?.tables ?? [];
  const tablesInfo = {
    tables,
    participants,
    online,
    maps: () => agenda().filter((a) => a.kind === "map"),
    screenTable: () => workshop()?.screenTable ?? null,
  };

  createEffect(() => {
    document.title = workshop()
      ? t("facilitator.titleFor", { title: workshop()?.title ?? "" })
      : t("facilitator.pageTitle");
  });

  return (
    <ConsoleShell
      title={workshop()?.title ?? t("facilitator.pageTitle")}
      subtitle={
        workshop()
          ? t("facilitator.subtitle", {
              code: workshop()?.joinCode ?? "",
              status: t(`status.${workshop()?.status ?? "draft"}`),
            })
          : undefined
      }
      actions={<ConnectionBadge state={room.connection()} pending={room.pending().length} />}
      class="console--facilitator"
    >
      <CloseNotice reason={room.closeReason()} />
      <Show when={commander.error()}>
        <p class="error" role="alert" data-testid="command-error">
          {commander.error()}{" "}
          <button type="button" class="link-button" onClick={commander.clearError}>
            {t("common.dismiss")}
          </button>
        </p>
      </Show>
      <Show when={workshop()} fallback={<p role="status">{room.closeReason() ? "" : t("common.connecting")}</p>}>
        {(w) => (
          <TablesContext.Provider value={tablesInfo}>
            <div class="facilitator-layout">
              <div class="facilitator-layout__top">
                <RunControls
                  workshop={w()}
                  current={w().currentActivityId ? (room.activities()[w().currentActivityId ?? ""] ?? null) : null}
                  serverNow={room.serverNow}
                  commander={commander}
                />
                <div class="button-row">
                  <a
                    class="button"
                    href={`/evaluate/${encodeURIComponent(props.workshopId)}#token=${encodeURIComponent(props.token)}`}
                    target="_blank"
                    rel="noopener"
                    data-testid="live-report"
                  >
                    {t("facilitator.liveReport")}
                  </a>
                  <ShareLinks token={props.token} workshopId={props.workshopId} />
                </div>
              </div>
              <AgendaPanel
                agenda={agenda()}
                currentId={w().currentActivityId}
                selectedId={selected()?.id ?? null}
                onSelect={setSelectedId}
                groups={groups()}
                commander={commander}
                closed={w().status === "closed"}
              />
              <div class="facilitator-layout__main">
                <Show when={selected()}>
                  {(activity) => (
                    <PreviewBanner
                      activity={activity()}
                      current={w().currentActivityId ? (room.activities()[w().currentActivityId ?? ""] ?? null) : null}
                      previewing={previewing()}
                      closed={w().status === "closed"}
                      onBack={() => setSelectedId(null)}
                      commander={commander}
                    />
                  )}
                </Show>
                <Show when={selected()?.id} keyed fallback={<p>{t("facilitator.noActivity")}</p>}>
                  {(id) => (
                    <Show when={room.activities()[id]}>
                      {(activity) => (
                        <ActivityPanel
                          allCards={Object.values(room.cards())}
                          source={sourceOf(activity(), room.activities())}
                          activity={activity()}
                          cards={cardsOf(room.cards(), id)}
                          waiting={room.privateCards()[id] ?? []}
                          links={Object.values(room.links())}
                          comments={Object.values(room.comments())}
                          result={room.results()[id]}
                          groups={groups()}
                          currency={room.workshop()?.currency}
                          commander={commander}
                        />
                      )}
                    </Show>
                  )}
                </Show>
              </div>
              <aside class="facilitator-layout__side stack" aria-label={t("facilitator.sidebar")}>
                <VoicePanel
                  voice={voice()}
                  groups={groups()}
                  onScreen={w().showVoiceOnScreen === true}
                  staged={stagedRound(
                    w().currentActivityId ? room.activities()[w().currentActivityId ?? ""] : undefined,
                  )}
                  commander={commander}
                />
                <ParticipantsPanel
                  participants={participants()}
                  online={online()}
                  groups={groups()}
                  commander={commander}
                />
                <EveryonePanel
                  token={props.token}
                  workshopId={props.workshopId}
                  groups={groups()}
                  tables={tables()}
                  current={w().currentActivityId ? (room.activities()[w().currentActivityId ?? ""] ?? null) : null}
                  commander={commander}
                  workshopLanguage={w().language}
                  screenLanguage={w().screenLanguage ?? null}
                  translatedInto={[...new Set(Object.values(room.translations()).map((x) => x.language))]}
                />
                <TablesPanel
                  token={props.token}
                  workshopId={props.workshopId}
                  tables={tables()}
                  participants={participants()}
                  online={online()}
                  cards={Object.values(room.cards())}
                  comments={Object.values(room.comments())}
                  groups={groups()}
                  commander={commander}
                />
              </aside>
            </div>
          </TablesContext.Provider>
        )}
      </Show>
    </ConsoleShell>
  );
};

export default workshopTokenPage("facilitate", () => t("facilitator.pageTitle"), Console);

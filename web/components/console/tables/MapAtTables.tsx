/**
 * A map at tables on the facilitator's console: every table side by side with live
 * counts, following one table (the board and table below then show only its
 * cards), the projector's view (all tables or one), and the harvest: picked cards
 * go to a plenary map keeping where they came from (`cards.harvest`).
 */
import { type Component, createMemo, createSignal, Show } from "solid-js";
import type { MapConfig } from "../../../../party/model/commands";
import type { Activity, Card } from "../../../../party/model/doc";
import type { Commander } from "../commander";
import { SelectField } from "../fields";
import { t, tn } from "../i18n";
import type { TablesInfo } from "./context";
import { isAtTables, tableCounts } from "./readers";
import { TablesGrid } from "./TablesGrid";

interface Props {
  activity: Activity;
  config: MapConfig;
  cards: readonly Card[];
  info: TablesInfo;
  following: string | null;
  onFollow: (table: string | null) => void;
  commander: Commander;
}

export const MapAtTables: Component<Props> = (props) => {
  const [picked, setPicked] = createSignal<ReadonlySet<string>>(new Set());
  const [target, setTarget] = createSignal("");
  const [done, setDone] = createSignal("");
  const visible = createMemo(() => props.cards.filter((c) => !c.hidden));
  const counts = createMemo(() =>
    tableCounts(props.info.tables(), props.info.participants(), props.info.online(), visible()),
  );
  const plenaries = createMemo(() =>
    props.info.maps().filter((m) => m.id !== props.activity.id && m.kind === "map" && !isAtTables(m)),
  );
  const targetId = () => (plenaries().some((m) => m.id === target()) ? target() : (plenaries()[0]?.id ?? ""));
  const pick = (cardId: string, on: boolean) =>
    setPicked((s) => {
      const next = new Set(s);
      if (on) next.add(cardId);
      else next.delete(cardId);
      return next;
    });
  const harvest = async (e: SubmitEvent) => {
    e.preventDefault();
    const cardIds = [...picked()].filter((id) => visible().some((c) => c.id === id));
    if (cardIds.length === 0 || !targetId()) return;
    const outcome = await props.commander.run("cards.harvest", {
      fromActivityId: props.activity.id,
      cardIds,
      toActivityId: targetId(),
    });
    if (outcome.ok) {
      const added = Array.isArray(outcome.result.cardIds) ? outcome.result.cardIds.length : 0;
      setDone(tn("tables.harvested", added));
      setPicked(new Set<string>());
    }
  };
  const show = (table: string | null) => void props.commander.run("screen.show", { table });

  return (
    <section class="map-at-tables stack" aria-labelledby="map-at-tables-title">
      <h3 id="map-at-tables-title">{t("tables.heading")}</h3>
      <Show when={props.info.tables().length > 0} fallback={<p class="warn">{t("tables.none")}</p>}>
        <div class="button-row">
          <SelectField
            label={t("tables.following")}
            value={props.following ?? ""}
            onChange={(v) => props.onFollow(v || null)}
            options={[
              { value: "", label: t("tables.allTables") },
              ...props.info.tables().map((tb) => ({ value: tb.id, label: tb.label })),
            ]}
          />
          <button
            type="button"
            aria-pressed={props.info.screenTable() === null}
            onClick={() => show(null)}
            data-testid="screen-all-tables"
          >
            {t("tables.screenAll")}
          </button>
          <Show when={props.following}>
            {(table) => (
              <button
                type="button"
                aria-pressed={props.info.screenTable() === table()}
                onClick={() => show(table())}
                data-testid="screen-one-table"
              >
                {t("tables.screenThis")}
              </button>
            )}
          </Show>
        </div>
        <Show when={props.following === null}>
          <TablesGrid
            counts={counts()}
            cards={visible()}
            kinds={props.config.kinds}
            picked={picked()}
            onPick={pick}
            onFollow={(table) => props.onFollow(table)}
          />
          <form class="inline-form harvest" onSubmit={(e) => void harvest(e)}>
            <Show when={plenaries().length > 0} fallback={<p class="hint">{t("tables.noPlenary")}</p>}>
              <SelectField
                label={t("tables.harvestTo")}
                value={targetId()}
                onChange={setTarget}
                options={plenaries().map((m) => ({ value: m.id, label: m.title }))}
              />
              <button type="submit" disabled={picked().size === 0}>
                {tn("tables.harvest", picked().size)}
              </button>
            </Show>
            <p role="status">{done()}</p>
          </form>
        </Show>
      </Show>
    </section>
  );
};

/**
 * The report's section per table (tables, #13): who sat there by group, the cards
 * raised there and which went on to the plenary, and the table's balance of voice.
 */
import { type Component, For, Show } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import { groupLabel } from "../groups";
import { t, tn } from "../i18n";
import { reportVoice, type TableSection } from "../report/schema";
import { VoiceTable } from "../VoiceTable";

export const TablesReport: Component<{ tables: readonly TableSection[]; groups: readonly StakeholderGroup[] }> = (
  props,
) => (
  <Show when={props.tables.length > 0}>
    <section aria-labelledby="r-tables" data-testid="report-tables">
      <h2 id="r-tables">{t("tables.reportHeading")}</h2>
      <For each={props.tables}>
        {(table) => (
          <section class="report__table" aria-labelledby={`r-table-${table.id}`} data-table={table.id}>
            <h3 id={`r-table-${table.id}`} dir="auto">
              {table.label}
            </h3>
            <p>
              {tn("tables.people", table.people)}
              <Show when={Object.keys(table.peopleByGroup).length > 0}>
                {": "}
                {Object.entries(table.peopleByGroup)
                  .map(([g, n]) => `${groupLabel(props.groups, g)} ${n}`)
                  .join(", ")}
              </Show>
            </p>
            <Show when={table.dominatedBy.length > 0}>
              <p class="warn">
                {t("tables.dominated", {
                  groups: table.dominatedBy.map((g) => groupLabel(props.groups, g)).join(", "),
                })}
              </p>
            </Show>
            <Show when={table.cards.length > 0} fallback={<p>{t("tables.noCards")}</p>}>
              <ul>
                <For each={table.cards}>
                  {(card) => (
                    <li>
                      <span dir="auto">{card.text}</span>{" "}
                      <span class="hint">
                        ({groupLabel(props.groups, card.group)}, {tn("tables.supports", card.supports)}
                        {card.transcribed ? `, ${t("tables.transcribed")}` : ""}
                        {card.harvestedInto.length > 0 ? `, ${t("tables.toPlenary")}` : ""})
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={reportVoice(table.voice)}>
              {(voice) => (
                <VoiceTable
                  voice={voice()}
                  groups={props.groups}
                  presentHeading={t("voice.attended")}
                  caption={t("tables.voiceCaption", { table: table.label })}
                />
              )}
            </Show>
          </section>
        )}
      </For>
    </section>
  </Show>
);

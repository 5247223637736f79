/**
 * Export buttons, CSV and JSON per table. The API needs the token in a header, so
 * the file is fetched here and handed to the browser as a download (never a URL
 * with a secret in it).
 */
import { type Component, createSignal, For } from "solid-js";
import { ErrorAlert } from "../ErrorAlert";
import { t } from "../i18n";
import { Table } from "../Table";

const TABLES = ["agenda", "participants", "cards", "ballots", "events", "feedback", "commitments"] as const;
const FORMATS = ["csv", "json"] as const;

export const Exports: Component<{ token: string; workshopId: string }> = (props) => {
  const [error, setError] = createSignal("");
  const download = async (table: (typeof TABLES)[number], format: (typeof FORMATS)[number]) => {
    setError("");
    try {
      const response = await fetch(
        `/api/workshops/${encodeURIComponent(props.workshopId)}/export?format=${format}&table=${table}`,
        { headers: { authorization: `Bearer ${props.token}` }, credentials: "omit" },
      );
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = `${props.workshopId}-${table}.${format}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(t("report.exportFailed", { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  return (
    <section class="exports no-print stack" aria-labelledby="exports-title">
      <h2 id="exports-title">{t("report.exports")}</h2>
      <Table
        captionHidden
        caption={t("report.exports")}
        headings={[t("report.exportTable"), t("report.exportDownload")]}
      >
        <For each={TABLES}>
          {(table) => (
            <tr>
              <th scope="row">{t(`report.table.${table}`)}</th>
              <td class="button-row">
                <For each={FORMATS}>
                  {(format) => (
                    <button
                      type="button"
                      onClick={() => void download(table, format)}
                      data-testid={`export-${table}-${format}`}
                    >
                      {format.toUpperCase()}
                      <span class="visually-hidden"> {t(`report.table.${table}`)}</span>
                    </button>
                  )}
                </For>
              </td>
            </tr>
          )}
        </For>
      </Table>
      <ErrorAlert message={error()} />
    </section>
  );
};

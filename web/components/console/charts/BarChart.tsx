/**
 * A small horizontal bar chart in SVG, with a data table alternative for screen
 * readers and anyone who prefers numbers. Bars carry their value as text too, so
 * nothing depends on reading lengths alone.
 */
import { type Component, For } from "solid-js";
import { ChartFigure } from "./ChartFigure";
import type { BarRow } from "./types";

export type { BarRow };

interface Props {
  title: string;
  rows: readonly BarRow[];
  valueHeading: string;
  labelHeading: string;
  /** projector: larger type */
  large?: boolean;
  /** show the table visibly (evaluator, print) rather than only to assistive tech */
  showTable?: boolean;
  format?: (n: number) => string;
}

const LABEL_W = 300;
const BAR_W = 400;
const VALUE_W = 80;
/** average glyph width as a share of the font size, to cut labels before they overflow */
const GLYPH = 0.6;

export const BarChart: Component<Props> = (props) => {
  const rowH = () => (props.large ? 44 : 28);
  const font = () => (props.large ? 22 : 14);
  const max = () => Math.max(1, ...props.rows.map((r) => r.value));
  const fmt = (n: number) => (props.format ? props.format(n) : String(Math.round(n * 100) / 100));
  const height = () => props.rows.length * rowH() + 8;
  const label = (text: string) => {
    const limit = Math.floor((LABEL_W - 12) / (font() * GLYPH));
    return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
  };
  return (
    <ChartFigure
      kind="bar-chart"
      large={props.large}
      title={props.title}
      viewBox={`0 0 ${LABEL_W + BAR_W + VALUE_W} ${height()}`}
      preserveAspectRatio="xMinYMin meet"
      table={{
        headings: [props.labelHeading, props.valueHeading],
        rows: props.rows.map((r) => [r.label, fmt(r.value)]),
        visible: props.showTable,
      }}
    >
      <For each={props.rows}>
        {(row, i) => (
          <g>
            <text
              x={LABEL_W - 8}
              y={i() * rowH() + rowH() * 0.65}
              font-size={String(font())}
              text-anchor="end"
              fill="currentColor"
            >
              {label(row.label)}
            </text>
            <rect
              x={LABEL_W}
              y={i() * rowH() + 4}
              width={Math.max(row.value > 0 ? 2 : 0, (row.value / max()) * BAR_W)}
              height={rowH() - 8}
              class="bar-chart__bar"
            />
            <text
              x={LABEL_W + (row.value / max()) * BAR_W + 6}
              y={i() * rowH() + rowH() * 0.65}
              font-size={String(font())}
              fill="currentColor"
            >
              {fmt(row.value)}
            </text>
          </g>
        )}
      </For>
    </ChartFigure>
  );
};

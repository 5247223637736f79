/**
 * Impact × effort as a 2×2 scatter: high impact / low effort (top left) are the
 * quick wins. Points are numbered and the numbers keyed in a table, so the chart
 * is readable without colour and without seeing positions.
 */
import { type Component, For } from "solid-js";
import { ChartFigure } from "./ChartFigure";

import type { MatrixPoint } from "./types";

export type { MatrixPoint };

interface Props {
  title: string;
  points: readonly MatrixPoint[];
  labels: {
    impact: string;
    effort: string;
    option: string;
    quickWins: string;
    bigBets: string;
    fillIns: string;
    avoid: string;
  };
  large?: boolean;
  showTable?: boolean;
}

const SIZE = 400;
const PAD = 48;
/** ratings run 1–5; map to the plot area */
const pos = (n: number) => PAD + ((Math.min(5, Math.max(1, n)) - 1) / 4) * (SIZE - 2 * PAD);

export const MatrixChart: Component<Props> = (props) => {
  const font = () => (props.large ? 18 : 12);
  const round = (n: number) => String(Math.round(n * 10) / 10);
  return (
    <ChartFigure
      kind="matrix-chart"
      large={props.large}
      title={props.title}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      table={{
        headings: ["#", props.labels.option, props.labels.impact, props.labels.effort],
        rows: props.points.map((p, i) => [String(i + 1), p.label, round(p.impact), round(p.effort)]),
        visible: props.showTable ?? true,
      }}
    >
      <rect x={PAD} y={PAD} width={SIZE - 2 * PAD} height={SIZE - 2 * PAD} fill="none" stroke="currentColor" />
      <line x1={SIZE / 2} y1={PAD} x2={SIZE / 2} y2={SIZE - PAD} stroke="currentColor" stroke-dasharray="4 4" />
      <line x1={PAD} y1={SIZE / 2} x2={SIZE - PAD} y2={SIZE / 2} stroke="currentColor" stroke-dasharray="4 4" />
      <text x={PAD + 6} y={PAD + font() + 4} font-size={String(font())} fill="currentColor">
        {props.labels.quickWins}
      </text>
      <text x={SIZE - PAD - 6} y={PAD + font() + 4} font-size={String(font())} text-anchor="end" fill="currentColor">
        {props.labels.bigBets}
      </text>
      <text x={PAD + 6} y={SIZE - PAD - 8} font-size={String(font())} fill="currentColor">
        {props.labels.fillIns}
      </text>
      <text x={SIZE - PAD - 6} y={SIZE - PAD - 8} font-size={String(font())} text-anchor="end" fill="currentColor">
        {props.labels.avoid}
      </text>
      <text x={SIZE / 2} y={SIZE - 12} font-size={String(font())} text-anchor="middle" fill="currentColor">
        {props.labels.effort} →
      </text>
      <text
        x={16}
        y={SIZE / 2}
        font-size={String(font())}
        text-anchor="middle"
        fill="currentColor"
        transform={`rotate(-90 16 ${SIZE / 2})`}
      >
        {props.labels.impact} →
      </text>
      <For each={props.points}>
        {(p, i) => (
          <g>
            <circle
              cx={pos(p.effort)}
              cy={SIZE - pos(p.impact)}
              r={props.large ? 14 : 10}
              class="matrix-chart__point"
            />
            <text
              x={pos(p.effort)}
              y={SIZE - pos(p.impact) + (props.large ? 6 : 4)}
              font-size={String(props.large ? 16 : 11)}
              text-anchor="middle"
              fill="#ffffff"
            >
              {i() + 1}
            </text>
          </g>
        )}
      </For>
    </ChartFigure>
  );
};

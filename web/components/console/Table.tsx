/**
 * The frame every console table shares: a caption (for screen readers only when
 * `captionHidden`), one row of column headings, and the body its caller writes.
 * `DataTable` (charts/BarChart.tsx) fills it with rows of plain strings.
 */
import { For, type JSX, type ParentComponent } from "solid-js";

export interface TableProps {
  caption: JSX.Element;
  headings: readonly string[];
  captionHidden?: boolean;
  /** classes besides `data-table` */
  class?: string;
  testId?: string;
}

export const Table: ParentComponent<TableProps> = (props) => (
  <table class={props.class ? `data-table ${props.class}` : "data-table"} data-testid={props.testId}>
    <caption class={props.captionHidden ? "visually-hidden" : undefined}>{props.caption}</caption>
    <thead>
      <tr>
        <For each={props.headings}>{(heading) => <th scope="col">{heading}</th>}</For>
      </tr>
    </thead>
    <tbody>{props.children}</tbody>
  </table>
);

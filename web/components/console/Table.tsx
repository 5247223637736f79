/**
 * The frame every console table shares: a caption (for screen readers only when
 * `captionHidden`), one row of column headings, and the body its caller writes.
 * `DataTable` below fills it with rows of plain strings (charts, report sections).
 */
import { type Component, For, type JSX, type ParentComponent, Show } from "solid-js";

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

interface DataTableProps {
  caption: string;
  headings: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  visible?: boolean;
}

/**
 * A plain data table; hidden visually (but not from screen readers) unless `visible`.
 * The hiding goes on a wrapper: a table never shrinks below its content, so a hidden
 * one would still widen the page.
 */
export const DataTable: Component<DataTableProps> = (props) => (
  <div classList={{ "visually-hidden": !props.visible }}>
    <DataTableBody caption={props.caption} headings={props.headings} rows={props.rows} />
  </div>
);

const DataTableBody: Component<DataTableProps> = (props) => (
  <Table caption={props.caption} headings={props.headings}>
    <For each={props.rows}>
      {(row) => (
        <tr>
          <For each={row}>
            {(cell, i) => (
              <Show when={i() === 0} fallback={<td>{cell}</td>}>
                {<th scope="row">{cell}</th>}
              </Show>
            )}
          </For>
        </tr>
      )}
    </For>
  </Table>
);

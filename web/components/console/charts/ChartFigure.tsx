/**
 * The accessible frame every console chart shares: a figure with its caption, the drawing
 * as one labelled image, and the same figures as a data table (visible, or for screen
 * readers only) so nothing is only in the picture.
 */
import type { JSX, ParentComponent } from "solid-js";
import { DataTable } from "../Table";

export const ChartFigure: ParentComponent<{
  /** the chart's class: "bar-chart", "matrix-chart" (and `<class>--large`) */
  kind: string;
  large?: boolean | undefined;
  title: string;
  viewBox: string;
  preserveAspectRatio?: JSX.SvgSVGAttributes<SVGSVGElement>["preserveAspectRatio"];
  table: { headings: readonly string[]; rows: ReadonlyArray<readonly string[]>; visible?: boolean | undefined };
}> = (props) => (
  // A class string, not classList with a computed key: that needs Solid's classList helper, which every phone would download.
  <figure class={props.large ? `${props.kind} ${props.kind}--large` : props.kind}>
    <figcaption>{props.title}</figcaption>
    <svg viewBox={props.viewBox} role="img" aria-label={props.title} preserveAspectRatio={props.preserveAspectRatio}>
      <title>{props.title}</title>
      {props.children}
    </svg>
    <DataTable
      caption={props.title}
      headings={props.table.headings}
      rows={props.table.rows}
      visible={props.table.visible}
    />
  </figure>
);

/**
 * A QR code drawn as one SVG path from uqr's module matrix: crisp at any size on a
 * projector, and no image request (the CSP allows none to third parties anyway).
 */
import { type Component, createMemo } from "solid-js";
import { encode } from "uqr";

interface Props {
  value: string;
  /** accessible name, e.g. "QR code for the participant link" */
  label: string;
  class?: string;
}

/** One "M x y h1 v1 h-1 z" square per dark module, plus a quiet zone of 4 modules. */
export function qrPath(value: string): { size: number; d: string } {
  const qr = encode(value, { ecc: "M", border: 4 });
  let d = "";
  qr.data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { size: qr.size, d };
}

export const QrCode: Component<Props> = (props) => {
  const qr = createMemo(() => qrPath(props.value));
  return (
    <svg
      class={props.class ?? "qr-code"}
      viewBox={`0 0 ${qr().size} ${qr().size}`}
      role="img"
      aria-label={props.label}
      shape-rendering="crispEdges"
      data-testid="qr-code"
    >
      <title>{props.label}</title>
      <rect width={qr().size} height={qr().size} fill="#ffffff" />
      <path d={qr().d} fill="#000000" />
    </svg>
  );
};

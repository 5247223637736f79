/**
 * Render a map as a standalone SVG string, for the evaluator's report and its
 * printout. Pure (no DOM), so it is unit-testable and safe to build anywhere.
 * Hidden cards are left out; the caller says how many were hidden.
 */
import type { StakeholderGroup } from "../../../../party/model/commands";
import { groupBadge, groupColour } from "../groups";
import { CARD_H, CARD_W, LANE_HEADER_H, type LayoutCard, type LayoutLane, layoutBoard } from "./layout";

export interface SvgCard extends LayoutCard {
  text: string;
  kind: string;
  group: string;
  supports: number;
}

export interface BoardSvgInput {
  title: string;
  lanes: readonly LayoutLane[];
  kinds: ReadonlyArray<{ id: string; label: string; color: string }>;
  groups: readonly StakeholderGroup[];
  cards: readonly SvgCard[];
  links: ReadonlyArray<{ from: string; to: string; label: string }>;
  /** e.g. "3 supports" for a count; supplied by the caller so the SVG stays translated */
  supportsLabel: (n: number) => string;
  orphanLaneLabel: string;
}

const CHARS_PER_LINE = 30;
const MAX_COLUMNS = 6;
const PAGE_RATIO = 1.4;
const MAX_LINES = 4;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Greedy word wrap into at most MAX_LINES lines, with an ellipsis when cut. */
export function wrapText(text: string, perLine = CHARS_PER_LINE, maxLines = MAX_LINES): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const lines: string[] = [];
  let line = "";
  for (const raw of words) {
    const word = raw.length > perLine ? `${raw.slice(0, perLine - 1)}…` : raw;
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? "";
  kept[maxLines - 1] = `${last.slice(0, perLine - 1)}…`;
  return kept;
}

/** Fewest columns per lane that keep the map no taller than it is wide × 1.4 (an A4 page, roughly). */
function printableLayout(input: BoardSvgInput) {
  let layout = layoutBoard(input.lanes, input.cards, input.orphanLaneLabel, 1);
  for (let columns = 2; columns <= MAX_COLUMNS && layout.height > layout.width * PAGE_RATIO; columns++)
    layout = layoutBoard(input.lanes, input.cards, input.orphanLaneLabel, columns);
  return layout;
}

export function boardToSvg(input: BoardSvgInput): string {
  const layout = printableLayout(input);
  const kindColour = new Map(input.kinds.map((k) => [k.id, k.color]));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-label="${escapeXml(input.title)}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(input.title)}</title>`,
  );
  layout.lanes.forEach((lane, i) => {
    out.push(
      `<rect x="${lane.x}" y="0" width="${lane.w}" height="${lane.h}" fill="${i % 2 ? "#f3f4f6" : "#ffffff"}" stroke="#c8ccd2"/>`,
      `<text x="${lane.x + 12}" y="${LANE_HEADER_H / 2 + 6}" font-size="16" font-weight="700" fill="#1a1a1a">${escapeXml(truncate(lane.label, 24))}</text>`,
    );
  });
  for (const link of input.links) {
    const a = layout.cards.get(link.from);
    const b = layout.cards.get(link.to);
    if (!a || !b) continue;
    const [x1, y1, x2, y2] = [a.x + a.w / 2, a.y + a.h / 2, b.x + b.w / 2, b.y + b.h / 2];
    out.push(
      `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#444" stroke-width="2" stroke-dasharray="6 4"/>`,
    );
    if (link.label)
      out.push(
        `<text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 4}" font-size="12" text-anchor="middle" fill="#1a1a1a">${escapeXml(truncate(link.label, 30))}</text>`,
      );
  }
  for (const card of input.cards) {
    const r = layout.cards.get(card.id);
    if (!r) continue;
    const colour = groupColour(input.groups, card.group);
    out.push(
      `<g><rect x="${r.x}" y="${r.y}" width="${CARD_W}" height="${CARD_H}" rx="6" fill="#fffdf5" stroke="#888"/>`,
      `<rect x="${r.x}" y="${r.y}" width="6" height="${CARD_H}" fill="${kindColour.get(card.kind) ?? "#888888"}"/>`,
    );
    wrapText(card.text).forEach((line, i) => {
      out.push(
        `<text x="${r.x + 14}" y="${r.y + 20 + i * 16}" font-size="13" fill="#1a1a1a">${escapeXml(line)}</text>`,
      );
    });
    out.push(
      `<rect x="${r.x + 14}" y="${r.y + CARD_H - 20}" width="84" height="16" rx="3" fill="${colour}"/>`,
      `<text x="${r.x + 18}" y="${r.y + CARD_H - 8}" font-size="11" fill="#ffffff">${escapeXml(groupBadge(input.groups, card.group))}</text>`,
    );
    if (card.supports > 0)
      out.push(
        `<text x="${r.x + CARD_W - 8}" y="${r.y + CARD_H - 8}" font-size="11" text-anchor="end" fill="#1a1a1a">${escapeXml(input.supportsLabel(card.supports))}</text>`,
      );
    out.push("</g>");
  }
  out.push("</svg>");
  return out.join("");
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

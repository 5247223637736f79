/**
 * Where each card sits on a board of lanes × cards. Pure, so the live board, the
 * projector and the static SVG in the evaluator's report place cards identically.
 *
 * A card's x/y (set by a facilitator dragging it) are offsets inside its lane's
 * column, not absolute board coordinates: moving a card to another lane by keyboard
 * then keeps its place within the lane instead of leaving it stranded.
 */
export const CARD_W = 200;
export const CARD_H = 96;
export const LANE_W = CARD_W + 40;

/** A lane with `columns` columns of cards (the projector uses several to fill a wide frame). */
export function laneWidth(columns: number): number {
  return LANE_W + (columns - 1) * (CARD_W + 12);
}
export const LANE_HEADER_H = 64;
const GAP = 12;
const PAD = 20;

export interface LayoutLane {
  id: string;
  label: string;
}

export interface LayoutCard {
  id: string;
  lane: string;
  createdAt: number;
  x?: number;
  y?: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface BoardLayout {
  width: number;
  height: number;
  lanes: Array<LayoutLane & Rect>;
  cards: Map<string, Rect>;
}

/** Cards whose lane no longer exists are shown in a trailing "other" lane rather than lost. */
export const ORPHAN_LANE = "__other";

export function layoutBoard(
  lanes: readonly LayoutLane[],
  cards: readonly LayoutCard[],
  orphanLabel = "",
  columns = 1,
): BoardLayout {
  const laneW = laneWidth(columns);
  const known = new Set(lanes.map((l) => l.id));
  const laneList: LayoutLane[] = [...lanes];
  if (cards.some((c) => !known.has(c.lane))) laneList.push({ id: ORPHAN_LANE, label: orphanLabel });
  const column = new Map(laneList.map((l, i) => [l.id, i]));

  const sorted = [...cards].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const placedInLane = new Map<string, number>();
  const placed = new Map<string, Rect>();
  let bottom = LANE_HEADER_H + PAD + CARD_H;
  for (const card of sorted) {
    const laneId = known.has(card.lane) ? card.lane : ORPHAN_LANE;
    const index = column.get(laneId) ?? 0;
    const laneX = index * laneW;
    let rect: Rect;
    if (card.x !== undefined && card.y !== undefined) {
      const x = clamp(card.x, 0, laneW - CARD_W);
      const y = Math.max(LANE_HEADER_H, card.y);
      rect = { x: laneX + x, y, w: CARD_W, h: CARD_H };
    } else {
      const n = placedInLane.get(laneId) ?? 0;
      placedInLane.set(laneId, n + 1);
      const col = n % columns;
      const row = Math.floor(n / columns);
      rect = {
        x: laneX + 20 + col * (CARD_W + GAP),
        y: LANE_HEADER_H + PAD + row * (CARD_H + GAP),
        w: CARD_W,
        h: CARD_H,
      };
    }
    placed.set(card.id, rect);
    bottom = Math.max(bottom, rect.y + rect.h);
  }
  const height = bottom + PAD;
  return {
    width: Math.max(1, laneList.length) * laneW,
    height,
    lanes: laneList.map((l, i) => ({ ...l, x: i * laneW, y: 0, w: laneW, h: height })),
    cards: placed,
  };
}

/** Which lane a point on the board falls in, and the card's offset inside it (for drops). */
export function dropTarget(layout: BoardLayout, x: number, y: number): { lane: string; x: number; y: number } | null {
  const lane = layout.lanes.find((l) => x >= l.x && x < l.x + l.w && l.id !== ORPHAN_LANE);
  if (!lane) return null;
  return {
    lane: lane.id,
    x: Math.round(clamp(x - lane.x - CARD_W / 2, 0, lane.w - CARD_W)),
    y: Math.round(Math.max(LANE_HEADER_H, y - CARD_H / 2)),
  };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

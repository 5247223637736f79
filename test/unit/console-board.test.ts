/** The board's pure parts: card layout, drop targets, and the static SVG for reports. */
import { describe, expect, it } from "vitest";
import { boardToSvg, escapeXml, wrapText } from "../../web/components/console/board/boardSvg";
import {
  CARD_W,
  dropTarget,
  LANE_W,
  laneWidth,
  layoutBoard,
  ORPHAN_LANE,
} from "../../web/components/console/board/layout";
import { labelled } from "../support/activities";

const lanes = labelled({ now: "Now", gaps: "Gaps" });

describe("layoutBoard", () => {
  it("stacks cards in their lanes in the order they were made", () => {
    const layout = layoutBoard(lanes, [
      { id: "b", lane: "now", createdAt: 2 },
      { id: "a", lane: "now", createdAt: 1 },
      { id: "c", lane: "gaps", createdAt: 3 },
    ]);
    const a = layout.cards.get("a")!;
    const b = layout.cards.get("b")!;
    const c = layout.cards.get("c")!;
    expect(a.y).toBeLessThan(b.y);
    expect(a.x).toBe(b.x);
    expect(c.x).toBeGreaterThanOrEqual(LANE_W);
    expect(layout.width).toBe(2 * LANE_W);
  });

  it("places a dragged card at its offset within its lane, and keeps it there when the lane changes", () => {
    const first = layoutBoard(lanes, [{ id: "a", lane: "now", createdAt: 1, x: 10, y: 300 }]).cards.get("a")!;
    const moved = layoutBoard(lanes, [{ id: "a", lane: "gaps", createdAt: 1, x: 10, y: 300 }]).cards.get("a")!;
    expect(first).toMatchObject({ x: 10, y: 300 });
    expect(moved).toMatchObject({ x: LANE_W + 10, y: 300 });
  });

  it("keeps cards of a removed lane in an extra lane instead of losing them", () => {
    const layout = layoutBoard(lanes, [{ id: "a", lane: "gone", createdAt: 1 }], "Other");
    expect(layout.lanes.map((l) => l.id)).toEqual(["now", "gaps", ORPHAN_LANE]);
    expect(layout.cards.get("a")!.x).toBeGreaterThanOrEqual(2 * LANE_W);
  });

  it("lays out 300 cards without overlap inside a lane", () => {
    const cards = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, lane: i % 2 ? "now" : "gaps", createdAt: i }));
    const layout = layoutBoard(lanes, cards);
    const ys = cards.filter((c) => c.lane === "now").map((c) => layout.cards.get(c.id)!.y);
    expect(new Set(ys).size).toBe(150);
  });

  it("fills several columns per lane when asked (the projector's fitted board)", () => {
    const cards = Array.from({ length: 9 }, (_, i) => ({ id: `c${i}`, lane: "now", createdAt: i }));
    const layout = layoutBoard(lanes, cards, "", 3);
    const xs = new Set(cards.map((c) => layout.cards.get(c.id)!.x));
    const ys = new Set(cards.map((c) => layout.cards.get(c.id)!.y));
    expect(xs.size).toBe(3);
    expect(ys.size).toBe(3);
    expect(layout.width).toBe(2 * laneWidth(3));
    for (const c of cards) expect(layout.cards.get(c.id)!.x + CARD_W).toBeLessThanOrEqual(laneWidth(3));
  });

  it("turns a drop point into a lane and an offset", () => {
    const layout = layoutBoard(lanes, []);
    expect(dropTarget(layout, LANE_W + CARD_W / 2 + 5, 400)).toMatchObject({ lane: "gaps", x: 5 });
    expect(dropTarget(layout, -50, 400)).toBeNull();
  });
});

describe("boardToSvg", () => {
  const svg = boardToSvg({
    title: "Map <one>",
    lanes,
    kinds: [{ id: "idea", label: "Idea", color: "#1d5b94" }],
    groups: [{ id: "community", label: "Community member" }],
    cards: [
      {
        id: "a",
        lane: "now",
        createdAt: 1,
        text: 'GP <script>alert("x")</script> & more',
        kind: "idea",
        group: "community",
        supports: 2,
      },
      { id: "b", lane: "gaps", createdAt: 2, text: "Long wait", kind: "idea", group: "community", supports: 0 },
    ],
    links: [{ from: "a", to: "b", label: "leads to" }],
    supportsLabel: (n) => `${n} supports`,
    orphanLaneLabel: "Other",
  });

  it("is an accessible SVG with every text escaped", () => {
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain("<title>Map &#60;one&#62;</title>");
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&#60;script&#62;");
  });

  it("draws lanes, cards, links and supports", () => {
    expect(svg).toContain(">Now<");
    expect(svg).toContain(">Gaps<");
    expect(svg).toContain("Long wait");
    expect(svg).toContain("<line");
    expect(svg).toContain("leads to");
    expect(svg).toContain("2 supports");
    expect(svg.match(/<g>/g)?.length).toBe(2);
  });

  it("uses more columns per lane for a big map, so it fits a page", () => {
    const cards = Array.from({ length: 120 }, (_, i) => ({
      id: `c${i}`,
      lane: "now",
      createdAt: i,
      text: `Card ${i}`,
      kind: "idea",
      group: "community",
      supports: 0,
    }));
    const big = boardToSvg({
      title: "Big",
      lanes,
      kinds: [],
      groups: [],
      cards,
      links: [],
      supportsLabel: String,
      orphanLaneLabel: "",
    });
    const [, w, h] = big.match(/viewBox="0 0 (\d+) (\d+)"/) ?? [];
    expect(Number(h)).toBeLessThanOrEqual(Number(w) * 1.4 + 200);
    expect((big.match(/<g>/g) ?? []).length).toBe(120);
  });

  it("wraps long text into at most four lines", () => {
    const lines = wrapText("word ".repeat(80));
    expect(lines.length).toBe(4);
    expect(lines[3]!.endsWith("…")).toBe(true);
    expect(escapeXml(`"'&`)).toBe("&#34;&#39;&#38;");
  });
});

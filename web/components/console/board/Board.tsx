/**
 * The map as a board of lanes × cards, with pan and zoom (a CSS transform), links
 * drawn as SVG lines and, for facilitators, cards dragged between lanes or into
 * clusters. Only cards near the viewport are in the DOM, so a 300-card board stays
 * light. Keyboard users pan with the arrow keys and zoom with + and −; moderation by
 * keyboard lives in the card table (CardTable.tsx), which offers the same actions.
 */
import { type Component, createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import type { Card, Comment, Link } from "../../../../party/model/doc";
import { t } from "../i18n";
import { BoardCard } from "./BoardCard";
import { createFreshCards } from "./freshCards";
import { type BoardLayout, dropTarget, intersects, type LayoutLane, layoutBoard } from "./layout";
import { createViewport } from "./viewport";

export interface BoardProps {
  lanes: readonly LayoutLane[];
  kinds: ReadonlyArray<{ id: string; label: string; color: string }>;
  groups: readonly StakeholderGroup[];
  cards: readonly Card[];
  links: readonly Link[];
  /** shown as a count on each card */
  comments?: readonly Comment[];
  title: string;
  /** facilitator: drag cards to move them */
  onMove?: (cardId: string, to: { lane: string; x: number; y: number }) => void;
  /** projector: scale the whole board to fit the frame and follow new cards */
  fit?: boolean;
  large?: boolean;
}

/** extra margin (board px) rendered around the viewport so panning shows no gaps */
const OVERSCAN = 400;
const MAX_FIT_COLUMNS = 8;

export const Board: Component<BoardProps> = (props) => {
  let frame!: HTMLElement;
  const [size, setSize] = createSignal({ w: 800, h: 600 });
  // The console starts with every lane in view (down to 60 % size), not two of five.
  const viewport = createViewport(size, () => ({
    scale: Math.max(0.6, Math.min(1, size().w / Math.max(1, layout().width))),
    x: 0,
    y: 0,
  }));
  createEffect(
    on([() => size().w, () => layout().width], () => {
      if (!viewport.touched()) viewport.reset();
    }),
  );
  const [drag, setDrag] = createSignal<{ id: string; dx: number; dy: number } | null>(null);
  const fresh = createFreshCards(() => props.cards.map((c) => c.id));

  const fitScale = (l: BoardLayout) => Math.min(1.5, size().w / l.width, size().h / l.height);
  /** The projector fills its frame: as many columns per lane as make the cards largest. */
  const layout = createMemo<BoardLayout>(() => {
    if (!props.fit) return layoutBoard(props.lanes, props.cards, t("board.otherLane"));
    let best: { layout: BoardLayout; scale: number } | null = null;
    for (let columns = 1; columns <= MAX_FIT_COLUMNS; columns++) {
      const candidate = layoutBoard(props.lanes, props.cards, t("board.otherLane"), columns);
      const s = fitScale(candidate);
      if (!best || s > best.scale) best = { layout: candidate, scale: s };
    }
    return best?.layout ?? layoutBoard(props.lanes, props.cards, t("board.otherLane"));
  });
  const commentCount = createMemo(() => {
    const counts = new Map<string, number>();
    for (const c of props.comments ?? []) counts.set(c.cardId, (counts.get(c.cardId) ?? 0) + 1);
    return counts;
  });
  const kindOf = createMemo(() => new Map(props.kinds.map((k) => [k.id, k])));

  const scale = () => {
    if (!props.fit) return viewport.view().scale;
    return fitScale(layout());
  };
  const offset = () => (props.fit ? { x: 0, y: 0 } : { x: viewport.view().x, y: viewport.view().y });

  const visible = createMemo(() => {
    // Fitted to the frame, every card is on screen.
    if (props.fit) return props.cards;
    const s = scale();
    const o = offset();
    const area = {
      x: -o.x / s - OVERSCAN,
      y: -o.y / s - OVERSCAN,
      w: size().w / s + 2 * OVERSCAN,
      h: size().h / s + 2 * OVERSCAN,
    };
    const rects = layout().cards;
    return props.cards.filter((c) => {
      const r = rects.get(c.id);
      return r !== undefined && intersects(r, area);
    });
  });

  onMount(() => {
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ w: entry.contentRect.width, h: entry.contentRect.height });
    });
    observer.observe(frame);
    onCleanup(() => observer.disconnect());
  });

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== frame || props.fit) return;
    if (viewport.key(e.key)) e.preventDefault();
  };

  const onWheel = (e: WheelEvent) => {
    if (props.fit) return;
    e.preventDefault();
    viewport.zoom(e.deltaY < 0 ? 1.1 : 1 / 1.1);
  };

  // Pointer: dragging the background pans; dragging a card (facilitator) moves it.
  let gesture: { kind: "pan" | "card"; id?: string; startX: number; startY: number; moved: boolean } | null = null;
  const onPointerDown = (e: PointerEvent) => {
    if (props.fit || e.button !== 0) return;
    const cardEl = (e.target as Element).closest<HTMLElement>("[data-card-id]");
    const id = cardEl?.dataset.cardId;
    gesture = id && props.onMove ? { kind: "card", id, startX: e.clientX, startY: e.clientY, moved: false } : null;
    gesture ??= { kind: "pan", startX: e.clientX, startY: e.clientY, moved: false };
    frame.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!gesture) return;
    const dx = e.clientX - gesture.startX;
    const dy = e.clientY - gesture.startY;
    if (!gesture.moved && Math.hypot(dx, dy) < 4) return;
    gesture.moved = true;
    if (gesture.kind === "pan") {
      viewport.pan(dx, dy);
      gesture.startX = e.clientX;
      gesture.startY = e.clientY;
    } else if (gesture.id) setDrag({ id: gesture.id, dx: dx / scale(), dy: dy / scale() });
  };
  const onPointerUp = (e: PointerEvent) => {
    const g = gesture;
    gesture = null;
    frame.releasePointerCapture?.(e.pointerId);
    const d = drag();
    setDrag(null);
    if (g?.kind !== "card" || !g.moved || !d || !props.onMove) return;
    const rect = layout().cards.get(d.id);
    if (!rect) return;
    const target = dropTarget(layout(), rect.x + d.dx + rect.w / 2, rect.y + d.dy + rect.h / 2);
    if (target) props.onMove(d.id, target);
  };

  const position = (card: Card) => {
    const r = layout().cards.get(card.id);
    const d = drag();
    const dx = d?.id === card.id ? d.dx : 0;
    const dy = d?.id === card.id ? d.dy : 0;
    return r ? `translate(${r.x + dx}px, ${r.y + dy}px)` : "none";
  };

  const cardCentre = (id: string) => {
    const r = layout().cards.get(id);
    return r ? { x: r.x + r.w / 2, y: r.y + r.h / 2 } : null;
  };

  return (
    <div class="board" classList={{ "board--large": props.large, "board--fit": props.fit }}>
      <p id="board-help" class="visually-hidden">
        {t(props.fit ? "board.helpReadOnly" : "board.help")}
      </p>
      <section
        ref={frame}
        class="board__frame"
        aria-label={props.title}
        aria-describedby="board-help"
        tabindex={props.fit ? undefined : 0}
        onKeyDown={onKeyDown}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        data-testid="board"
        data-card-count={props.cards.length}
      >
        <div
          class="board__canvas"
          style={{
            width: `${layout().width}px`,
            height: `${layout().height}px`,
            transform: `translate(${offset().x}px, ${offset().y}px) scale(${scale()})`,
          }}
        >
          <For each={layout().lanes}>
            {(lane) => (
              <section
                class="board__lane"
                style={{ left: `${lane.x}px`, width: `${lane.w}px`, height: `${lane.h}px` }}
                aria-label={lane.label}
              >
                <h3 class="board__lane-title">{lane.label}</h3>
              </section>
            )}
          </For>
          <svg class="board__links" width={layout().width} height={layout().height} aria-hidden="true">
            <For each={props.links}>
              {(link) => {
                const a = () => cardCentre(link.from);
                const b = () => cardCentre(link.to);
                return (
                  <Show when={a() && b()}>
                    <line x1={a()?.x} y1={a()?.y} x2={b()?.x} y2={b()?.y} class="board__link" />
                    <Show when={link.label}>
                      <text
                        x={((a()?.x ?? 0) + (b()?.x ?? 0)) / 2}
                        y={((a()?.y ?? 0) + (b()?.y ?? 0)) / 2 - 6}
                        class="board__link-label"
                      >
                        {link.label}
                      </text>
                    </Show>
                  </Show>
                );
              }}
            </For>
          </svg>
          <ul class="board__cards">
            <For each={visible()}>
              {(card) => (
                <BoardCard
                  card={card}
                  kind={kindOf().get(card.kind)}
                  groups={props.groups}
                  comments={commentCount().get(card.id) ?? 0}
                  transform={position(card)}
                  fresh={fresh().has(card.id)}
                  dragging={drag()?.id === card.id}
                  movable={Boolean(props.onMove)}
                />
              )}
            </For>
          </ul>
        </div>
      </section>
      <Show when={!props.fit}>
        <fieldset class="board__zoom">
          <legend class="visually-hidden">{t("board.zoomControls")}</legend>
          <button type="button" onClick={viewport.zoomOut} aria-label={t("board.zoomOut")}>
            −
          </button>
          <span aria-live="polite" data-testid="zoom-level">
            {Math.round(scale() * 100)}%
          </span>
          <button type="button" onClick={viewport.zoomIn} aria-label={t("board.zoomIn")}>
            +
          </button>
          <button type="button" onClick={viewport.reset}>
            {t("board.zoomReset")}
          </button>
        </fieldset>
      </Show>
    </div>
  );
};

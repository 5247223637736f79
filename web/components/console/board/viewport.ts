/**
 * Pan and zoom of the board as one signal (a CSS transform, so a 300-card board
 * moves as one layer). Zoom keeps the frame's centre still; keys follow the usual
 * map conventions: arrows pan, + and − zoom, 0 resets.
 */
import { type Accessor, createSignal } from "solid-js";

export interface View {
  scale: number;
  x: number;
  y: number;
}

const MIN_SCALE = 0.1;
const MAX_SCALE = 3;
const PAN_STEP = 80;
const ZOOM_STEP = 1.2;
const HOME: View = { scale: 1, x: 0, y: 0 };

/**
 * `home` is where "reset" goes (the console fits the map's width, within limits);
 * until the user pans or zooms, the view follows home as the frame or map changes.
 */
export function createViewport(size: Accessor<{ w: number; h: number }>, home: () => View = () => HOME) {
  const [view, setView] = createSignal<View>(HOME);
  const [touched, setTouched] = createSignal(false);
  const zoom = (factor: number) =>
    setView((v) => {
      setTouched(true);
      const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, v.scale * factor));
      const cx = size().w / 2;
      const cy = size().h / 2;
      return { scale, x: cx - ((cx - v.x) * scale) / v.scale, y: cy - ((cy - v.y) * scale) / v.scale };
    });
  const pan = (dx: number, dy: number) => {
    setTouched(true);
    setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
  };
  const reset = () => {
    setTouched(false);
    setView(home());
  };
  const zoomIn = () => zoom(ZOOM_STEP);
  const zoomOut = () => zoom(1 / ZOOM_STEP);

  const keys: Record<string, () => void> = {
    "+": zoomIn,
    "=": zoomIn,
    "-": zoomOut,
    _: zoomOut,
    "0": reset,
    ArrowLeft: () => pan(PAN_STEP, 0),
    ArrowRight: () => pan(-PAN_STEP, 0),
    ArrowUp: () => pan(0, PAN_STEP),
    ArrowDown: () => pan(0, -PAN_STEP),
  };
  /** Runs the key's action; false when the key means nothing to the board. */
  const key = (name: string): boolean => {
    const action = keys[name];
    action?.();
    return Boolean(action);
  };

  return { view, zoom, pan, reset, zoomIn, zoomOut, key, touched };
}

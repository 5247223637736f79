/**
 * Layout checks over bounding boxes, not screenshots: on a page as laid out in
 * Chromium, no control or text block may overlap another (one inside the other is
 * fine), stick out of the viewport sideways, be cut off by a clipping ancestor,
 * have its own text cut (content wider than its box), or be a select squeezed to
 * its arrow. Each problem is returned in words naming both elements.
 */
import type { Page } from "playwright-core";

export interface GeometryOptions {
  /** the page must fit the viewport's height too (the projector) */
  noVerticalScroll?: boolean;
  /** containers whose insides are laid out on purpose by transforms (the pan-and-zoom board) */
  skipInside?: string;
}

export async function layoutProblems(page: Page, options: GeometryOptions = {}): Promise<string[]> {
  // esbuild (tsx, vitest) may wrap named functions in a `__name` helper that the page lacks.
  await page.evaluate("globalThis.__name ??= (f) => f");
  return page.evaluate((opts) => {
    const problems: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const root = document.documentElement;
    if (root.scrollWidth > vw + 1) {
      // Name the outermost elements that reach past the edge, so the message says where to look.
      const wide = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > vw + 1);
      const outer = wide.filter((el) => !wide.some((o) => o !== el && o.contains(el))).slice(0, 3);
      const where = outer.map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}">`);
      problems.push(`page is ${root.scrollWidth}px wide in a ${vw}px viewport (${where.join(", ")})`);
    }
    if (opts.noVerticalScroll && root.scrollHeight > vh + 1)
      problems.push(`page is ${root.scrollHeight}px tall in a ${vh}px viewport`);

    const name = (el: Element) => {
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      const cls = typeof el.className === "string" && el.className ? `.${el.className.split(" ")[0]}` : "";
      return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
    };
    const shown = (el: Element) => {
      if (opts.skipInside && el.closest(opts.skipInside)) return false;
      if (el.closest("[hidden], .visually-hidden, svg, .skip-link")) return false;
      // A closed <details> lays its content out without showing it.
      const details = el.closest("details:not([open])");
      if (details && !el.closest("summary")) return false;
      const style = getComputedStyle(el);
      if (style.visibility !== "visible" || style.display === "none") return false;
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1;
    };
    const selector = [
      "button",
      "input:not([type=hidden])",
      "select",
      "textarea",
      "summary",
      "a",
      "label",
      "h1",
      "h2",
      "h3",
      "h4",
      "p",
      "th",
      "td",
      "dt",
      "dd",
      "li",
      "legend",
      "[data-testid=timer]",
    ].join(",");
    // What can be seen of an element: its box cut by every ancestor that clips or scrolls.
    const visibleRect = (el: Element) => {
      const r = el.getBoundingClientRect();
      let { left, top, right, bottom } = r;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX === "visible" && style.overflowY === "visible") continue;
        const box = a.getBoundingClientRect();
        left = Math.max(left, box.left);
        top = Math.max(top, box.top);
        right = Math.min(right, box.right);
        bottom = Math.max(top, Math.min(bottom, box.bottom));
      }
      return {
        left,
        top,
        right: Math.max(left, right),
        bottom,
        width: Math.max(0, right - left),
        height: bottom - top,
      };
    };
    const boxes = [...document.querySelectorAll(selector)].filter(shown).map((el) => ({
      el,
      r: el.getBoundingClientRect(),
      v: visibleRect(el),
    }));

    for (const { el, r, v } of boxes) {
      if (v.width > 0 && (v.left < -1 || v.right > vw + 1))
        problems.push(`${name(el)} sticks out sideways (${r.left}–${r.right})`);
      if (el.matches("button, summary, th, label") && el.scrollWidth > el.clientWidth + 2 && el.clientWidth > 0)
        problems.push(`${name(el)} has its text cut (${el.scrollWidth} > ${el.clientWidth})`);
      if (el.matches("select") && r.width < 64) problems.push(`${name(el)} is squeezed to ${Math.round(r.width)}px`);
      // A clipping ancestor that does not scroll cuts what sticks out of it.
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        const clips = [style.overflowX, style.overflowY].some((o) => o === "hidden" || o === "clip");
        if (!clips) continue;
        const box = a.getBoundingClientRect();
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
          problems.push(`${name(el)} is cut off by ${name(a)}`);
        break;
      }
    }

    // Overlaps: leaves only (a box containing another is their layout, not a collision).
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i];
      if (!a) continue;
      for (let j = i + 1; j < boxes.length; j++) {
        const b = boxes[j];
        if (!b || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.v.right, b.v.right) - Math.max(a.v.left, b.v.left);
        const h = Math.min(a.v.bottom, b.v.bottom) - Math.max(a.v.top, b.v.top);
        if (w > 2 && h > 2)
          problems.push(`${name(a.el)} overlaps ${name(b.el)} by ${Math.round(w)}×${Math.round(h)}px`);
      }
    }
    return [...new Set(problems)];
  }, options);
}

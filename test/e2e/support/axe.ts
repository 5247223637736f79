/**
 * Accessibility checks with axe-core, injected from node_modules (no network), against
 * WCAG 2.2 AA and everything it includes.
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Runs axe on the page (optionally within `selector`) and returns the violations. */
export async function runAxe(page: Page, selector?: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(
    async ({ tags, selector }) => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected at runtime, without types in the page.
      const axe = (window as any).axe;
      const result = await axe.run(selector ? document.querySelector(selector) : document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      });
      return result.violations.map(
        (v: {
          id: string;
          impact: string | null;
          help: string;
          helpUrl: string;
          nodes: { target: string[]; html: string; failureSummary?: string }[];
        }) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
        }),
      );
    },
    { tags: WCAG_TAGS, selector },
  );
}

/** A readable summary for assertion messages: `expect(violations, formatViolations(violations)).toEqual([])`. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(" ")}: ${n.html}`).join("\n")}`,
    )
    .join("\n");
}

/**
 * The phone budget (docs/architecture.md, "Budgets"): the JavaScript and CSS a participant's phone
 * downloads to open the room is at most 60 KB gzipped, and none of the facilitator,
 * screen, evaluator or organiser code comes with it.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { signIn, usePhones } from "./participant-kit";
import { join } from "./support";

const BUDGET_BYTES = 60 * 1024;

describe("participant bundle budget", () => {
  const suite = usePhones();

  it("loads the room in at most 60 KB of gzipped JS and CSS, without console code", async () => {
    const { workshop } = await suite.workshop({ title: "Budget" });
    const phone = await suite.phone();
    const loaded = new Map<string, Promise<number>>();
    const raw = new Map<string, number>();
    phone.page.on("response", (response) => {
      const url = new URL(response.url());
      if (!/\.(js|css)$/.test(url.pathname)) return;
      loaded.set(
        url.pathname,
        response.body().then((body) => {
          raw.set(url.pathname, body.length);
          return gzipSync(body, { level: 9 }).length;
        }),
      );
    });
    await signIn(phone, await join(workshop.joinCode));
    await phone.page.getByRole("heading", { name: "Waiting for the facilitator" }).waitFor();
    await phone.page.getByText("Connected").waitFor();
    // Only what the first screen needed: activity chunks are fetched ahead after 1.5 s.
    const files = [...loaded.keys()];
    const sizes = await Promise.all(loaded.values());
    const total = sizes.reduce((sum, n) => sum + n, 0);
    console.log(
      `[budget] participant first load: ${(total / 1024).toFixed(1)} KB gzip in ${files.length} files: ${files
        .map((f, i) => `${f.split("/").pop()} ${(sizes[i]! / 1024).toFixed(1)} (${raw.get(f)} B raw)`)
        .join(", ")}`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(files.some((f) => /facilitator|screen|evaluator|organise|ConsoleShell/.test(f))).toBe(false);
  });
});

/**
 * Running each template's agenda end to end in Chromium: a facilitator console,
 * two phones and a projector screen. The facilitator opens each activity (the
 * phones and the screen follow), runs the timer, locks and unlocks input, moves a
 * community-first or staged round on to everyone, reveals silent cards and vote
 * results, closes each activity and finally the workshop.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Ballot } from "../../party/model/commands";
import { type Activity, roots } from "../../party/model/doc";
import { expectText, noErrors, openPhone, templateFiles } from "./console-support";
import { absolute, collectPageErrors, connect, join, newContext, useBrowser } from "./support";

type Config = Record<string, unknown> & {
  lanes?: { id: string }[];
  kinds?: { id: string }[];
  options?: { id: string }[];
  method?: string;
  mode?: string;
  dots?: number;
  maxPerOption?: number;
  budget?: number;
  topK?: number;
  stagedGroups?: string[];
  items?: { id: string; type: string }[];
};

/** A valid ballot for any method, from the options the room resolved when the vote opened. */
function ballotFor(config: Config): Ballot {
  const ids = (config.options ?? []).map((o) => o.id);
  const first = ids[0] ?? "";
  switch (config.method) {
    case "dots":
      return { allocations: { [first]: Math.min(config.dots ?? 1, config.maxPerOption ?? 1) } };
    case "budget":
      return { allocations: { [first]: config.budget ?? 1 } };
    case "rank":
      return { order: ids.slice(0, config.topK ?? 3) };
    case "approve":
      return { approved: [first] };
    default:
      return { ratings: { [first]: { impact: 4, effort: 2 } } };
  }
}

describe("running a workshop from each template", () => {
  const suite = useBrowser();
  const { clients } = suite;

  for (const template of templateFiles()) {
    it(`runs "${template.id}" with two phones and a screen`, { timeout: 240_000 }, async () => {
      const { workshop, facilitator: observer } = await suite.workshop({
        template: template.id,
        title: `Run ${template.id}`,
      });
      const r = roots(observer.doc);
      const ada = await join(workshop.joinCode, { group: "community", name: "Ada" });
      const ben = await join(workshop.joinCode, { group: "statutory", name: "Ben" });
      const adaRoom = await connect(ada.token);
      const benRoom = await connect(ben.token);
      clients.push(adaRoom, benRoom);

      const contexts: BrowserContext[] = [];
      const desk = await (await newContext(suite.browser)).newPage();
      const deskErrors = collectPageErrors(desk);
      desk.on("dialog", (d) => void d.accept());
      await desk.goto(absolute(workshop.links.facilitator));
      await desk.getByRole("heading", { name: "Agenda" }).waitFor();
      expect(desk.url()).not.toContain("token");
      const screen = await (await newContext(suite.browser)).newPage();
      const screenErrors = collectPageErrors(screen);
      await screen.goto(absolute(workshop.links.screen));
      await screen.getByTestId("screen-join-code").getByText(workshop.joinCode).waitFor();
      const phones: Page[] = [await openPhone(suite.browser, ada), await openPhone(suite.browser, ben)];
      contexts.push(desk.context(), screen.context(), ...phones.map((p) => p.context()));
      try {
        // Both phones are listed under their groups, online.
        const people = desk.getByTestId("participants");
        await people.getByText("2 of 2 online now").waitFor({ timeout: 20_000 });

        /** Waits on the room; on a timeout, says what the console showed (a refused command, say). */
        const until = async (predicate: () => boolean, what: string) => {
          try {
            await observer.waitFor(predicate, 15_000, what);
          } catch (err) {
            const shown = await desk
              .getByTestId("command-error")
              .textContent({ timeout: 500 })
              .catch(() => "");
            throw new Error(`${(err as Error).message}; console said: ${shown || "nothing"}`);
          }
        };

        const agenda = r.workshop.get("agenda") as string[];
        expect(agenda.length).toBe(template.activities.length);
        for (const [index, id] of agenda.entries()) {
          const before = r.activities.get(id) as Activity;
          const item = desk.locator(`[data-activity-id="${id}"]`);
          await item.getByRole("button", { name: `Open ${before.title}` }).click();
          await until(() => r.activities.get(id)?.status === "open", `${before.title} open`);
          await item.and(desk.locator("[aria-current=step]")).waitFor();
          for (const phone of phones) await expectText(phone, before.title);
          await expectText(screen, before.title);
          const activity = r.activities.get(id) as Activity;
          const config = activity.config as Config;

          if (index === 0) {
            // The shared timer, shown on the screen from the room's clock.
            await desk.getByLabel("Minutes").fill("1");
            await desk.getByRole("button", { name: "Start timer" }).click();
            await screen
              .getByTestId("timer")
              .getByText(/^(1:00|0:5\d)$/)
              .waitFor();
            await desk.getByRole("button", { name: "Stop timer" }).click();
            await screen.getByTestId("timer").waitFor({ state: "detached" });
          }

          if (activity.kind === "map") {
            const kinds = (config.kinds ?? []).map((k) => k.id);
            const kind = kinds.includes("idea") ? "idea" : (kinds[0] ?? "");
            const card = (text: string) => ({ activityId: id, lane: config.lanes?.[0]?.id ?? "", kind, text });
            await adaRoom.command("card.add", card(`Ada says ${template.id}`));
            if (config.mode === "community-first") {
              const refused = await benRoom.send("card.add", card("too early"));
              expect(refused.ok).toBe(false);
              await desk.getByRole("button", { name: "Open to all groups", exact: true }).click();
              await until(() => r.activities.get(id)?.stage === "all", "open to all");
            }
            // Input locked: nobody can add; unlocked: they can again.
            await desk.getByRole("button", { name: "Lock input" }).click();
            await until(() => r.workshop.get("locked") === true, "locked");
            expect((await benRoom.send("card.add", card("while locked"))).ok).toBe(false);
            await desk.getByRole("button", { name: "Unlock input" }).click();
            await until(() => r.workshop.get("locked") === false, "unlocked");
            await benRoom.command("card.add", card(`Ben says ${template.id}`));
            if (config.mode === "silent") {
              await desk.getByRole("button", { name: "Reveal everyone's cards" }).click();
              await until(() => r.activities.get(id)?.cardsRevealed === true, "cards revealed");
            }
            await screen.getByTestId("board").getByText(`Ada says ${template.id}`).waitFor();
            await screen.getByTestId("board").getByText(`Ben says ${template.id}`).waitFor();
            await desk.getByTestId("board").getByText(`Ben says ${template.id}`).waitFor();
          }

          if (activity.kind === "vote") {
            if ((config.stagedGroups ?? []).length > 0) {
              await desk.getByRole("button", { name: "Open to all groups", exact: true }).click();
              await until(() => r.activities.get(id)?.stage === "all", "open to all");
            }
            await adaRoom.command("ballot.submit", { activityId: id, ballot: ballotFor(config) });
            await benRoom.command("ballot.submit", { activityId: id, ballot: ballotFor(config) });
            await desk.getByTestId("turnout").getByText("2 people have voted").waitFor();
            await desk.getByRole("button", { name: "Reveal results", exact: true }).click();
            await until(() => r.activities.get(id)?.resultsRevealed === true, "revealed");
            // Revealing closes the vote: the figures the room sees cannot move.
            await until(() => r.activities.get(id)?.status === "closed", "closed by the reveal");
            const results = screen.getByTestId("results");
            await results.getByText(/2 voters/).waitFor();
            const drawn = config.method === "matrix" ? "svg[role=img]" : "[data-option-id]";
            await expect(results.locator(drawn).count()).resolves.toBeGreaterThan(0);
          }

          if (activity.kind === "feedback") {
            const answers = Object.fromEntries(
              (config.items ?? []).map((q) => [q.id, q.type === "likert" ? 4 : "Good"]),
            );
            await adaRoom.command("feedback.submit", { activityId: id, answers });
            await benRoom.command("feedback.submit", { activityId: id, answers });
          }

          if (r.activities.get(id)?.status !== "closed")
            await item.getByRole("button", { name: `Close ${before.title}` }).click();
          await until(() => r.activities.get(id)?.status === "closed", `${before.title} closed`);
        }

        await desk.getByRole("button", { name: "Close workshop" }).click();
        await until(() => r.workshop.get("status") === "closed", "workshop closed");
        await expectText(screen, "The workshop has closed. Thank you for taking part.");
        noErrors(deskErrors);
        noErrors(screenErrors);
      } finally {
        await Promise.all(contexts.map((c) => c.close()));
      }
    });
  }
});

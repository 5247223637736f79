/**
 * The facilitator console in Chromium: editing the agenda, moderating a map from
 * the keyboard table (move, hide with a reason, restore, merge, link), dragging on
 * the board, transcribing a paper card, removing a participant, a co-facilitator
 * on a second laptop seeing the same live console — and axe on every view.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { type Card, roots } from "../../party/model/doc";
import { axeContext, noErrors } from "./console-support";
import {
  absolute,
  type CreatedWorkshop,
  collectPageErrors,
  connect,
  formatViolations,
  join,
  newContext,
  type RoomClient,
  runAxe,
  useBrowser,
} from "./support";

describe("facilitator console", () => {
  const suite = useBrowser();
  let page: Page;
  let errors: string[];
  let workshop: CreatedWorkshop;
  let observer: RoomClient;
  let ada: RoomClient;
  let adaId: string;
  let mapId: string;
  const r = () => roots(observer.doc);
  const cards = () => [...r().cards.values()].filter((c) => c.activityId === mapId);
  const mapLanes = () =>
    (r().activities.get(mapId)?.config as { lanes?: { id: string; label: string }[] } | undefined)?.lanes ?? [];
  const card = (text: string) => cards().find((c) => c.text === text) as Card;

  beforeAll(async () => {
    ({ workshop, facilitator: observer } = await suite.workshop({ title: "Console test" }));
    const joined = await join(workshop.joinCode, { group: "community", name: "Ada" });
    adaId = joined.participantId;
    ada = await connect(joined.token);
    suite.clients.push(ada);
    // axe is injected as a script, which the app's CSP blocks: this page bypasses CSP,
    // and the co-facilitator's page (a normal context) shows the console keeps to it.
    page = await (await axeContext(suite.browser)).newPage();
    errors = collectPageErrors(page);
    page.on("dialog", (d) => void d.accept());
    await page.goto(absolute(workshop.links.facilitator));
    await page.getByRole("heading", { name: "Agenda" }).waitFor();
  });

  it("edits the agenda: add, configure, reorder, remove", async () => {
    const add = async (kind: string, title: string) => {
      await page.getByLabel("Kind of activity").selectOption(kind);
      await page.getByLabel("Title of the new activity").fill(title);
      await page.getByRole("button", { name: "Add to agenda" }).click();
      await observer.waitFor(() => [...r().activities.values()].some((a) => a.title === title), 10_000, title);
      return [...r().activities.values()].find((a) => a.title === title)?.id ?? "";
    };
    mapId = await add("map", "Our map");
    const voteId = await add("vote", "Our vote");
    const spare = await add("info", "Spare slide");

    // Configure the map: rename the first lane and the first card kind.
    const item = page.locator(`[data-activity-id="${mapId}"]`);
    await item.getByRole("button", { name: "Configure Our map" }).click();
    await item.getByLabel("Lane 1", { exact: true }).fill("Getting there");
    await item.getByLabel("Card kind 1", { exact: true }).fill("Worry");
    await item.getByRole("button", { name: "Save" }).click();
    const mapKinds = () =>
      (r().activities.get(mapId)?.config as { kinds?: { label: string }[] } | undefined)?.kinds ?? [];
    await observer.waitFor(
      () => mapLanes()[0]?.label === "Getting there" && mapKinds()[0]?.label === "Worry",
      10_000,
      "lane and kind renamed",
    );

    // Configure the vote: ranking, top 2, a third option typed in.
    const voteItem = page.locator(`[data-activity-id="${voteId}"]`);
    await voteItem.getByRole("button", { name: "Configure Our vote" }).click();
    await voteItem.getByLabel("Voting method").selectOption("rank");
    await voteItem.getByLabel("How many places to rank").fill("2");
    await voteItem.getByRole("button", { name: "Add to Options" }).click();
    await voteItem.getByLabel("Option 3", { exact: true }).fill("Evening clinics");
    // A co-facilitator renames the vote meanwhile: the open editor keeps what is being typed.
    await observer.command("activity.update", { activityId: voteId, title: "Renamed elsewhere" });
    await voteItem.getByText("Renamed elsewhere").first().waitFor();
    expect(await voteItem.getByLabel("Option 3", { exact: true }).inputValue()).toBe("Evening clinics");
    const editorViolations = await runAxe(page);
    expect(editorViolations, formatViolations(editorViolations)).toEqual([]);
    await voteItem.getByRole("button", { name: "Save" }).click();
    await observer.waitFor(
      () => {
        const activity = r().activities.get(voteId);
        const c = activity?.config as { method?: string; topK?: number; options?: { label: string }[] } | undefined;
        // Saving writes the editor's whole draft, its title included.
        return (
          activity?.title === "Our vote" &&
          c?.method === "rank" &&
          c.topK === 2 &&
          c.options?.[2]?.label === "Evening clinics"
        );
      },
      10_000,
      "vote configured",
    );

    // An invalid config is explained, not sent: dots with more per option than in all.
    await voteItem.getByRole("button", { name: "Configure Our vote" }).click();
    await voteItem.getByLabel("Voting method").selectOption("dots");
    await voteItem.getByLabel("Dots per person").fill("2");
    await voteItem.getByLabel("Most dots on one option").fill("5");
    await voteItem.getByRole("button", { name: "Save" }).click();
    await voteItem
      .getByRole("alert")
      .getByText(/maxPerOption/)
      .waitFor();
    expect((r().activities.get(voteId)?.config as { method?: string } | undefined)?.method).toBe("rank");
    await voteItem.getByRole("button", { name: "Cancel" }).click();

    // Reorder: the vote goes first, then back.
    await page.getByRole("button", { name: "Move “Our vote” earlier" }).click();
    await observer.waitFor(() => (r().workshop.get("agenda") as string[])[0] === voteId, 10_000, "vote first");
    await page.getByRole("button", { name: "Move “Our vote” later" }).click();
    await observer.waitFor(() => (r().workshop.get("agenda") as string[])[0] === mapId, 10_000, "map first");

    // A refused command is said out loud, with the room's reason: a vote drawing on a map with no cards yet.
    await voteItem.getByRole("button", { name: "Configure Our vote" }).click();
    await voteItem.getByLabel("Options", { exact: true }).selectOption(mapId);
    await voteItem.getByRole("button", { name: "Save" }).click();
    await observer.waitFor(
      () =>
        (r().activities.get(voteId)?.config as { fromActivity?: { activityId: string } } | undefined)?.fromActivity
          ?.activityId === mapId,
      10_000,
      "vote draws on the map",
    );
    await voteItem.getByRole("button", { name: "Open Our vote" }).click();
    await page
      .getByTestId("command-error")
      .getByText(/no cards to vote on yet/)
      .waitFor();
    expect(r().activities.get(voteId)?.status).toBe("draft");
    await page.getByTestId("command-error").getByRole("button", { name: "Dismiss" }).click();
    await expect.poll(() => page.getByTestId("command-error").count()).toBe(0);

    await page.locator(`[data-activity-id="${spare}"]`).getByRole("button", { name: "Remove Spare slide" }).click();
    await observer.waitFor(() => !r().activities.has(spare), 10_000, "removed");
  });

  it("moderates the map from the keyboard table", async () => {
    await page.locator(`[data-activity-id="${mapId}"]`).getByRole("button", { name: "Open Our map" }).click();
    await observer.waitFor(() => r().activities.get(mapId)?.status === "open", 10_000, "open");
    const lanes = mapLanes().map((l) => l.id);
    for (const text of ["Bus stops too far", "Bus stop is far away", "Friendly reception", "Rude comment"])
      await ada.command("card.add", { activityId: mapId, lane: lanes[0], kind: "idea", text });
    await page.getByRole("button", { name: "Table (keyboard)" }).click();
    const table = page.getByTestId("card-table");
    await table.getByRole("rowheader", { name: /Rude comment/ }).waitFor();

    // Move to another lane with the row's select.
    await table.getByLabel("Lane of the card “Friendly reception”").selectOption(lanes[1] ?? "");
    await observer.waitFor(() => card("Friendly reception")?.lane === lanes[1], 10_000, "moved");

    // Comments show under their card.
    await ada.command("comment.add", { cardId: card("Friendly reception").id, text: "Agreed, they were lovely" });
    await table.getByRole("list", { name: "Comments" }).getByText("Agreed, they were lovely").waitFor();

    // Hide with a reason, then restore.
    const rudeId = card("Rude comment").id;
    await table.getByRole("button", { name: "Hide Rude comment" }).click();
    await table.getByLabel("Reason for hiding").fill("Personal remark");
    await table.getByLabel("Reason for hiding").press("Enter");
    await observer.waitFor(() => r().cards.get(rudeId)?.hidden === true, 10_000, "hidden");
    expect(r().cards.get(rudeId)?.hiddenReason).toBe("Personal remark");
    await table.getByText("Hidden: Personal remark").waitFor();
    await table.getByRole("button", { name: /^Restore/ }).click();
    await observer.waitFor(() => r().cards.get(rudeId)?.hidden === false, 10_000, "restored");

    // Merge duplicates: select both, keep the first.
    const keep = card("Bus stops too far").id;
    const dupe = card("Bus stop is far away").id;
    await table.getByLabel("Select the card “Bus stops too far”").check();
    await table.getByLabel("Select the card “Bus stop is far away”").check();
    await table.getByLabel(/Merge the 2 selected cards into/).selectOption(keep);
    await table.getByRole("button", { name: "Merge", exact: true }).click();
    await observer.waitFor(() => r().cards.get(dupe)?.hidden === true, 10_000, "merged");
    expect(r().cards.get(keep)?.mergedFrom).toEqual([dupe]);
    // The console clears its ticks when its own acknowledgement arrives, which may be after the
    // observer saw the merge: wait for that, as a person would, before ticking again.
    await table.getByText("Tick cards to merge or link them; the actions appear here.").waitFor();

    // Link two cards with a label, then remove the link.
    await table.getByLabel("Select the card “Bus stops too far”").check();
    await table.getByLabel("Select the card “Friendly reception”").check();
    await table.getByLabel("Label", { exact: true }).fill("refers to");
    await table.getByRole("button", { name: "Link cards" }).click();
    await observer.waitFor(() => r().links.size === 1, 10_000, "linked");
    expect([...r().links.values()][0]).toMatchObject({
      from: keep,
      to: card("Friendly reception").id,
      label: "refers to",
    });
    await table.getByText("“Bus stops too far” refers to “Friendly reception”").waitFor();
    await table.getByRole("button", { name: /^Remove link/ }).click();
    await observer.waitFor(() => r().links.size === 0, 10_000, "unlinked");

    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it("transcribes a paper card for a group", async () => {
    await page.getByText("Transcribe a paper card").click();
    await page.getByLabel("From which group").selectOption("voluntary");
    await page.getByLabel("Text of the card").fill("From table 3: more evening clinics");
    await page.getByRole("button", { name: "Add card" }).click();
    await observer.waitFor(() => Boolean(card("From table 3: more evening clinics")), 10_000, "transcribed");
    expect(card("From table 3: more evening clinics")).toMatchObject({ group: "voluntary", transcribed: true });
  });

  it("moves a card by dragging it on the board, and zooms by keyboard", async () => {
    await page.getByRole("button", { name: "Board", exact: true }).click();
    const board = page.getByTestId("board");
    const target = board.locator(`[data-card-id="${card("Rude comment").id}"]`);
    await target.waitFor();
    const box = (await target.boundingBox())!;
    const lanes = mapLanes().map((l) => l.id);
    await page.mouse.move(box.x + 40, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 40 + 120, box.y + 60, { steps: 5 });
    await page.mouse.move(box.x + 40 + 240, box.y + 80, { steps: 5 });
    await page.mouse.up();
    await observer.waitFor(() => card("Rude comment")?.lane === lanes[1], 10_000, "dragged to the next lane");
    await board
      .locator(`[data-card-id="${card("Friendly reception").id}"]`)
      .getByText("1 comment")
      .waitFor();
    expect(card("Rude comment")?.y).toBeGreaterThan(0);

    await board.focus();
    await page.keyboard.press("+");
    await expect.poll(() => page.getByTestId("zoom-level").textContent()).toBe("120%");
    await page.keyboard.press("0");
    await expect.poll(() => page.getByTestId("zoom-level").textContent()).toBe("100%");
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it("lists participants by group and removes one", async () => {
    const people = page.getByTestId("participants");
    const row = people.locator(`[data-participant-id="${adaId}"]`);
    await row.getByText("online").waitFor({ state: "attached" });
    await people.getByRole("button", { name: "Remove Ada" }).click();
    await observer.waitFor(
      () => r().participants.get(adaId)?.removed === true || !r().participants.has(adaId),
      10_000,
      "removed",
    );
    await expect.poll(() => row.count()).toBe(0);
  });

  it("says so when the link is not valid, or has no token at all", async () => {
    const other = await (await newContext(suite.browser)).newPage();
    await other.goto(absolute(`/facilitate/${workshop.id}#token=not-a-real-token`));
    await other.getByRole("alert").getByText("This link is no longer valid").waitFor({ timeout: 20_000 });
    await other.goto(absolute(`/screen/${workshop.id}#token=not-a-real-token`));
    await other.getByRole("alert").getByText("This link is no longer valid").waitFor({ timeout: 20_000 });
    await other.goto(absolute(`/evaluate/${workshop.id}`));
    await other
      .getByRole("alert")
      .getByText(/needs the private link/)
      .waitFor();
    await other.context().close();
  });

  it("gives a co-facilitator the same live console on a second laptop", async () => {
    await page.getByText("More links").click();
    await page.getByRole("button", { name: "Make a co-facilitator link" }).click();
    const link = await page.getByTestId("share-facilitator").locator("input").inputValue();
    expect(new URL(link).pathname).toBe(`/facilitate/${workshop.id}`);
    const second = await (await newContext(suite.browser)).newPage();
    const secondErrors = collectPageErrors(second);
    await second.goto(link);
    await second.locator(`[data-activity-id="${mapId}"][aria-current=step]`).waitFor();
    // An action on the second laptop shows on the first.
    await second.getByRole("button", { name: "Lock input" }).click();
    await page.getByRole("button", { name: "Unlock input" }).waitFor();
    await page.getByRole("button", { name: "Unlock input" }).click();
    await second.getByRole("button", { name: "Lock input" }).waitFor();
    noErrors(secondErrors);
    noErrors(errors);
    await second.context().close();
  });
});

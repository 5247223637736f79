/**
 * Tables (#13) in Chromium: a map at two tables, two phones at each and a host at
 * the first. Each phone sees only its own table's cards, live; the host sees and
 * moderates only its table (the room refuses the rest); the projector shows every
 * table as a grid, or one table; the facilitator's console shows them side by side.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { labelled } from "../support/activities";
import { axeContext, noErrors } from "./console-support";
import { type Phone, signIn, usePhones } from "./participant-kit";
import {
  absolute,
  app,
  type CreatedWorkshop,
  collectPageErrors,
  connect,
  formatViolations,
  type Joined,
  join,
  mintToken,
  newContext,
  newWorkshop,
  type RoomClient,
  runAxe,
} from "./support";

const MAP_AT_TABLES = {
  prompt: "What gets in the way of getting home?",
  lanes: [{ id: "day", label: "On the day" }],
  kinds: [{ id: "idea", label: "Idea", color: "#1d4f91" }],
  at: "tables",
};

async function addCard(phone: Phone, text: string): Promise<void> {
  await phone.page.getByLabel("Your card").fill(text);
  await phone.page.getByRole("button", { name: "Add card" }).click();
}

/** The card texts a phone shows for the map, in order. */
const cardTexts = (page: Page) => page.locator(".card .card-text").allTextContents();

describe("a map at tables", () => {
  const suite = usePhones();

  /** A laptop page collecting its errors, on `link` if given. */
  async function laptopOn(link: string | null) {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    if (link) await page.goto(absolute(link));
    return { context, page, errors };
  }
  let w: CreatedWorkshop;
  let facilitator: RoomClient;
  let mapId: string;
  const phones: Record<"a1" | "a2" | "b1" | "b2", Phone> = {} as never;
  const people: Record<string, Joined> = {};
  let hostToken: string;
  let hostLink: string;

  beforeAll(async () => {
    w = await newWorkshop({
      title: "Tables test",
      tables: labelled({ t1: "Window", t2: "Door" }),
    });
    facilitator = await connect(w.facilitatorToken);
    suite.clients.push(facilitator);
    const added = await facilitator.command<{ activityId: string }>("activity.add", {
      kind: "map",
      title: "At the tables",
      config: MAP_AT_TABLES,
    });
    mapId = added.activityId;
    await facilitator.command("activity.open", { activityId: mapId });
    for (const [key, table, group] of [
      ["a1", "t1", "community"],
      ["a2", "t1", "statutory"],
      ["b1", "t2", "community"],
      ["b2", "t2", "voluntary"],
    ] as const) {
      people[key] = await join(w.joinCode, { group, table });
      const phone = await suite.phone();
      await signIn(phone, people[key] as Joined);
      phones[key] = phone;
    }
    const minted = await mintToken(app().baseUrl, w.facilitatorToken, w.id, "host", "", "t1");
    hostToken = minted.token ?? "";
    hostLink = minted.link;
  });

  it("shows each phone its table", async () => {
    for (const [key, label] of [
      ["a1", "Window"],
      ["a2", "Window"],
      ["b1", "Door"],
      ["b2", "Door"],
    ] as const) {
      await expect
        .poll(() => phones[key].page.getByTestId("my-table").textContent(), { timeout: 15_000 })
        .toContain(label);
    }
  });

  it("shows each phone only its own table's cards, live", async () => {
    await addCard(phones.a1, "Buses at night");
    await phones.a2.page.getByText("Buses at night").waitFor();
    await addCard(phones.b1, "Volunteer drivers");
    await phones.b2.page.getByText("Volunteer drivers").waitFor();
    // A card made after the other table's: once it has arrived, the other table's card would have too.
    await addCard(phones.a2, "Late buses");
    await phones.a1.page.getByText("Late buses").waitFor();
    await addCard(phones.b2, "A lift from a neighbour");
    await phones.b1.page.getByText("A lift from a neighbour").waitFor();
    expect((await cardTexts(phones.a1.page)).sort()).toEqual(["Buses at night", "Late buses"]);
    expect((await cardTexts(phones.a2.page)).sort()).toEqual(["Buses at night", "Late buses"]);
    expect((await cardTexts(phones.b1.page)).sort()).toEqual(["A lift from a neighbour", "Volunteer drivers"]);
    expect((await cardTexts(phones.b2.page)).sort()).toEqual(["A lift from a neighbour", "Volunteer drivers"]);
    await facilitator.waitFor(() => roots(facilitator.doc).cards.size === 4, 10_000, "four cards");
    expect([...roots(facilitator.doc).cards.values()].map((c) => [c.text, c.table]).sort()).toEqual([
      ["A lift from a neighbour", "t2"],
      ["Buses at night", "t1"],
      ["Late buses", "t1"],
      ["Volunteer drivers", "t2"],
    ]);
  });

  it("lets the host moderate and transcribe at its own table only", async () => {
    const { context, page, errors } = await laptopOn(hostLink);
    await page.getByRole("heading", { name: "Host of Window" }).waitFor();
    const table = page.getByTestId("card-table");
    const rowOf = (text: string) => table.getByRole("rowheader", { name: new RegExp(text) });
    await rowOf("Buses at night").waitFor();
    await rowOf("Late buses").waitFor();
    expect(await rowOf("Volunteer drivers").count()).toBe(0);

    // Hide a card with a reason: it leaves the other phone at the table.
    const row = table.locator("tr", { hasText: "Buses at night" });
    await row.getByRole("button", { name: /Hide/ }).click();
    await row.getByLabel("Reason for hiding").fill("Names a driver");
    await row.getByRole("button", { name: "Hide card" }).click();
    await expect.poll(() => cardTexts(phones.a2.page), { timeout: 15_000 }).toEqual(["Late buses"]);

    // Transcribe the paper sheet for a group: it appears at this table's phones, not the other's.
    await page.getByText("Transcribe a paper card").click();
    await page.getByLabel("From which group").selectOption("voluntary");
    await page.getByLabel("Text of the card").fill("Ramps on every bus");
    await page.getByRole("button", { name: "Add card" }).click();
    await phones.a1.page.getByText("Ramps on every bus").waitFor();
    await facilitator.waitFor(
      () => [...roots(facilitator.doc).cards.values()].some((c) => c.text === "Ramps on every bus"),
      10_000,
      "the transcribed card",
    );
    expect([...roots(facilitator.doc).cards.values()].find((c) => c.text === "Ramps on every bus")).toMatchObject({
      table: "t1",
      group: "voluntary",
      transcribed: true,
    });

    // The room refuses the host anything at the other table, whatever the page shows.
    const hostClient = await connect(hostToken);
    suite.clients.push(hostClient);
    const other = [...roots(hostClient.doc).cards.values()].find((c) => c.text === "Volunteer drivers");
    const refused = await hostClient.send("card.hide", { cardId: other?.id ?? "", reason: "x" });
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await hostClient.send("activity.close", { activityId: mapId })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    await phones.b1.page.getByText("Volunteer drivers").waitFor();

    // The table's balance of voice is on the host's page.
    await page.getByRole("heading", { name: "Balance of voice at your table" }).waitFor();
    noErrors(errors);
    await context.close();
  });

  it("has no axe violations on the host page", async () => {
    const context = await axeContext(suite.browser);
    const page = await context.newPage();
    await page.goto(absolute(hostLink));
    await page
      .getByTestId("card-table")
      .getByRole("rowheader", { name: /Late buses/ })
      .waitFor();
    await page.getByText("Transcribe a paper card").click();
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await context.close();
  });

  it("shows the projector every table as a grid, or one table", async () => {
    const { context, page, errors } = await laptopOn(w.links.screen);
    const grid = page.getByTestId("tables-grid");
    await grid.waitFor();
    const window = grid.locator("[data-table=t1]");
    const door = grid.locator("[data-table=t2]");
    await window.getByRole("heading", { name: "Window" }).waitFor();
    await door.getByRole("heading", { name: "Door" }).waitFor();
    await expect.poll(() => window.getByTestId("table-counts-t1").textContent()).toBe("2 people · 2 cards");
    await expect.poll(() => door.getByTestId("table-counts-t2").textContent()).toBe("2 people · 2 cards");
    await door.getByText("Volunteer drivers").waitFor();
    expect(await window.getByText("Volunteer drivers").count()).toBe(0);
    // A new card shows up live in its table's column.
    await addCard(phones.b2, "Parking at the station");
    await door.getByText("Parking at the station").waitFor();

    await facilitator.command("screen.show", { table: "t2" });
    await page.getByTestId("screen-table").getByText("Door").waitFor();
    const board = page.getByTestId("board");
    await expect.poll(() => board.getAttribute("data-card-count")).toBe("3");
    await facilitator.command("screen.show", { table: null });
    await grid.waitFor();
    noErrors(errors);
    await context.close();
  });

  it("shows the facilitator every table side by side with live counts, and follows one", async () => {
    const { context, page, errors } = await laptopOn(w.links.facilitator);
    const grid = page.getByTestId("tables-grid");
    await grid.waitFor();
    await expect.poll(() => grid.getByTestId("table-counts-t2").textContent()).toBe("2 people · 3 cards");
    await grid
      .locator("[data-table=t2]")
      .getByRole("button", { name: /Follow/ })
      .click();
    const board = page.getByTestId("board");
    await expect.poll(() => board.getAttribute("data-card-count")).toBe("3");
    await expect.poll(() => page.getByTestId("tables-panel").locator("li[data-table]").count()).toBe(2);
    noErrors(errors);
    await context.close();
  });

  it("gives the report a section per table", async () => {
    const { context, page, errors } = await laptopOn(null);
    // The report reads D1, which the room's outbox fills moments after the commands: reload until it has.
    const section = page.getByTestId("report-tables").locator("[data-table=t2]");
    await expect
      .poll(
        async () => {
          await page.goto(absolute(w.links.evaluator));
          await page.getByTestId("report").waitFor();
          return (await section.count()) > 0 ? section.textContent() : "";
        },
        { timeout: 30_000 },
      )
      .toContain("Parking at the station");
    await section.getByRole("heading", { name: "Door" }).waitFor();
    expect(await section.textContent()).toContain("2 people");
    const window = page.getByTestId("report-tables").locator("[data-table=t1]");
    expect(await window.textContent()).toContain("Ramps on every bus");
    expect(await window.textContent()).toContain("transcribed from paper");
    // The hidden card's words are not in the report.
    expect(await window.textContent()).not.toContain("Buses at night");
    noErrors(errors);
    await context.close();
  });
});

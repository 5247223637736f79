/**
 * A closed map's cards left the live doc (docs/performance.md, perf #17): a phone that joins
 * afterwards downloads none of them, yet the phone, the facilitator's board and the projector
 * still show them, fetched from the room's archive; a reopened map has them back in the doc, and
 * closed again it is fetched anew.
 */
import { describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { ONE_LANE_MAP, openPhone } from "./console-support";
import { absolute, connect, join, useBrowser } from "./support";

describe("a closed map", () => {
  const suite = useBrowser();

  it("is shown on phones, the board and the projector from its archive", { timeout: 120_000 }, async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Closed map" });
    const map = await facilitator.addActivity("map", "Getting there", { ...ONE_LANE_MAP, prompt: "What happened?" });
    await facilitator.command("activity.open", { activityId: map });
    const author = await suite.person(workshop, "community", "Ada");
    const cardId = await author.addCard(map, "now", "idea", "The bus stops at six");
    await author.command("comment.add", { cardId, text: "And not at all on Sundays" });
    await facilitator.command("activity.close", { activityId: map });

    // A phone joining now gets a live doc without the card…
    const joined = await join(workshop.joinCode, { group: "statutory" });
    const late = await connect(joined.token);
    suite.clients.push(late);
    expect(roots(late.doc).archived.has(map)).toBe(true);
    expect(roots(late.doc).cards.has(cardId)).toBe(false);

    // …and its page fetches the closed map to show it.
    const phone = await openPhone(suite.browser, joined);
    await phone.getByText("The bus stops at six").waitFor();
    const desk = await suite.browser.newPage();
    await desk.goto(absolute(workshop.links.facilitator));
    await desk.getByTestId("board").getByText("The bus stops at six").waitFor();
    const screen = await suite.browser.newPage();
    await screen.goto(absolute(workshop.links.screen));
    await screen.getByTestId("board").getByText("The bus stops at six").waitFor();

    // Reopened, the card is back in the live doc, the same.
    await facilitator.command("activity.open", { activityId: map });
    await late.waitFor(() => roots(late.doc).cards.has(cardId), 15_000, "the card back in the live doc");
    expect(roots(late.doc).cards.get(cardId)).toMatchObject({ text: "The bus stops at six", activityId: map });
    expect(roots(late.doc).archived.has(map)).toBe(false);
    await phone.getByText("The bus stops at six").waitFor();

    // Closed again, its archive starts again at rev 1: the pages fetch it anew rather than
    // showing what they fetched before it reopened (which lacks the card added meanwhile).
    await author.command("card.add", { activityId: map, lane: "now", kind: "idea", text: "A second bus at nine" });
    await facilitator.command("activity.close", { activityId: map });
    await late.waitFor(() => !roots(late.doc).cards.has(cardId), 15_000, "the card archived again");
    expect(roots(late.doc).archived.get(map)?.rev).toBe(1);
    for (const page of [phone, desk.getByTestId("board"), screen.getByTestId("board")]) {
      await page.getByText("A second bus at nine").waitFor();
      await page.getByText("The bus stops at six").waitFor();
    }
    await Promise.all([phone.context().close(), desk.close(), screen.close()]);
  });
});

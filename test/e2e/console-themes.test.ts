/**
 * Theme suggestions on the facilitator console, in Chromium: the facilitator asks,
 * sees groups of cards that say the same thing (English and Urdu), merges one
 * group with the existing card.merge and dismisses another; nothing merges before
 * the click. axe finds nothing with suggestions on screen.
 */
import { describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { axeContext, noErrors, ONE_LANE_MAP } from "./console-support";
import { formatViolations, pageOn, type RoomClient, runAxe, useBrowser } from "./support";

describe("theme suggestions", () => {
  const suite = useBrowser();

  it("suggests, merges on request and dismisses, in English and Urdu", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Themes" });
    const mapId = await facilitator.addActivity("map", "Map", { ...ONE_LANE_MAP, mode: "open" });
    await facilitator.command("activity.open", { activityId: mapId });
    const person = (group: string, name: string) => suite.person(workshop, group, name);
    const ada = await person("community", "Ada");
    const ben = await person("statutory", "Ben");
    const add = (room: RoomClient, text: string) => room.addCard(mapId, "now", "idea", text);
    const bus1 = await add(ada, "More buses to the hospital");
    const bus2 = await add(ben, "We need more bus services to the hospital");
    const ur1 = await add(ada, "ہسپتال کے لیے زیادہ بسیں");
    const ur2 = await add(ben, "ہسپتال جانے والی بسیں زیادہ چلائیں");
    await add(ben, "Free parking for carers");
    const r = () => roots(facilitator.doc);

    const { page, errors } = await pageOn(await axeContext(suite.browser), workshop.links.facilitator);
    const themes = page.getByTestId("themes");
    await themes.getByRole("button", { name: "Suggest themes" }).click();
    await themes.getByText("2 suggestions").waitFor();
    const items = themes.getByTestId("theme");
    expect(await items.count()).toBe(2);
    const english = items.filter({ hasText: "More buses to the hospital" });
    expect(await english.getByRole("listitem").allInnerTexts()).toEqual([
      "More buses to the hospital",
      "We need more bus services to the hospital",
    ]);
    // Suggesting changed nothing in the room.
    expect(r().cards.get(bus2)?.hidden).toBe(false);
    expect(r().cards.get(ur2)?.hidden).toBe(false);

    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);

    await english.getByRole("button", { name: "Merge into “More buses to the hospital”" }).click();
    await facilitator.waitFor(() => r().cards.get(bus2)?.hidden === true, 10_000, "merged");
    expect(r().cards.get(bus1)?.mergedFrom).toEqual([bus2]);
    await themes.getByText("1 suggestion", { exact: true }).waitFor();

    const urdu = items.filter({ hasText: "ہسپتال کے لیے زیادہ بسیں" });
    await urdu.getByRole("button", { name: "Dismiss" }).click();
    await themes.getByText("No similar cards found.").waitFor();
    expect(r().cards.get(ur1)?.hidden).toBe(false);
    expect(r().cards.get(ur2)?.hidden).toBe(false);
    noErrors(errors);
    await page.context().close();
  });
});

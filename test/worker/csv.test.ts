/** CSV exports (issue #19): formula neutralisation for text people wrote, never for the room's ids. */
import { describe, expect, it } from "vitest";
import { isIdColumn, toCsv } from "../../worker/csv";

describe("toCsv", () => {
  it("neutralises text that a spreadsheet would run, and leaves ids as they are", () => {
    const csv = toCsv(
      ["card_id", "lane", "option_id", "respondent", "text", "option_label"],
      [
        {
          card_id: "-Jgrk",
          lane: "-x",
          option_id: "=o1",
          respondent: "r-1",
          text: "-5 degrees",
          option_label: "@home",
        },
      ],
    );
    expect(csv.split("\r\n")[1]).toBe("-Jgrk,-x,=o1,r-1,'-5 degrees,'@home");
  });

  it("knows id columns by name", () => {
    for (const c of ["card_id", "activity_id", "respondent", "group", "lane", "kind", "merged_into"])
      expect(isIdColumn(c), c).toBe(true);
    for (const c of ["text", "option_label", "lane_label", "hide_reason", "author", "title"])
      expect(isIdColumn(c), c).toBe(false);
  });
});

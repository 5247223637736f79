/** Workshop templates: the seeds parse, and broken templates say what is wrong. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTemplate, TemplateError } from "../../party/model/templates";
import { TestRoom } from "./support/room";

const dir = join(import.meta.dirname, "../../seeds/templates");
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
const load = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), "utf8"));

describe("seed templates", () => {
  it("include the four core templates", () => {
    const titles = files.map((f) => parseTemplate(load(f)).title);
    expect(titles).toEqual(
      expect.arrayContaining([
        "Experience-based co-design: journey and touchpoints",
        "Service and community asset map with dot vote",
        "Community health budget (co-commissioning)",
        "Co-assessment review",
      ]),
    );
  });

  for (const file of files) {
    it(`${file} parses, is named after its id, and starts a workshop`, () => {
      const template = parseTemplate(load(file));
      expect(file).toBe(`${template.id}.json`);
      const room = new TestRoom();
      room.init({ title: template.title, purpose: template.purpose, activities: template.activities });
      expect(room.workshop.agenda).toHaveLength(template.activities.length);
    });
  }

  it("the journey template maps the patient journey, ranks from the map and asks for feedback", () => {
    const t = parseTemplate(load("ebcd-journey.json"));
    const map = t.activities.find((a) => a.kind === "map");
    if (!map) throw new Error("the journey template has no map");
    expect((map.config as { lanes: { id: string }[] }).lanes.map((l) => l.id)).toEqual([
      "first-contact",
      "referral",
      "waiting",
      "treatment",
      "follow-up",
    ]);
    expect(t.activities.find((a) => a.kind === "vote")?.config).toMatchObject({
      method: "rank",
      fromActivity: { activityId: map?.key },
    });
    expect(t.activities.at(-1)?.kind).toBe("feedback");
  });

  it("the budget template allocates money (in the workshop's currency)", () => {
    const vote = parseTemplate(load("community-health-budget.json")).activities.find((a) => a.kind === "vote");
    expect(vote?.config).toMatchObject({ method: "budget", currency: "money" });
  });

  it("the co-assessment template asks the core questions and rates impact against effort", () => {
    const t = parseTemplate(load("co-assessment-review.json"));
    const labels = JSON.stringify(t.activities);
    expect(labels).toContain("I felt listened to");
    expect(labels).toContain("People like me shaped the outcome");
    expect(t.activities.some((a) => a.kind === "vote" && (a.config as { method: string }).method === "matrix")).toBe(
      true,
    );
  });
});

describe("parseTemplate", () => {
  const valid = {
    id: "t",
    title: "T",
    description: "",
    purpose: "",
    activities: [{ kind: "info", title: "Hi", config: {} }],
  };

  it("accepts a minimal template", () => {
    expect(parseTemplate(valid).activities).toHaveLength(1);
  });

  it("says which template and which field is wrong", () => {
    expect(() => parseTemplate({ ...valid, activities: [] })).toThrow(TemplateError);
    expect(() => parseTemplate({ ...valid, activities: [{ kind: "map", title: "M", config: { lanes: [] } }] })).toThrow(
      /Template t: .*lanes/,
    );
    expect(() =>
      parseTemplate({
        ...valid,
        activities: [{ kind: "vote", title: "V", config: { method: "rank", fromActivity: { activityId: "nope" } } }],
      }),
    ).toThrow(/not an earlier map/);
    expect(() => parseTemplate("not a template")).toThrow(/Template \(no id\)/);
  });
});

/**
 * Everyone counts in Chromium (#14): a facilitator types paper ballots for every vote
 * method (budget, rank, approve, impact × effort) and a paper feedback form into the
 * console's paper form. Each counts for its stakeholder group exactly as the same ballot
 * from a phone of that group would (the expected figures come from the tally and the
 * report's own pure functions, with the paper entry treated as a phone), and the results
 * say how many came from paper. (Dots is proven in everyone-counts.test.ts.)
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Ballot, FeedbackAnswers, FeedbackConfig } from "../../party/model/commands";
import { roots } from "../../party/model/doc";
import { type CastBallot, type Tally, tally } from "../../party/model/tally";
import { noErrors } from "./console-support";
import { everyonePanel, OPTIONS, openActivity, paperForm, usePhones } from "./participant-kit";
import { absolute, app, connect, formatViolations, join, type RoomClient, runAxe } from "./support";

interface MethodCase {
  title: string;
  config: Record<string, unknown>;
  /** two community phones' ballots */
  phones: [Ballot, Ballot];
  /** what the paper says, typed into the form */
  fill: (form: Locator) => Promise<void>;
  /** the ballot the paper holds */
  paper: Ballot;
}

const CASES: MethodCase[] = [
  {
    title: "Share the budget",
    config: { method: "budget", options: OPTIONS, budget: 100 },
    phones: [{ allocations: { respite: 50, peer: 50 } }, { allocations: { hub: 100 } }],
    fill: async (form) => {
      await form.getByLabel("Respite breaks").fill("60");
      await form.getByLabel("One-stop advice hub").fill("40");
    },
    paper: { allocations: { respite: 60, hub: 40 } },
  },
  {
    title: "Rank them",
    config: { method: "rank", options: OPTIONS, topK: 2 },
    phones: [{ order: ["peer", "respite"] }, { order: ["respite", "hub"] }],
    fill: async (form) => {
      await form.getByLabel("Choice 1").selectOption("hub");
      await form.getByLabel("Choice 2").selectOption("peer");
    },
    paper: { order: ["hub", "peer"] },
  },
  {
    title: "Tick what you support",
    config: { method: "approve", options: OPTIONS },
    phones: [{ approved: ["respite"] }, { approved: ["respite", "peer"] }],
    fill: async (form) => {
      await form.getByLabel("Peer support group").check();
      await form.getByLabel("One-stop advice hub").check();
    },
    paper: { approved: ["peer", "hub"] },
  },
  {
    title: "Impact and effort",
    config: { method: "matrix", options: OPTIONS },
    phones: [
      { ratings: { respite: { impact: 5, effort: 2 }, peer: { impact: 3, effort: 3 } } },
      { ratings: { hub: { impact: 4, effort: 5 } } },
    ],
    fill: async (form) => {
      const respite = form.getByRole("group", { name: "Respite breaks" });
      await respite.getByLabel("Impact (1-5)").fill("2");
      await respite.getByLabel("Effort (1-5)").fill("4");
      const hub = form.getByRole("group", { name: "One-stop advice hub" });
      await hub.getByLabel("Impact (1-5)").fill("5");
      await hub.getByLabel("Effort (1-5)").fill("1");
    },
    paper: { ratings: { respite: { impact: 2, effort: 4 }, hub: { impact: 5, effort: 1 } } },
  },
];

const FEEDBACK: FeedbackConfig = {
  prompt: "",
  items: [
    { id: "heard", type: "likert", label: "I felt listened to" },
    { id: "else", type: "text", label: "Anything else?" },
  ],
};

/** The figures by group that must not depend on where a ballot came from. */
function byGroupFigures(t: Pick<Tally, "voters" | "totals" | "byGroup" | "ranking" | "turnout" | "means">) {
  return {
    voters: t.voters,
    totals: t.totals,
    byGroup: t.byGroup,
    ranking: t.ranking,
    turnout: t.turnout,
    means: t.means,
  };
}

async function expectAxeClean(page: Page, what: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `${what}: ${formatViolations(violations)}`).toEqual([]);
}

async function communityPhones(joinCode: string, clients: RoomClient[]): Promise<RoomClient[]> {
  const phones: RoomClient[] = [];
  for (let i = 0; i < 2; i++) {
    const joined = await join(joinCode, { group: "community" });
    const phone = await connect(joined.token);
    clients.push(phone);
    phones.push(phone);
  }
  return phones;
}

describe("typing in paper ballots for every method from the console", () => {
  const suite = usePhones();

  it("budget, rank, approve and impact × effort each count for the group as a phone ballot would, marked paper", async () => {
    const { workshop, facilitator } = await suite.workshop();
    const phones = await communityPhones(workshop.joinCode, suite.clients);
    const { page, errors } = await everyonePanel(suite, workshop);

    for (const [n, method] of CASES.entries()) {
      const voteId = await openActivity(facilitator, "vote", method.title, method.config);
      for (const [i, phone] of phones.entries())
        await phone.command("ballot.submit", { activityId: voteId, ballot: method.phones[i] });
      // The form follows the activity running now: wait for this one's before typing.
      await page.getByText(`One sheet of paper at a time, for “${method.title}”.`).waitFor();
      const form = await paperForm(page);
      await method.fill(form);
      // The room changes while the paper is being typed (here: the next item joins the agenda):
      // what was typed must survive the console reading the doc afresh.
      const next = `Next after ${method.title}`;
      await facilitator.command("activity.add", { kind: "info", title: next, config: {} });
      await page.getByText(next).first().waitFor();
      if (method.paper && "ratings" in method.paper) await expectAxeClean(page, "paper form for impact × effort");
      await page.getByRole("button", { name: "Enter paper ballot" }).click();
      await page.getByText(`${n + 1} paper ballot${n === 0 ? "" : "s"} entered`).waitFor();

      // Revealing closes the vote and publishes exact figures.
      await facilitator.command("results.reveal", { activityId: voteId });
      const result = () => roots(facilitator.doc).results.get(voteId) as Tally | undefined;
      await expect.poll(() => result()?.sources?.paper, { timeout: 10_000 }).toBe(1);
      const asPhone: CastBallot[] = [
        ...method.phones.map((ballot, i) => ({ participantId: `phone-${i}`, group: "community", ballot })),
        { participantId: "same-person-on-a-phone", group: "community", ballot: method.paper },
      ];
      const expected = tally({
        method: method.config.method as Tally["method"],
        options: OPTIONS,
        ballots: asPhone,
        ...(typeof method.config.topK === "number" ? { topK: method.config.topK } : {}),
      });
      expect(byGroupFigures(result() as Tally), method.title).toEqual(byGroupFigures(expected));
      expect(result()?.byGroup.community?.voters, method.title).toBe(3);
      expect(result()?.sources, method.title).toEqual({ phone: 2, paper: 1, kiosk: 0 });
      // The console's results say where the voters came from.
      await page.getByTestId("results-sources").filter({ hasText: "2 on phones, 1 on paper, 0 at a kiosk" }).waitFor();
    }
    noErrors(errors);
  });

  it("a paper feedback form counts for its group as a phone's would, in the report", async () => {
    const { workshop, facilitator } = await suite.workshop();
    const phones = await communityPhones(workshop.joinCode, suite.clients);
    const fbId = await openActivity(facilitator, "feedback", "How was today?", FEEDBACK);
    const phoneAnswers: FeedbackAnswers[] = [{ heard: 5, else: "More time please" }, { heard: 3 }];
    for (const [i, phone] of phones.entries())
      await phone.command("feedback.submit", { activityId: fbId, answers: phoneAnswers[i] });

    const { page, errors } = await everyonePanel(suite, workshop);
    await page.getByText("One sheet of paper at a time, for “How was today?”.").waitFor();
    const form = await paperForm(page);
    await form.getByLabel("I felt listened to").fill("2");
    await form.getByLabel("Anything else?").fill("A bus to the venue");
    // The doc changes while the paper is typed in: what was typed stays.
    await facilitator.command("activity.add", { kind: "info", title: "Next: tea", config: {} });
    await page.getByText("Next: tea").first().waitFor();
    await expectAxeClean(page, "paper feedback form");
    await page.getByRole("button", { name: "Enter paper feedback form" }).click();
    await page.getByText("1 paper feedback form entered").waitFor();
    const paperAnswers: FeedbackAnswers = { heard: 2, else: "A bus to the venue" };
    await facilitator.command("workshop.close", {});

    // The report reads D1, where the room's outbox writes: wait until it holds all three.
    type Section = {
      respondents: number;
      items: unknown[];
      turnout: Record<string, number>;
      sources: Record<string, number>;
    };
    let section: Section | undefined;
    await expect
      .poll(
        async () => {
          const res = await fetch(`${app().baseUrl}/api/workshops/${workshop.id}/report`, {
            headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
          });
          const body = (await res.json()) as { activities?: { activityId: string; feedback?: Section }[] };
          section = body.activities?.find((a) => a.activityId === fbId)?.feedback;
          return section?.respondents;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(3);
    // Three people of one group, whatever their device: the paper form's answers sit with the phones'.
    const likert = { n: 3, mean: 3.33, distribution: { "1": 0, "2": 1, "3": 1, "4": 0, "5": 1 } };
    const expected = {
      items: [
        { id: "heard", type: "likert", label: "I felt listened to", overall: likert, byGroup: { community: likert } },
        {
          id: "else",
          type: "text",
          label: "Anything else?",
          answers: [
            { group: "community", text: paperAnswers.else },
            { group: "community", text: phoneAnswers[0]?.else },
          ],
        },
      ],
    };
    expect(section?.items).toEqual(expected.items);
    expect(section?.turnout).toEqual({ community: 3 });
    expect(section?.sources).toEqual({ phone: 2, paper: 1, kiosk: 0 });

    // The report page says it too.
    await page.goto(absolute(workshop.links.evaluator));
    await page.getByTestId("results-sources").filter({ hasText: "2 on phones, 1 on paper, 0 at a kiosk" }).waitFor();
    noErrors(errors);
  });
});

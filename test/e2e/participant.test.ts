/**
 * A participant's phone, end to end: join by code, add a card and see it arrive live on
 * a second phone; the room follows the facilitator; changing name and group; leaving.
 */
import { describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { expectNoPageErrors, MAP_CONFIG, OPTIONS, openActivity, openPhone, signIn, usePhones } from "./participant-kit";
import { app, join } from "./support";

describe("participant phone", () => {
  const suite = usePhones();
  const { phones } = suite;

  it("joins by code, adds a card, and the card appears live on another phone", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Carers' services map" });
    const a = await openPhone(suite.browser);
    const b = await openPhone(suite.browser);
    phones.push(a, b);

    // Landing: type the code (lower case and with a space is fine).
    await a.page.goto(`${app().baseUrl}/`);
    await a.page
      .getByLabel("Workshop code")
      .fill(`${workshop.joinCode.slice(0, 3).toLowerCase()} ${workshop.joinCode.slice(3)}`);
    await a.page.getByRole("button", { name: "Continue" }).click();
    await a.page.waitForURL(`**/j/${workshop.joinCode}`);

    // Join: title shown, group and consent required.
    await expect.poll(() => a.page.getByRole("heading", { level: 1 }).textContent()).toContain("Carers' services map");
    await a.page.getByRole("button", { name: "Join the workshop" }).click();
    await expect
      .poll(() => a.page.getByRole("alert").allTextContents())
      .toContain("Please choose the group that describes you best.");
    await a.page.getByLabel("Community member / lived experience").check();
    await a.page.getByLabel("I understand and agree to take part").check();
    // perf (#17): the join answer brings the room's first ticket; the phone does not ask for one.
    const ticketRequests: string[] = [];
    a.page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/tickets") ticketRequests.push(request.url());
    });
    await a.page.getByRole("button", { name: "Join the workshop" }).click();
    await a.page.waitForURL(`**/w/${workshop.id}`);
    await a.page.getByRole("heading", { name: "Waiting for the facilitator" }).waitFor();
    await a.page.getByText("Connected").waitFor();
    expect(ticketRequests).toEqual([]);

    // A second phone, joined through the API, in another group.
    const joinedB = await join(workshop.joinCode, { group: "statutory", name: "Dr Patel" });
    await signIn(b, joinedB);
    await b.page.getByRole("heading", { name: "Waiting for the facilitator" }).waitFor();

    // The facilitator opens a map: both phones follow.
    const activityId = await openActivity(facilitator, "map", "Where do carers go?", MAP_CONFIG);
    await a.page.getByRole("heading", { name: "Where do carers go?" }).waitFor();
    await b.page.getByRole("heading", { name: "Where do carers go?" }).waitFor();

    await a.page.getByLabel("Section", { exact: true }).selectOption("wish");
    await a.page.getByLabel("Gap").check();
    await a.page.getByLabel("Your card", { exact: true }).fill("A carers' café on Saturday mornings");
    await a.page.getByRole("button", { name: "Add card" }).click();
    await a.page.locator(".card-form").getByText("Saved").waitFor();

    // Live on the other phone, in the right lane, with kind and group but no name.
    const card = b.page.locator("#lane-wish li.card", { hasText: "A carers' café on Saturday mornings" });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain("Gap");
    await expect.poll(() => card.textContent()).toContain("Community member / lived experience");
    await facilitator.waitFor(() =>
      [...roots(facilitator.doc).cards.values()].some((c) => c.activityId === activityId),
    );

    // B supports it; A sees the support count.
    await card.getByRole("button", { name: /Support/ }).click();
    await expect.poll(() => card.getByRole("button", { name: /Support/ }).getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => a.page.locator("li.card.mine").textContent()).toContain("1 support");

    // B comments on it; A sees the comment under the card, credited to B's group.
    await card.getByText("0 comments").click();
    await card.getByLabel("Your comment").fill("The library already has a room for this");
    await card.getByRole("button", { name: "Send comment" }).click();
    const mine = a.page.locator("li.card.mine");
    await mine.getByText("1 comment").click();
    await mine.getByText("The library already has a room for this").waitFor();
    await expect.poll(() => mine.locator(".comment-list").textContent()).toContain("Statutory partner");

    // A refused command says why: the room is locked.
    await facilitator.command("room.lock", { locked: true });
    await a.page.getByText("The facilitator has paused input").waitFor();
    await facilitator.command("room.lock", { locked: false });

    expectNoPageErrors(a);
    expectNoPageErrors(b);
  });

  it("rejoins as the same person after a reload, changes name, and can withdraw", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Rejoin" });
    const phone = await suite.phone();
    const joined = await join(workshop.joinCode, { group: "community" });
    await signIn(phone, joined);
    await phone.page.getByRole("heading", { name: "Waiting for the facilitator" }).waitFor();
    await phone.page.reload();
    await phone.page.getByRole("heading", { name: "Waiting for the facilitator" }).waitFor();

    await phone.page.getByText("Your name, group and data").click();
    await phone.page.getByLabel("Name others may see").fill("Amira");
    await phone.page.getByRole("button", { name: "Save changes" }).click();
    await facilitator.waitFor(() => roots(facilitator.doc).participants.get(joined.participantId)?.name === "Amira");
    await phone.page.getByText("You: Amira", { exact: false }).waitFor();

    await phone.page.getByRole("button", { name: "Remove my contributions and leave" }).click();
    await phone.page.getByRole("button", { name: "Yes, remove everything and leave" }).click();
    await phone.page.getByText("Your contributions were removed.").waitFor();
    // The token is forgotten on this phone: opening the room again asks to join.
    await phone.page.reload();
    await phone.page.getByRole("heading", { name: "You have not joined this workshop on this phone yet." }).waitFor();
    expectNoPageErrors(phone);
  });

  it("follows the timer, silent and community-first rounds, and lets me edit and delete my cards", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Rounds" });
    const [community, statutory] = await Promise.all([
      join(workshop.joinCode, { group: "community" }),
      join(workshop.joinCode, { group: "statutory" }),
    ]);
    const c = await suite.phone({ joined: community });
    const s = await suite.phone({ joined: statutory });

    // The timer counts down on the room's clock.
    await facilitator.command("timer.start", { seconds: 90 });
    await expect.poll(() => c.page.getByTestId("timer").textContent()).toMatch(/^1:(2\d|30)$/);

    // Silent round: each phone sees only its own cards until the facilitator reveals them.
    const silentId = await openActivity(facilitator, "map", "Quiet ideas", { ...MAP_CONFIG, mode: "silent" });
    await c.page.getByText("Quiet time").waitFor();
    await c.page.getByLabel("Your card", { exact: true }).fill("Community idea");
    await c.page.getByRole("button", { name: "Add card" }).click();
    await s.page.getByLabel("Your card", { exact: true }).fill("Statutory idea");
    await s.page.getByRole("button", { name: "Add card" }).click();
    await c.page.locator("li.card.mine:not(.pending)", { hasText: "Community idea" }).waitFor();
    await s.page.locator("li.card.mine:not(.pending)", { hasText: "Statutory idea" }).waitFor();
    await c.page.waitForTimeout(500);
    expect(await c.page.locator("li.card", { hasText: "Statutory idea" }).count()).toBe(0);
    // Still mine after a reload: the room sends my silent cards privately.
    await c.page.reload();
    await c.page.locator("li.card.mine", { hasText: "Community idea" }).waitFor();
    await facilitator.command("cards.reveal", { activityId: silentId });
    await c.page.locator("li.card", { hasText: "Statutory idea" }).waitFor();

    // Edit and delete my own card.
    const mine = c.page.locator("li.card.mine", { hasText: "Community idea" });
    await mine.getByRole("button", { name: "Edit" }).click();
    await c.page.getByLabel("Edit your card").fill("Community idea, edited");
    await c.page.getByRole("button", { name: "Save", exact: true }).click();
    await s.page.locator("li.card", { hasText: "Community idea, edited" }).waitFor();
    c.page.once("dialog", (dialog) => void dialog.accept());
    await c.page
      .locator("li.card.mine", { hasText: "Community idea, edited" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect.poll(() => s.page.locator("li.card", { hasText: "Community idea, edited" }).count()).toBe(0);

    // Community first: statutory partners wait and are told why; community members add.
    const firstId = await openActivity(facilitator, "map", "Community first", {
      ...MAP_CONFIG,
      mode: "community-first",
    });
    await s.page.getByText("Community members add their cards first").waitFor();
    expect(await s.page.getByRole("button", { name: "Add card" }).count()).toBe(0);
    await c.page.getByText("this is your time to add cards").waitFor();
    await facilitator.command("activity.openToAll", { activityId: firstId });
    await s.page.getByRole("button", { name: "Add card" }).waitFor();
    expectNoPageErrors(c);
    expectNoPageErrors(s);
  });

  it("restores my ballot and feedback from the room after a reload", async () => {
    const { workshop, facilitator } = await suite.workshop({ title: "Restore" });
    const phone = await suite.phone();
    await signIn(phone, await join(workshop.joinCode));
    const { page } = phone;
    await openActivity(facilitator, "vote", "Dots", { method: "dots", dots: 4, maxPerOption: 2, options: OPTIONS });
    await page.getByRole("heading", { name: "Dots" }).waitFor();
    const more = page.getByRole("button", { name: "Add one to Peer support group" });
    await more.click();
    await more.click();
    expect(await more.isDisabled(), "at most 2 dots on one option").toBe(true);
    await page.getByText("2 dots left").waitFor();
    await page.getByRole("button", { name: "Save my vote" }).click();
    await page.getByText("Your vote is saved.").waitFor();
    await page.reload();
    await page.getByText("Your vote is saved.").waitFor();
    await page.getByText("2 dots left").waitFor();
    await page.getByRole("button", { name: "Update my vote" }).waitFor();

    await openActivity(facilitator, "feedback", "Feedback", {
      items: [{ id: "heard", type: "likert", label: "I felt listened to" }],
    });
    await page.getByRole("radio", { name: "5 · Strongly agree" }).check();
    await page.getByRole("button", { name: "Send feedback" }).click();
    await page.getByText("Thank you, your feedback is saved.").waitFor();
    await page.reload();
    await page.getByText("Thank you, your feedback is saved.").waitFor();
    expect(await page.getByRole("radio", { name: "5 · Strongly agree" }).isChecked()).toBe(true);
    expectNoPageErrors(phone);
  });

  it("says clearly when a join code does not exist", async () => {
    const phone = await suite.phone();
    await phone.page.goto(`${app().baseUrl}/j/ZZZZZZ`);
    await phone.page.getByText("No workshop has the code ZZZZZZ").waitFor();
    await phone.page.goto(`${app().baseUrl}/`);
    await phone.page.getByLabel("Workshop code").fill("AB0");
    await phone.page.getByRole("button", { name: "Continue" }).click();
    await phone.page.getByText("Please check: 0").waitFor();
  });
});

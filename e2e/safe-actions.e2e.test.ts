import { buildClient } from "@server/testing/factories.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, logIn, newPage } from "./browser.js";
import type { TestServer } from "./server.js";
import { withServerAndBrowser } from "./server-and-browser.js";

let server: TestServer;
let browser: Browser;

withServerAndBrowser((running) => ({ server, browser } = running));

/** No sideways scroll at 360 px, and the open dialog fits the screen. */
async function fitsPhone(page: Page, what: string) {
  await page.setViewportSize({ width: 360, height: 800 });
  const { scroll, viewport, dialogRight } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    dialogRight: document.querySelector("dialog[open]")?.getBoundingClientRect().right ?? 0,
  }));
  expect(scroll, `${what} scrolls sideways at 360 px`).toBeLessThanOrEqual(viewport);
  expect(dialogRight, `${what}: the dialog sticks out at 360 px`).toBeLessThanOrEqual(viewport);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("safe actions: asked before a letter goes, undone while it is inside", () => {
  it("invites after a question, undoes, and offers no undo once the letter is printed", async () => {
    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const availability = await consultant("PUT", "/me/availability", {
      blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: "09:00", endTime: "16:00", location: "Wijkteam Charlois" })),
    });
    expect(availability.status).toBe(200);
    const created = await consultant<{ id: string }>("POST", "/clients", {
      ...buildClient({ givenName: "Safiya", familyName: "Doelwijk" }),
      capacityHoursPerWeek: 12,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const clientId = created.body.id;
    const invitations = () => server.db.kysely.selectFrom("invitations").selectAll().where("client_id", "=", clientId).execute();

    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await page.goto(`/clients/${clientId}?tab=appointments`);
    await expectHeading(page, "Safiya Doelwijk");
    const invite = page.getByRole("button", { name: "Uitnodigen voor een intake" });
    const dialog = page.getByRole("dialog", { name: "Uitnodiging versturen?" });

    // The question: focus moves into it, axe finds nothing, it fits a phone, and Escape cancels without inviting.
    await invite.click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("Safiya Doelwijk krijgt een aangetekende brief");
    expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
    await expectNoAxeViolations(page, "the confirmation dialog");
    await fitsPhone(page, "the confirmation dialog");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Uitnodigen voor een intake");
    expect(await invitations()).toEqual([]);

    // Confirmed: invited, with "Ongedaan maken" in the status; undone, the client can be invited again.
    await invite.click();
    await dialog.getByRole("button", { name: "Ja, uitnodiging versturen" }).click();
    await page.getByText(/^De cliënt is uitgenodigd voor/).waitFor();
    expect(await invitations()).toHaveLength(1);
    const undo = page.getByRole("button", { name: /^Ongedaan maken/ });
    await expectNoAxeViolations(page, "the invitation's status with undo");
    await fitsPhone(page, "the invitation's status with undo");
    await undo.click();
    await page.getByText("De uitnodiging is ingetrokken.", { exact: false }).waitFor();
    await invite.waitFor();
    expect(await invitations()).toEqual([]);
    await page.goto(`/clients/${clientId}?tab=letters`);
    await page.getByRole("table").getByText("Ingetrokken", { exact: true }).waitFor();

    // Invited again and the letter printed: undo is no longer offered, and the server refuses it.
    await page.goto(`/clients/${clientId}?tab=appointments`);
    await invite.click();
    await dialog.getByRole("button", { name: "Ja, uitnodiging versturen" }).click();
    await undo.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Brief afdrukken (PDF)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^invitation-.*\.pdf$/);
    await page.getByText("Ongedaan maken kan niet meer", { exact: false }).waitFor();
    expect(await undo.count()).toBe(0);
    const [standing] = await invitations();
    expect(standing?.batch_id).toBeTruthy();
    const refused = await consultant<{ code: string }>("POST", `/invitation-batches/${standing?.batch_id}/undo`);
    expect([refused.status, refused.body.code]).toEqual([409, "letterLeftBuilding"]);
    await context.close();
  });

  it("formalises volunteer work and judges care customary care, and undoes each: the record gone, the letter withdrawn", async () => {
    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const created = await consultant<{ id: string }>("POST", "/clients", {
      ...buildClient({ givenName: "Noor", familyName: "Ongedaan" }),
      capacityHoursPerWeek: 12,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const clientId = created.body.id;
    const since = addDays(todayInAmsterdam(), -30);
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    const dialog = page.getByRole("dialog", { name: "Brief versturen?" });

    // Volunteer work formalised after the question, then undone: it no longer counts.
    await page.goto(`/clients/${clientId}?tab=placements`);
    await expectHeading(page, "Noor Ongedaan");
    const work = page.getByRole("region", { name: "Vrijwilligerswerk vastleggen" });
    await work.getByLabel("Naam van de organisatie").fill("Buurthuis De Horizon");
    await work.getByLabel("Sinds").fill(since);
    await work.getByLabel("Uren per week").fill("3");
    await work.getByLabel("Wat doet de cliënt?").fill("Schenkt koffie op de inloopochtend.");
    await work.getByRole("button", { name: "Vrijwilligerswerk vastleggen" }).click();
    await dialog.getByRole("button", { name: "Ja, brief versturen" }).click();
    await work.getByText("Deze cliënt levert een tegenprestatie", { exact: false }).waitFor();
    await expectNoAxeViolations(page, "volunteer work formalised, with undo");
    await work.getByRole("button", { name: /^Ongedaan maken/ }).click();
    await work.getByText("Het vastleggen is ongedaan gemaakt.", { exact: false }).waitFor();
    await work.getByText("Er is nog geen vrijwilligerswerk vastgelegd.").waitFor();
    const contributions = await consultant<{ items: unknown[] }>("GET", `/clients/${clientId}/contributions`);
    expect(contributions.body.items).toEqual([]);

    // Care judged customary care is a decision with a letter: asked first, then undone, record and decision gone.
    await page.goto(`/clients/${clientId}?tab=exemptions`);
    const care = page.getByRole("region", { name: "Mantelzorg vastleggen" });
    await care.getByLabel("Voor wie zorgt de cliënt?").selectOption("partner");
    await care.getByLabel("Uren per week").fill("3");
    await care.getByLabel("Sinds").fill(since);
    await care.getByRole("group", { name: "Gaat de zorg verder dan gebruikelijke zorg?" }).getByLabel("Nee").check();
    await care.getByLabel("Waarom beoordeelt u het zo?").fill("Koken en de was doen huisgenoten gewoon voor elkaar.");
    await care.getByRole("button", { name: "Mantelzorg vastleggen" }).click();
    await dialog.getByRole("button", { name: "Ja, brief versturen" }).click();
    await care.getByText("De mantelzorg is vastgelegd.").waitFor();
    await expectNoAxeViolations(page, "customary care recorded, with undo");
    await care.getByRole("button", { name: /^Ongedaan maken/ }).click();
    await care.getByText("Het vastleggen is ongedaan gemaakt.", { exact: false }).waitFor();
    const caregiving = await consultant<{ items: unknown[] }>("GET", `/clients/${clientId}/caregiving`);
    const decisions = await consultant<{ items: unknown[] }>("GET", `/clients/${clientId}/decisions`);
    expect([caregiving.body.items, decisions.body.items]).toEqual([[], []]);

    // Both letters are kept, withdrawn.
    await page.goto(`/clients/${clientId}?tab=letters`);
    const withdrawn = page.getByRole("table").getByText("Ingetrokken", { exact: true });
    await withdrawn.first().waitFor();
    expect(await withdrawn.count()).toBe(2);
    await context.close();
  }, 180_000);

  it("proposes a client to a host after a question, and undoes it before the host sees it", async () => {
    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const host = await apiAs(server.baseUrl, "organisatie@demo.local");
    const organisationId = (await host<{ organisationId: string }>("GET", "/me")).body.organisationId;
    const title = "Gastvrouw koffieochtend Tarwewijk";
    const role = await consultant<{ id: string }>("POST", "/roles", {
      organisationId,
      title,
      description: "Koffie schenken en mensen welkom heten op dinsdagochtend.",
      hoursPerWeek: 4,
      guidanceLevel: "intensive",
      places: 2,
      weekdayParts: ["tue-am"],
      displacementCheck: {
        paidInLastThreeYears: false,
        doneByPaidStaffElsewhere: false,
        wouldOtherwiseBePaid: false,
        partOfPaidService: false,
        recentStaffCuts: false,
      },
    });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    const created = await consultant<{ id: string }>("POST", "/clients", {
      ...buildClient({ givenName: "Noor", familyName: "Havenzicht" }),
      capacityHoursPerWeek: 12,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const clientId = created.body.id;
    const referrals = async () => (await consultant<{ items: { id: string }[] }>("GET", `/placements?clientId=${clientId}`)).body.items;

    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await page.goto(`/clients/${clientId}?tab=placements`);
    await expectHeading(page, "Noor Havenzicht");
    await page.getByLabel("Zoek op vrijwilligersplek of organisatie").fill(title);
    await page.getByRole("radio", { name: new RegExp(title) }).check();
    await page.getByRole("button", { name: "Voorstellen" }).click();
    await page.getByRole("dialog", { name: "Voorstel versturen?" }).getByRole("button", { name: "Ja, voorstel versturen" }).click();
    await page.getByText(/^De cliënt is voorgesteld voor/).waitFor();

    // Made, but held from the host: "Ongedaan maken" while the host does not see it yet.
    expect(await referrals()).toHaveLength(1);
    await page.getByText("De organisatie ziet het voorstel nog niet.", { exact: false }).waitFor();
    await expectNoAxeViolations(page, "the proposal's status with undo");
    await fitsPhone(page, "the proposal's status with undo");
    await page.getByRole("button", { name: /^Ongedaan maken/ }).click();
    await page.getByText(`Het voorstel voor ${title}`, { exact: false }).waitFor();

    // As before: no referral, the role's places free, and the client can be proposed again.
    expect(await referrals()).toHaveLength(0);
    expect((await consultant<{ placesTaken: number }>("GET", `/roles/${role.body.id}`)).body.placesTaken).toBe(0);
    await page.getByRole("button", { name: "Voorstellen" }).waitFor();
    await expectNoAxeViolations(page, "the proposal undone");
    await context.close();
  }, 120_000);

  it("asks only for a form that is filled in: an empty one shows its field errors and no question", async () => {
    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const created = await consultant<{ id: string }>("POST", "/clients", buildClient({ givenName: "Noor", familyName: "Leegveld" }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const clientId = created.body.id;
    const contributions = () => server.db.kysely.selectFrom("contributions").selectAll().where("client_id", "=", clientId).execute();

    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await page.goto(`/clients/${clientId}?tab=placements`);
    await expectHeading(page, "Noor Leegveld");
    const form = page.locator("form").filter({ has: page.locator("#field-contributionDescription") });
    const submit = form.getByRole("button", { name: "Vrijwilligerswerk vastleggen" });
    const dialog = page.getByRole("dialog", { name: "Brief versturen?" });
    const summary = page.getByText("Er zijn 3 fouten. Verbeter deze en probeer het opnieuw.");

    // Empty: the shared schema's errors at their fields, as the server would give them, the summary in focus; no question.
    await submit.click();
    await summary.waitFor();
    expect(await page.locator("#field-contributionHours-error").textContent()).toBe("Vul een aantal uren in, bijvoorbeeld 4 of 2,5.");
    expect(await page.locator("#field-since-error").textContent()).toBe("Vul een datum in.");
    expect(await page.locator("#field-contributionDescription-error").textContent()).toBe("Dit is te kort. Schrijf iets meer.");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("nv-error-summary"))).toBe(true);
    expect(await dialog.count()).toBe(0);
    await expectNoAxeViolations(page, "the contribution form with its errors");

    // Filled in: the errors go and the question comes; cancelled, nothing is recorded.
    await form.getByLabel("Naam van de organisatie").fill("Bibliotheek Charlois");
    await form.getByLabel("Sinds").fill("2026-11-02");
    await form.getByLabel("Uren per week").fill("4");
    await form.getByLabel("Wat doet de cliënt?").fill("Voorlezen aan kinderen");
    await submit.click();
    await dialog.waitFor();
    expect(await summary.count()).toBe(0);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await contributions()).toEqual([]);
    await context.close();
  });
});

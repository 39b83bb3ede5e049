import { buildClient } from "@server/testing/factories.js";
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

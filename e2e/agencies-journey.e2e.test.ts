import { addDays } from "@shared/dates.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage, textOf } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { mainMenu, openMenuItem } from "./menu.js";
import { startServer, type TestServer } from "./server.js";

/**
 * An intermediary agency: the admin registers it and its worker, the team lead gives it a client for a period, the
 * worker sees only that client, records a fact and never a sanction, and the team lead reads the agency's results.
 * Then the team lead ends the assignment early from the agency's page, and the worker no longer sees the client.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const WHO5 = [
  "Ik voelde me opgewekt en in een goede stemming",
  "Ik voelde me rustig en ontspannen",
  "Ik voelde me actief en energiek",
  "Ik voelde me fris en uitgerust wanneer ik wakker werd",
  "Mijn dagelijks leven was gevuld met dingen die mij interesseren",
];

async function settled(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
}

/** Axe and no sideways scroll at 360 px, then back to the wide window. */
async function narrow(page: Page, what: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 780 });
  await settled(page, `${what} at 360 px`);
  await expectNoSidewaysScroll(page, what);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("intermediary agencies", () => {
  it("a team lead assigns a client; the agency worker works only that client, without sanctions; the team lead reads the results and ends it", async () => {
    const k = server.db.kysely;
    // A client of Charlois the demo gave to no agency and who has no account of their own.
    const client = await k
      .selectFrom("clients")
      .select(["id", "given_name", "family_name"])
      .where("district", "=", "Charlois")
      .where("benefit_end_date", "is", null)
      .where("id", "not in", k.selectFrom("agency_assignments").select("client_id"))
      .where("id", "not in", k.selectFrom("users").select("client_id").where("client_id", "is not", null))
      .orderBy("family_name")
      .executeTakeFirstOrThrow();
    const fullName = `${client.given_name} ${client.family_name}`;

    // The admin registers the agency and makes its worker's account.
    const admin = await newPage(browser, server.baseUrl);
    await logIn(admin.page, "admin@demo.local");
    await openMenuItem(admin.page, "Bemiddelingsbureaus");
    await expectHeading(admin.page, "Bemiddelingsbureaus");
    await admin.page.getByLabel("Naam", { exact: true }).fill("Bureau De Brug");
    await admin.page.getByLabel(/^Gebied waar het bureau/).selectOption("Charlois");
    await admin.page.getByRole("button", { name: "Registreren" }).click();
    await admin.page.getByText("Bureau De Brug is geregistreerd.", { exact: false }).waitFor();
    await settled(admin.page, "agencies as admin");
    // The admin corrects the agency's district on its page.
    await admin.page.getByRole("navigation", { name: "Bureaus" }).getByRole("link", { name: "Bureau De Brug" }).click();
    await expectHeading(admin.page, "Bureau De Brug");
    await admin.page.getByRole("button", { name: "Gegevens wijzigen" }).click();
    await admin.page.getByRole("heading", { name: "Gegevens van het bureau wijzigen" }).waitFor();
    await settled(admin.page, "agency edit form");
    await narrow(admin.page, "agency edit form");
    await admin.page.getByLabel(/^Gebied waar het bureau/).selectOption("Feijenoord");
    await admin.page.getByRole("button", { name: "Opslaan" }).click();
    await admin.page.getByText("De gegevens van het bureau zijn opgeslagen.").waitFor();
    expect(await textOf(admin.page.locator(".nv-facts"))).toContain("Feijenoord");
    await settled(admin.page, "agency page after the change");
    await admin.page.goto("/users/new");
    await expectHeading(admin.page, "Nieuwe gebruiker");
    await admin.page.getByLabel("E-mailadres").fill("brug@demo.local");
    await admin.page.getByLabel("Naam").fill("Medewerker De Brug");
    await admin.page.getByLabel("Rol", { exact: true }).selectOption("agencyWorker");
    await admin.page.getByLabel("Bemiddelingsbureau").selectOption({ label: "Bureau De Brug" });
    await admin.page.getByLabel("Wachtwoord", { exact: true }).fill("een lange zin als wachtwoord");
    await settled(admin.page, "new agency worker");
    await admin.page.getByRole("button", { name: "Gebruiker aanmaken" }).click();
    await expectHeading(admin.page, "Medewerker De Brug");
    await admin.context.close();

    // The team lead gives the client to the agency for three months.
    const lead = await newPage(browser, server.baseUrl);
    await logIn(lead.page, "teamleider@demo.local");
    await openMenuItem(lead.page, "Bemiddelingsbureaus");
    await expectHeading(lead.page, "Bemiddelingsbureaus");
    await lead.page.getByRole("table", { name: "Afspraken en uitkomsten per bemiddelingsbureau" }).waitFor();
    await settled(lead.page, "agencies as team lead");
    await narrow(lead.page, "agencies as team lead");
    await lead.page.getByLabel("Bemiddelingsbureau", { exact: true }).selectOption({ label: "Bureau De Brug" });
    await lead.page.getByLabel("Zoek cliënt op naam, BSN of postcode").fill(client.family_name);
    await lead.page
      .getByRole("radio", { name: new RegExp(`${client.family_name}, ${client.given_name}`) })
      .first()
      .check();
    const today = await lead.page.getByLabel("Eerste dag").inputValue();
    await lead.page.getByLabel("Laatste dag").fill(addDays(today, 90));
    await lead.page.getByRole("button", { name: "Toewijzen" }).click();
    await lead.page.getByText(`${fullName} is toegewezen aan Bureau De Brug.`).waitFor();
    await settled(lead.page, "client assigned");
    // The same client for an overlapping period is refused, with the reason.
    await lead.page.getByRole("button", { name: "Toewijzen" }).click();
    await lead.page.getByText("Deze periode overlapt met een andere toewijzing van de cliënt.").first().waitFor();
    await settled(lead.page, "overlapping assignment refused");

    // The worker sees only that client, records a conversation and meets no sanction.
    const worker = await newPage(browser, server.baseUrl);
    await logIn(worker.page, "brug@demo.local", "een lange zin als wachtwoord");
    await openMenuItem(worker.page, "Bemiddelingsbureaus");
    await worker.page.getByRole("heading", { name: "Uw bureau: Bureau De Brug" }).waitFor();
    const clients = worker.page.getByRole("list", { name: "Cliënten van uw bureau" });
    await expect.poll(() => clients.getByRole("listitem").count()).toBe(1);
    expect(await textOf(clients)).toContain(fullName);
    await settled(worker.page, "agencies as agency worker");
    await narrow(worker.page, "agencies as agency worker");
    expect(await mainMenu(worker.page).getByRole("link", { name: "Maatregelen", includeHidden: true }).count()).toBe(0);
    await openMenuItem(worker.page, "Cliënten");
    await expectHeading(worker.page, "Cliënten");
    await expect.poll(() => worker.page.locator("tbody tr").count()).toBe(1);
    expect(await textOf(worker.page.locator("tbody tr"))).toContain(client.family_name);
    await settled(worker.page, "caseload as agency worker");
    await worker.page.goto(`/clients/${client.id}`);
    await expectHeading(worker.page, fullName);
    await settled(worker.page, "client record as agency worker");
    expect(await worker.page.getByRole("link", { name: "Maatregelen" }).count()).toBe(0);
    const sanctions = await worker.page.request.get(`/api/v1/clients/${client.id}/sanctions`);
    expect(sanctions.status()).toBe(403);
    await worker.page.goto(`/clients/${client.id}/check-in`);
    await expectHeading(worker.page, `Gesprek met ${fullName}`);
    await worker.page.getByRole("radio", { name: "Telefoon" }).check();
    for (const statement of WHO5) {
      await worker.page.getByRole("group", { name: statement }).getByRole("radio", { name: "3 meer dan de helft van de tijd" }).check();
    }
    await worker.page
      .getByRole("group", { name: "Is de cliënt klaar voor een volgende stap?" })
      .getByRole("radio", { name: "Nee" })
      .check();
    await settled(worker.page, "check-in form as agency worker");
    await worker.page.getByRole("button", { name: "Gesprek opslaan" }).click();
    await worker.page.getByText("Het gesprek is opgeslagen.").waitFor();
    await settled(worker.page, "check-in saved by agency worker");
    // Another client does not exist for the worker.
    const other = await k.selectFrom("clients").select("id").where("id", "!=", client.id).executeTakeFirstOrThrow();
    expect((await worker.page.request.get(`/api/v1/clients/${other.id}`)).status()).toBe(404);
    await worker.context.close();

    // The team lead reads the agency's results: one client, now.
    await lead.page.reload();
    const row = lead.page.getByRole("row", { name: /Bureau De Brug/ });
    await expect.poll(() => textOf(row)).toContain("1 (1)");
    await settled(lead.page, "agency results after the assignment");

    // The team lead ends the assignment early from the agency's page: date and reason, then a confirmation.
    await lead.page.getByRole("navigation", { name: "Bureaus" }).getByRole("link", { name: "Bureau De Brug" }).click();
    await expectHeading(lead.page, "Bureau De Brug");
    const assignments = lead.page.getByRole("table", { name: "Cliënten toegewezen aan Bureau De Brug, nu en eerder" });
    const assignmentRow = assignments.getByRole("row", { name: new RegExp(fullName) });
    await expect.poll(() => textOf(assignmentRow)).toContain("Loopt");
    await settled(lead.page, "agency page as team lead");
    await narrow(lead.page, "agency page as team lead");
    await assignmentRow.getByRole("button", { name: `Beëindigen: ${fullName}` }).click();
    await lead.page.getByRole("heading", { name: `Toewijzing van ${fullName} aan Bureau De Brug beëindigen` }).waitFor();
    expect(await lead.page.getByLabel("Beëindigen per").inputValue()).toBe(today);
    await lead.page.getByRole("button", { name: "Verder" }).click();
    await lead.page.getByText("Dit veld is verplicht.").first().waitFor();
    await settled(lead.page, "end form with a missing reason");
    await lead.page.getByLabel("Reden", { exact: true }).selectOption({ label: "Bureau houdt zich niet aan de afspraken" });
    await lead.page.getByLabel(/^Toelichting/).fill("Drie weken geen contact met de cliënt.");
    await settled(lead.page, "end form filled in");
    await narrow(lead.page, "end form filled in");
    await lead.page.getByRole("button", { name: "Verder" }).click();
    await lead.page.getByText("Weet u het zeker?", { exact: false }).waitFor();
    // Nothing is sent before the confirmation.
    expect(await textOf(assignmentRow)).toContain("Loopt");
    await settled(lead.page, "end confirmation");
    await narrow(lead.page, "end confirmation");
    await lead.page.getByRole("button", { name: "Ja, beëindigen" }).click();
    await lead.page.getByText(`De toewijzing van ${fullName} is beëindigd per`, { exact: false }).waitFor();
    await expect.poll(() => textOf(assignmentRow)).toContain("Eerder beëindigd per");
    expect(await textOf(assignmentRow)).toContain("Bureau houdt zich niet aan de afspraken");
    expect(await assignmentRow.getByRole("button").count()).toBe(0);
    await settled(lead.page, "assignment ended");
    await narrow(lead.page, "assignment ended");
    await lead.context.close();

    // From the end date the worker no longer sees the client.
    const after = await newPage(browser, server.baseUrl);
    await logIn(after.page, "brug@demo.local", "een lange zin als wachtwoord");
    await mainMenu(after.page).getByRole("link", { name: "Bemiddelingsbureaus" }).click();
    await after.page.getByRole("heading", { name: "Uw bureau: Bureau De Brug" }).waitFor();
    await after.page.getByText("Er zijn nu geen cliënten aan uw bureau toegewezen.").waitFor();
    await settled(after.page, "agencies as agency worker after the ending");
    expect((await after.page.request.get(`/api/v1/clients/${client.id}`)).status()).toBe(404);
    await after.page.goto(`/clients/${client.id}`);
    await after.page.getByRole("heading", { level: 1 }).waitFor();
    expect(await textOf(after.page.getByRole("heading", { level: 1 }))).not.toContain(fullName);
    await after.context.close();
  }, 300_000);
});

import { expectDefined } from "@server/testing/expect-defined.js";
import { addDays, addMonths, todayInAmsterdam } from "@shared/dates.js";
import type { ExemptionOutput } from "@shared/schemas/exemptions.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, clientWithCapacity } from "./api.js";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { openMenuItem } from "./menu.js";
import { startServer, type TestServer } from "./server.js";

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

const errorSummary = (page: Page) => page.getByText(/Er (is|zijn) \d+ fout/);

async function settled(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
}

/** Opens a client's exemptions tab and waits until its three lists have loaded. */
async function openExemptionsTab(page: Page, clientId: string): Promise<void> {
  await page.goto(`/clients/${clientId}?tab=exemptions`);
  await page.getByRole("heading", { level: 2, name: "Vrijstellingen en mantelzorg" }).waitFor();
  await page.getByRole("heading", { level: 3, name: "Vrijstellingen" }).waitFor();
  await page.waitForFunction(() => !document.querySelector("main")?.textContent?.includes("Bezig met laden"));
  await page.waitForLoadState("networkidle");
}

// A small, valid PDF: the server checks the content, not the name.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

describe("a consultant: an exemption with evidence, and caregiving that counts", () => {
  it("records a partial exemption, adds a PDF as evidence and records caregiving beyond customary care", async () => {
    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const client = await clientWithCapacity(consultant);
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await openExemptionsTab(page, client.id);
    await page.getByText("Er zijn geen vrijstellingen.").waitFor();
    await page.getByText("Er is geen mantelzorg vastgelegd.").waitFor();
    await settled(page, "exemptions tab, empty");

    // An exemption is temporary: without an end or a review date the server names both fields.
    await page.getByLabel("Soort vrijstelling").selectOption({ label: "Medische reden" });
    await page.getByRole("group", { name: "Omvang" }).getByLabel("Gedeeltelijk").check();
    await page.getByLabel("Hoogstens uren per week").fill("8");
    await page
      .getByLabel("Reden", { exact: true })
      .fill("Herstel na een operatie; volgens de huisarts kan de cliënt een paar uur per week.");
    // The form checks itself before it asks about the letter: no question, the fields named.
    await page.getByRole("button", { name: "Vrijstelling vastleggen" }).click();
    await errorSummary(page).waitFor();
    expect(await page.getByLabel("Einddatum").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Datum herbeoordeling").getAttribute("aria-invalid")).toBe("true");
    await page.getByText("Een vrijstelling is altijd tijdelijk.").first().waitFor();
    await expectNoAxeViolations(page, "exemption form with errors");

    const record = async () => {
      await page.getByRole("button", { name: "Vrijstelling vastleggen" }).click();
      await page.getByRole("dialog", { name: "Brief versturen?" }).getByRole("button", { name: "Ja, brief versturen" }).click();
      await page.getByText("De vrijstelling is vastgelegd.").waitFor();
    };
    await page.getByLabel("Datum herbeoordeling").fill(addMonths(todayInAmsterdam(), 3));
    await record();
    // While its letter is inside, the recording can be undone: the exemption is gone again.
    await page.getByRole("button", { name: /^Ongedaan maken/ }).click();
    await page.getByText("Het vastleggen is ongedaan gemaakt. De vrijstelling is weg. De brief en het besluit zijn ingetrokken.").waitFor();
    await page.getByText("Er zijn geen vrijstellingen.").waitFor();
    await settled(page, "exemption recording undone");

    await page.getByLabel("Soort vrijstelling").selectOption({ label: "Medische reden" });
    await page.getByRole("group", { name: "Omvang" }).getByLabel("Gedeeltelijk").check();
    await page.getByLabel("Hoogstens uren per week").fill("8");
    await page
      .getByLabel("Reden", { exact: true })
      .fill("Herstel na een operatie; volgens de huisarts kan de cliënt een paar uur per week.");
    await page.getByLabel("Datum herbeoordeling").fill(addMonths(todayInAmsterdam(), 3));
    await record();
    const exemptions = page.getByRole("table", { name: /^Vrijstellingen van / });
    await exemptions.getByText("Gedeeltelijk: hoogstens 8 uur per week").waitFor();
    await exemptions.getByText("Geldt", { exact: true }).waitFor();
    await settled(page, "exemption recorded");

    // Evidence: the file is required, and a PDF is listed as a download once added.
    await exemptions.getByRole("button", { name: /^Bewijs toevoegen/ }).click();
    await page.getByRole("button", { name: "Bestand toevoegen" }).click();
    await page.getByText("Kies een bestand.").first().waitFor();
    await expectNoAxeViolations(page, "evidence upload with errors");
    await page
      .getByLabel("Bestand", { exact: true })
      .setInputFiles({ name: "verklaring-huisarts.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "Bestand toevoegen" }).click();
    await page.getByText("Het bestand verklaring-huisarts.pdf is toegevoegd.").waitFor();
    await exemptions.getByRole("link", { name: "verklaring-huisarts.pdf" }).waitFor();
    await settled(page, "evidence added");

    // Caregiving beyond customary care is the client's contribution.
    await page.getByLabel("Voor wie zorgt de cliënt?").selectOption({ label: "Kind" });
    await page.getByLabel("Uren per week", { exact: true }).fill("20");
    await page.getByLabel("Sinds", { exact: true }).fill(addDays(todayInAmsterdam(), -200));
    await page.getByRole("group", { name: "Gaat de zorg verder dan gebruikelijke zorg?" }).getByLabel("Ja").check();
    await page.getByLabel("Waarom beoordeelt u het zo?").fill("Intensieve zorg voor een kind met autisme, op advies van de jeugdarts.");
    await page.getByRole("button", { name: "Mantelzorg vastleggen" }).click();
    await page.getByText("De mantelzorg is vastgelegd. Ze telt als tegenprestatie.").waitFor();
    await page
      .getByRole("table", { name: /^Mantelzorg van / })
      .getByText("Telt als tegenprestatie")
      .waitFor();
    await settled(page, "caregiving recorded");

    const stored = await consultant<{ items: ExemptionOutput[] }>("GET", `/clients/${client.id}/exemptions`);
    expect(stored.body.items[0]).toMatchObject({ type: "medical", scope: "partial", maxHoursPerWeek: 8, status: "active", inForce: true });
    expect(stored.body.items[0]?.documents).toHaveLength(1);
    await context.close();
  }, 120_000);
});

describe("a consultant: a medical request decided on medical advice", () => {
  it("records the advice in functional terms first, only then decides, and undoes the decision", async () => {
    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const client = await clientWithCapacity(consultant);
    const requested = await consultant<ExemptionOutput>("POST", `/clients/${client.id}/exemption-requests`, {
      type: "medical",
      reason: "Ik heb veel pijn in mijn rug en kan nu niet lang zitten of staan.",
    });
    expect(requested.body.abilities).toMatchObject({ decide: false, addMedicalAdvice: true });

    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await openExemptionsTab(page, client.id);
    // The client may have other exemptions: this is the row of the request.
    const row = page
      .getByRole("table", { name: /^Vrijstellingen van / })
      .getByRole("row")
      .filter({ hasText: "Ik heb veel pijn in mijn rug" });
    await row.getByText("Aangevraagd", { exact: true }).waitFor();
    expect(await row.getByRole("button", { name: /^Besluiten/ }).count()).toBe(0);
    await settled(page, "medical request without advice");

    await row.getByRole("button", { name: /^Medisch advies vastleggen/ }).click();
    await page.getByRole("heading", { level: 4, name: "Medisch advies vastleggen" }).waitFor();
    await page.getByText("Noem nooit een diagnose of ziekte.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Advies vastleggen", exact: true }).click();
    await errorSummary(page).waitFor();
    await expectNoAxeViolations(page, "medical advice form with errors");

    await page.getByRole("group", { name: "Wie gaf het advies?" }).getByLabel("bedrijfsarts").check();
    await page.getByLabel("Naam van de arts").fill("M. de Vries");
    await page.getByLabel("Datum van het advies").fill(todayInAmsterdam());
    await page.getByLabel(/^Conclusie/).fill("Kan hoogstens vier uur per week, in korte blokken, zonder zwaar tillen.");
    await page.getByRole("button", { name: "Advies vastleggen", exact: true }).click();
    await page.getByText("Het medische advies is vastgelegd.").waitFor();
    await row.getByText(/^Advies bedrijfsarts M\. de Vries/).waitFor();
    await settled(page, "medical advice recorded");

    await row.getByRole("button", { name: /^Besluiten/ }).click();
    await page.getByRole("group", { name: "Uw besluit" }).getByLabel("Geen vrijstelling geven").check();
    await page.getByLabel("Waarom geen vrijstelling?").fill("Volgens het advies kunt u vier uur per week licht werk doen.");
    await page.getByRole("button", { name: "Besluit opslaan" }).click();
    await page.getByRole("dialog", { name: "Brief versturen?" }).getByRole("button", { name: "Ja, brief versturen" }).click();
    await page.getByText("Het besluit is opgeslagen.").waitFor();
    await row.getByText("Niet gegeven", { exact: true }).waitFor();
    await settled(page, "medical request refused on advice");

    // The refusal's letter has not left the building: undone, the request awaits its decision again.
    await page.getByRole("button", { name: /^Ongedaan maken/ }).click();
    await page.getByText("Ongedaan gemaakt. De brief is ingetrokken en de vrijstelling is weer zoals ervoor.").waitFor();
    await row.getByText("Aangevraagd", { exact: true }).waitFor();
    await row.getByRole("button", { name: /^Besluiten/ }).waitFor();
    await settled(page, "refusal undone");
    const undone = await consultant<{ items: ExemptionOutput[] }>("GET", `/clients/${client.id}/exemptions`);
    expect(undone.body.items.find((e) => e.id === requested.body.id)).toMatchObject({ status: "requested", decisions: [] });
    await context.close();
  }, 120_000);
});

describe("a team lead: long full exemptions waiting for a second signature", () => {
  it("opens the list, follows the client and co-signs", async () => {
    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const clients = await consultant<{ items: { id: string; givenName: string; familyName: string }[] }>(
      "GET",
      "/clients?district=Charlois&pageSize=5&page=3",
    );
    const client = expectDefined(clients.body.items[0], "a Charlois client on page 3");
    const recorded = await consultant<ExemptionOutput>("POST", `/clients/${client.id}/exemptions`, {
      type: "caregiving",
      scope: "full",
      startDate: todayInAmsterdam(),
      // Longer than the ordinance's twelve months: a team lead co-signs.
      endDate: addMonths(todayInAmsterdam(), 18),
      reason: "Zorgt fulltime voor een ernstig ziek kind.",
    });
    expect(recorded.body.status).toBe("awaitingCoSign");

    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "teamleider@demo.local");
    await openMenuItem(page, "Vrijstellingen");
    await expectHeading(page, "Vrijstellingen om te ondertekenen");
    const table = page.getByRole("table", { name: /^Wachten op een tweede handtekening/ });
    await table.waitFor();
    await settled(page, "exemptions to co-sign");

    await table.getByRole("link", { name: `${client.givenName} ${client.familyName}` }).click();
    await page.getByRole("heading", { level: 2, name: "Vrijstellingen en mantelzorg" }).waitFor();
    const row = page.getByRole("table", { name: /^Vrijstellingen van / });
    await row.getByText("Wacht op tweede handtekening").waitFor();
    await settled(page, "client exemptions awaiting co-signature");
    await row.getByRole("button", { name: /^Tweede handtekening zetten/ }).click();
    await page.getByRole("dialog", { name: "Brief versturen?" }).getByRole("button", { name: "Ja, brief versturen" }).click();
    await page.getByText("U heeft de tweede handtekening gezet. De vrijstelling geldt nu.").waitFor();
    await row.getByText("Geldt", { exact: true }).waitFor();
    await settled(page, "exemption co-signed");
    await context.close();
  }, 120_000);
});

describe("an admin: the ordinance and the scheduled jobs", () => {
  it("adds an ordinance version from tomorrow, after a date in the past was refused", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "admin@demo.local");
    await openMenuItem(page, "Verordening");
    await expectHeading(page, "Verordening");
    await page.getByRole("table", { name: "Versies van de verordening: 1" }).waitFor();
    const effectiveFrom = page.getByLabel("Geldt vanaf");
    expect(await effectiveFrom.inputValue()).toBe(addDays(todayInAmsterdam(), 1));
    await settled(page, "ordinance");

    // Every version says what changed and on what authority.
    const note = page.getByLabel("Toelichting", { exact: true });
    await page.getByRole("button", { name: "Versie toevoegen" }).click();
    await errorSummary(page).waitFor();
    expect(await note.getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "ordinance version without a note");

    // A rule change never rewrites the past.
    await note.fill("Raadsbesluit van 12 november: norm naar 16 uur.");
    await effectiveFrom.fill(addDays(todayInAmsterdam(), -1));
    await page.getByRole("button", { name: "Versie toevoegen" }).click();
    await page.getByText("Kies vandaag of een latere datum.").first().waitFor();
    expect(await effectiveFrom.getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "ordinance version dated in the past");

    await effectiveFrom.fill(addDays(todayInAmsterdam(), 1));
    await page.getByLabel("Norm in uren per week").fill("16");
    await page.getByRole("button", { name: "Niveau toevoegen" }).click();
    await page
      .getByRole("group", { name: /^Niveau \d+$/ })
      .last()
      .getByLabel("Percentage")
      .fill("30");
    await page
      .getByRole("group", { name: /^Niveau \d+$/ })
      .last()
      .getByLabel("Maanden")
      .fill("3");
    await page.getByRole("button", { name: "Versie toevoegen" }).click();
    await page.getByText("Versie 2 is toegevoegd.").waitFor();
    const versions = page.getByRole("table", { name: "Versies van de verordening: 2" });
    await versions.getByText("Raadsbesluit van 12 november: norm naar 16 uur.").waitFor();
    await settled(page, "ordinance with a new version");
    await context.close();
  }, 120_000);

  it("adds next year's tax-free limits of the volunteer allowance, after a year without amounts was refused", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "admin@demo.local");
    await openMenuItem(page, "Verordening");
    const section = page.getByRole("region", { name: "Vrijwilligersvergoeding: grenzen per jaar" });
    await section.getByRole("table", { name: "Belastingvrije grenzen per jaar" }).getByRole("rowheader", { name: "2026" }).waitFor();
    await section.getByLabel("Jaar", { exact: true }).fill("2027");
    await section.getByLabel("Bron", { exact: true }).fill("Belastingdienst, vrijwilligersvergoeding 2027");
    await section.getByRole("button", { name: "Opslaan" }).click();
    await page.locator("#field-hourlyAmount-error").waitFor();
    await settled(page, "allowance limits refused");
    await section.getByLabel("Per uur (€)").fill("5,75");
    await section.getByLabel("Per maand (€)").fill("215");
    await section.getByLabel("Per jaar (€)").fill("2150");
    await section.getByRole("button", { name: "Opslaan" }).click();
    await section.getByText("De grenzen van 2027 zijn opgeslagen.").waitFor();
    const row = section.getByRole("row", { name: /^2027/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("5,75");
    await settled(page, "allowance limits saved");
    await context.close();
  }, 120_000);

  it("runs the daily job and sees the run succeed", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "admin@demo.local");
    await openMenuItem(page, "Geplande taken");
    await expectHeading(page, "Geplande taken");
    await page.waitForLoadState("networkidle");
    await settled(page, "scheduled jobs");

    await page.getByRole("button", { name: "Dagelijkse taak nu uitvoeren" }).click();
    await page.getByText("De dagelijkse taak is uitgevoerd.").waitFor();
    const runs = page.getByRole("table", { name: /^Laatste keren: \d+/ });
    await runs.getByText("Gelukt").first().waitFor();
    await runs.getByText("Met de hand").first().waitFor();
    await settled(page, "daily job run");
    await context.close();
  }, 120_000);
});

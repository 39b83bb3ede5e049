import { expectDefined } from "@server/testing/expect-defined.js";
import type { OrganisationOutput } from "@shared/schemas/organisations.js";
import type { PlacementOutput } from "@shared/schemas/placements.js";
import type { MeOutput } from "@shared/schemas/users.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, clientWithCapacity, referToHost } from "./api.js";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { openMenuItem } from "./menu.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  // The host answers referrals right after they are made: no hold for undoing.
  server = await startServer({ undoHoldMinutes: 0 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function settled(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
}

/** Fills in every term of the agreement and signs it, after the question about the letter. */
async function signAgreement(page: Page): Promise<void> {
  await page.getByLabel("Startdatum").fill("2026-12-01");
  await page.getByLabel("Einddatum").fill("2027-05-31");
  await page.getByLabel("Uren per week").fill("2");
  await page.getByLabel("Contactpersoon", { exact: true }).fill("Anja de Wit");
  await page.getByLabel("Taken").fill("Koffie schenken en de tafels dekken.");
  await page.getByLabel("Afspraken over begeleiding").fill("Anja begeleidt elke dinsdag, na vier weken een gesprek.");
  await page.getByRole("button", { name: "Overeenkomst tekenen en starten" }).click();
  await page.getByRole("dialog", { name: "Brief versturen?" }).getByRole("button", { name: "Ja, brief versturen" }).click();
  await page.getByText("De overeenkomst is vastgelegd. De plaatsing begint op de startdatum.").waitFor();
}

describe("a host organisation: referral, agreement, notes and the ending", () => {
  it("accepts a referral, signs the agreement, adds a note and reports the ending", async () => {
    const host = await apiAs(server.baseUrl, "organisatie@demo.local");
    const me = await host<MeOutput>("GET", "/me");
    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const referral = await referToHost(consultant, expectDefined(me.body.organisationId, "the host's organisation"));

    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "organisatie@demo.local");
    await expectHeading(page, "Aanmeldingen");
    await page.getByRole("table", { name: "Begeleiding in uren per week" }).waitFor();
    await settled(page, "host referrals");

    // Only what the host needs to know: first name, availability, hours, skills, languages, guidance need.
    const card = page.getByRole("region", { name: `${referral.givenName} voor ${referral.roleTitle}` });
    await card.getByText("Begeleiding nodig").waitFor();
    expect(await card.getByText("BSN").count()).toBe(0);
    await card.getByRole("button", { name: `${referral.givenName} aannemen` }).click();
    await page.getByText(`U heeft ${referral.givenName} aangenomen.`).waitFor();
    await settled(page, "host referrals after accepting");

    await page.getByRole("link", { name: "Naar plaatsingen" }).click();
    await expectHeading(page, "Plaatsingen");
    await settled(page, "host placements");
    await page.goto(`/placements/${referral.placementId}`);
    await expectHeading(page, `${referral.givenName} bij ${referral.roleTitle}`);
    await settled(page, "placement to start");

    // Every term of the agreement is required; the form names the missing ones before it asks about the letter.
    await page.getByLabel("Taken").fill("");
    await page.getByRole("button", { name: "Overeenkomst tekenen en starten" }).click();
    await page.getByText(/Er (is|zijn) \d+ fout/).waitFor();
    expect(await page.getByRole("dialog", { name: "Brief versturen?" }).count()).toBe(0);
    expect(await page.getByLabel("Startdatum").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "agreement with errors");
    await signAgreement(page);
    // The start's letter has not left the building: undone, the placement waits for its start again.
    const undoable = page.getByRole("status").filter({ hasText: "De afspraken (versie 1) zijn vastgelegd." });
    await undoable.waitFor();
    await settled(page, "placement started, undoable");
    await undoable.getByRole("button", { name: /^Ongedaan maken/ }).click();
    await page.getByText("De afspraken (versie 1) zijn ongedaan gemaakt. De plaatsing is weer zoals ervoor.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Overeenkomst tekenen en starten" }).waitFor();
    expect(await page.getByRole("heading", { level: 3, name: /^Versie 1, vastgelegd/ }).count()).toBe(0);
    await settled(page, "placement start undone");
    const undone = await host<PlacementOutput>("GET", `/placements/${referral.placementId}`);
    expect(undone.body).toMatchObject({ status: "accepted", agreements: [] });

    await signAgreement(page);
    await page.getByRole("heading", { level: 3, name: /^Versie 1, vastgelegd/ }).waitFor();
    // The host signed by starting it; the client and the municipality have not, and the host cannot sign for them.
    const signatures = page.getByRole("list", { name: "Handtekeningen" });
    await signatures.getByText(/^Organisatie: getekend op/).waitFor();
    await signatures.getByText("Deelnemer: nog niet getekend").waitFor();
    await signatures.getByText("Gemeente: nog niet getekend").waitFor();
    expect(await page.getByRole("button", { name: /^Tekenen voor/ }).count()).toBe(0);
    await settled(page, "active placement");

    await page.getByLabel("Nieuwe notitie").fill("Was er deze week op tijd.");
    await page.getByRole("button", { name: "Notitie toevoegen" }).click();
    await page.getByText("De notitie is toegevoegd.").waitFor();
    await page.getByText("Was er deze week op tijd.").waitFor();

    await page.getByRole("button", { name: "Stoppen melden" }).click();
    await page.getByText(/Er (is|zijn) \d+ fout/).waitFor();
    await expectNoAxeViolations(page, "ending with errors");
    await page.getByLabel("Waarom is de plaatsing gestopt?").selectOption({ label: "Deelnemer is gestopt" });
    await page.getByLabel("Wat gebeurde er?").fill("Kwam drie weken niet en belde niet af.");
    // Only the host's view: the consultant determines it after hearing the client.
    await page.getByLabel("Uw kijk: aan wie ligt het einde? (niet verplicht)").selectOption({ label: "De deelnemer" });
    await page.getByRole("button", { name: "Stoppen melden" }).click();
    await page.getByText("De plaatsing is gestopt. De consulent krijgt dit te zien.").waitFor();
    await page.getByText("Deelnemer is gestopt").first().waitFor();
    await settled(page, "ended placement");

    // The host gave its view; the consultant decides after hearing the client, and the host does not see that.
    const ended = await host<PlacementOutput>("GET", `/placements/${referral.placementId}`);
    expect(ended.body).toMatchObject({ status: "ended", endReason: "clientStopped", attributableTo: null, attribution: null });
    expect(ended.body.hostAccount).toBe("Kwam drie weken niet en belde niet af.");
    const waiting = await consultant<PlacementOutput>("GET", `/placements/${referral.placementId}`);
    expect(waiting.body).toMatchObject({ attributableTo: "undetermined", abilities: { attribute: true } });
    expect(ended.body.agreements).toHaveLength(1);
    expect(ended.body.notes).toHaveLength(1);
    await context.close();
  }, 120_000);
});

describe("a consultant: a new vacancy, its displacement outcome, and a proposal", () => {
  it("describes a role, sees it approved, and proposes a client for it", async () => {
    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const client = await clientWithCapacity(consultant);
    const title = `Maatje in de moestuin ${Date.now()}`;

    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await openMenuItem(page, "Vrijwilligersplekken");
    await expectHeading(page, "Vrijwilligersplekken");
    await page.getByRole("table", { name: /Vrijwilligersplekken: \d+ gevonden/ }).waitFor();
    await settled(page, "vacancies");

    await page.getByRole("link", { name: "Nieuwe vrijwilligersplek beschrijven" }).click();
    await expectHeading(page, "Nieuwe vrijwilligersplek");
    await page.getByRole("button", { name: "Vrijwilligersplek opslaan" }).click();
    await page.getByText(/Er zijn \d+ fouten/).waitFor();
    await expectNoAxeViolations(page, "new vacancy with errors");

    await page.getByLabel("Zoek organisatie op naam").fill("Wielewaal");
    await page
      .getByRole("radio", { name: /Wielewaal/ })
      .first()
      .check();
    await page.getByLabel("Naam van de vrijwilligersplek").fill(title);
    await page.getByLabel("Taken").fill("Samen met een vaste vrijwilliger de moestuin bijhouden.");
    await page.getByLabel("Hoogstens uren per week").fill("6");
    await page.getByLabel("Aantal plekken").fill("3");
    await page.getByLabel("Begeleiding die u geeft").selectOption({ label: "Veel begeleiding" });
    for (const question of [
      "Is dit werk de afgelopen drie jaar betaald werk geweest?",
      "Doen betaalde medewerkers dit werk ergens anders in uw organisatie?",
      "Zou u iemand betalen voor dit werk als er geen vrijwilliger was?",
      "Hoort dit werk bij een dienst waarvoor uw organisatie betaald wordt?",
      "Zijn er kort geleden betaalde medewerkers vertrokken of ontslagen?",
    ]) {
      await page.getByRole("group", { name: question }).getByLabel("Nee").check();
    }
    await page.getByRole("button", { name: "Vrijwilligersplek opslaan" }).click();
    await expectHeading(page, title);
    await page.getByText("Goedgekeurd", { exact: true }).waitFor();
    await page.getByText("Er kunnen nu nieuwe deelnemers komen.").waitFor();
    await settled(page, "new vacancy approved");

    await page.goto(`/clients/${client.id}?tab=placements`);
    await page.getByRole("heading", { level: 2, name: "Plaatsingen" }).waitFor();
    await settled(page, "client placements tab");
    await page.getByLabel("Zoek op vrijwilligersplek of organisatie").fill(title);
    await page.getByRole("radio", { name: new RegExp(title) }).check();
    await page.getByLabel("Uren per week (niet verplicht)").fill("2");
    await page.getByRole("button", { name: "Voorstellen" }).click();
    await page.getByRole("dialog", { name: "Voorstel versturen?" }).getByRole("button", { name: "Ja, voorstel versturen" }).click();
    const done = page.getByText(/^De cliënt is voorgesteld voor/);
    const override = page.getByLabel("Reden om toch voor te stellen");
    await done.or(override).waitFor();
    if (await override.isVisible()) {
      // The organisation's guidance hours are used up: a recorded reason lets the proposal through.
      await expectNoAxeViolations(page, "proposal asking for an override");
      await override.fill("De moestuin heeft een extra begeleider voor deze cliënt.");
      await page.getByRole("button", { name: "Voorstellen" }).click();
      await page.getByRole("dialog", { name: "Voorstel versturen?" }).getByRole("button", { name: "Ja, voorstel versturen" }).click();
      await done.waitFor();
    }
    await page
      .getByRole("table", { name: /^Plaatsingen van / })
      .getByText(title)
      .waitFor();
    await settled(page, "client with a proposal");
    await context.close();
  }, 120_000);
});

describe("a consultant: registering a host organisation and reading its guidance balance", () => {
  it("registers an organisation with two contact persons and sees its details, guidance and vacancies", async () => {
    const name = `Buurttuin Tarwewijk ${Date.now()}`;
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await openMenuItem(page, "Organisaties");
    await expectHeading(page, "Organisaties");
    await page.getByRole("table", { name: /Organisaties: \d+ gevonden/ }).waitFor();
    await settled(page, "organisations");

    await page.getByRole("link", { name: "Organisatie aanmelden" }).click();
    await expectHeading(page, "Organisatie aanmelden");
    await page.getByLabel("KvK-nummer").fill("1234");
    await page.getByRole("button", { name: "Organisatie aanmelden" }).click();
    await page.getByText(/Er zijn \d+ fouten/).waitFor();
    await page.getByText("Een KvK-nummer heeft 8 cijfers, zoals 12345678.").first().waitFor();
    expect(await page.getByLabel("Sector").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "new organisation with errors");

    await page.getByLabel("Naam van de organisatie").fill(name);
    await page.getByLabel("KvK-nummer").fill("6904 1234");
    await page.getByLabel("Sector").selectOption({ label: "Natuur en groen" });
    await page.getByLabel("Postcode").fill("3084 AB");
    await page.getByLabel("Huisnummer").fill("12");
    await page.getByLabel("Uren begeleiding per week").fill("3,5");
    await page.getByLabel("Opleiding of training (niet verplicht)").fill("Veilig werken met tuingereedschap");
    await page.getByLabel("Deelnemers die weinig Nederlands spreken zijn welkom").check();
    const first = page.getByRole("group", { name: "Contactpersoon 1" });
    await first.getByLabel("Naam", { exact: true }).fill("Fatima Ouali");
    await first.getByLabel("Telefoonnummer (niet verplicht)").fill("010 123 4567");
    // Adding a contact person puts the keyboard in its first box.
    await page.getByRole("button", { name: "Nog een contactpersoon" }).click();
    const second = page.getByRole("group", { name: "Contactpersoon 2" });
    expect(await second.getByLabel("Naam", { exact: true }).evaluate((element) => element === document.activeElement)).toBe(true);
    await second.getByLabel("Naam", { exact: true }).fill("Jan Bakker");
    await second.getByLabel("E-mailadres (niet verplicht)").fill("jan@buurttuin.nl");
    await page.getByRole("button", { name: "Organisatie aanmelden" }).click();

    await expectHeading(page, name);
    await page.getByText("De organisatie is aangemeld.").waitFor();
    await page.getByText("3084 AB 12").waitFor();
    await page.getByText("Charlois", { exact: true }).waitFor();
    await page.getByText("Deelnemers die weinig Nederlands spreken zijn welkom").waitFor();
    await page.getByRole("link", { name: "jan@buurttuin.nl" }).waitFor();
    await page.getByText("De organisatie heeft nog 3,5 uur per week begeleiding over.").waitFor();
    await page.getByText("Deze organisatie heeft nog geen vrijwilligersplekken.").waitFor();
    await settled(page, "new organisation");

    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const found = await consultant<{ items: OrganisationOutput[] }>("GET", `/organisations?q=${encodeURIComponent(name)}`);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({
      kvkNumber: "69041234",
      sector: "nature",
      guidanceHoursPerWeek: 3.5,
      acceptsLimitedDutch: true,
      trainingOffered: "Veilig werken met tuingereedschap",
      contacts: [
        { name: "Fatima Ouali", phone: "010 123 4567" },
        { name: "Jan Bakker", email: "jan@buurttuin.nl" },
      ],
    });
    await context.close();
  }, 120_000);
});
